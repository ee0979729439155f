#include <catch2/catch.hpp>

#include <csignal>
#include <fstream>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "parser/core/core.h"
#include "query/cli/cli.h"
#include "query/timeline/timeline.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

using namespace rumorwatch;

namespace {

std::vector<nlohmann::json> json_lines(const std::string& path) {
    std::vector<nlohmann::json> lines;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) {
            // The last line may be half written while a crawl runs: skip what does not parse.
            auto parsed = nlohmann::json::parse(line, nullptr, false);
            if (!parsed.is_discarded()) lines.push_back(std::move(parsed));
        }
    return lines;
}

int run(const std::vector<std::string>& args) {
    std::istringstream in;
    std::ostringstream out, err;
    Io io{in, out, err, false};
    const int code = run_cli(args, io);
    INFO(err.str());
    return code;
}

} // namespace

TEST_CASE("on-change: the command gets its input on stdin and its status back", "[query]") {
    test::TempDir dir;
    const auto file = dir.file("got.txt");
    CHECK(run_with_input("cat > '" + file + "'", "{\"x\": 1}\n") == 0);
    std::ifstream in(file);
    std::string got((std::istreambuf_iterator<char>(in)), {});
    CHECK(got == "{\"x\": 1}\n");
    CHECK(run_with_input("exit 3", "ignored") == 3);
    CHECK(run_with_input("true", std::string(1 << 20, 'x')) == 0); // a command that reads nothing
}

TEST_CASE("on-change: a crawl that moves the rumor runs the command once per new transition", "[query][crawl]") {
    test::TempDir dir;
    const auto source = test::source_dir();
    test::TestServerOptions options;
    options.root = source / "seeds/demo/site";
    options.overlay = source / "seeds/demo/phase2";
    test::TestServer server(options);
    const auto alerts = dir.file("alerts.jsonl");
    const std::vector<std::string> crawl = {"crawl",
                                            "--config", (source / "seeds/demo/outlets.json").string(),
                                            "--topic", (source / "seeds/topics/apple-alibaba.json").string(),
                                            "--db", dir.file("db"),
                                            "--connect-to", server.connect_to(),
                                            "--quiet",
                                            "--on-change", "cat >> '" + alerts + "'"};
    REQUIRE(run(crawl) == 0);
    const auto first = json_lines(alerts);
    REQUIRE(first.size() >= 3); // the demo story moves several times
    CHECK(first.front()["topic"] == "apple-alibaba");
    CHECK(first.front()["transition"]["from"] == "none");
    CHECK(first.back()["transition"]["to"] == first.back()["state"]);
    for (const auto& alert : first) CHECK_FALSE(alert["transition"]["first"]["evidence"].get<std::string>().empty());

    // Crawling the same world again moves nothing, so nothing is announced.
    auto again = crawl;
    again.push_back("--refresh");
    REQUIRE(run(again) == 0);
    CHECK(json_lines(alerts).size() == first.size());
}

// Regression (issue 8): with --every the command ran only when the crawler exited, so a
// long-running crawler never announced anything.
TEST_CASE("on-change: a crawl with --every announces after each pass, while it keeps running", "[query][crawl]") {
    using namespace std::chrono_literals;
    test::TempDir dir;
    const auto source = test::source_dir();
    nlohmann::json config = nlohmann::json::parse(std::ifstream(source / "seeds/demo/outlets.json"));
    for (auto& outlet : config["outlets"]) outlet["min_delay_ms"] = 0;
    const std::string config_file = dir.write("outlets.json", config.dump());
    test::TestServerOptions options;
    options.root = source / "seeds/demo/site";
    test::TestServer server(options);
    const auto alerts = dir.file("alerts.jsonl");
    test::ChildProcess crawl(test::binary_dir() / "query/rumorwatch",
                             {"crawl", "--config", config_file, "--topic",
                              (source / "seeds/topics/apple-alibaba.json").string(), "--db", dir.file("db"),
                              "--connect-to", server.connect_to(), "--quiet", "--every", "1h", "--on-change",
                              "cat >> '" + alerts + "'"},
                             dir.path());
    const auto deadline = std::chrono::steady_clock::now() + 240s;
    while (json_lines(alerts).size() < 3 && crawl.running() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(200ms);
    CHECK(json_lines(alerts).size() >= 3);
    CHECK(crawl.running()); // announced while waiting for the next pass, not at exit
    crawl.kill(SIGTERM);
    CHECK(crawl.wait(60s).exit_code == 0);
}
