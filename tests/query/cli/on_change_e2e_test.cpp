#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include <signal.h>

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

namespace {

using namespace std::chrono_literals;

/// The demo world with no politeness delay, and the arguments of a crawl of it.
struct OnChangeWorld {
    test::TempDir dir;
    test::TestServer server;
    std::string config;

    static test::TestServerOptions server_options() {
        test::TestServerOptions options;
        options.root = test::source_dir() / "seeds/demo/site";
        return options;
    }
    OnChangeWorld() : server(server_options()) {
        nlohmann::json outlets = nlohmann::json::parse(std::ifstream(test::source_dir() / "seeds/demo/outlets.json"));
        for (auto& outlet : outlets["outlets"]) outlet["min_delay_ms"] = 0;
        config = dir.write("outlets.json", outlets.dump());
    }
    std::vector<std::string> crawl(const std::string& hook, std::vector<std::string> extra = {}) const {
        std::vector<std::string> args = {"crawl", "--config", config, "--topic",
                                         (test::source_dir() / "seeds/topics/apple-alibaba.json").string(),
                                         "--db", dir.file("db"), "--connect-to", server.connect_to(),
                                         "--quiet", "--on-change", hook};
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    }
    /// A run in its own folder (ChildProcess keeps stdout and stderr there).
    std::filesystem::path run_dir(const std::string& name) const {
        std::filesystem::create_directories(dir.path() / name);
        return dir.path() / name;
    }
};

/// Crawls with a command that never finishes, and stops the crawl with SIGTERM while the
/// command runs: the crawl's transitions are committed but not announced.
void crawl_stopped_while_announcing(const OnChangeWorld& world) {
    const auto started = world.dir.file("hook-started");
    test::ChildProcess crawl(test::binary_dir() / "query/rumorwatch",
                             world.crawl("touch '" + started + "'; exec sleep 300"), world.run_dir("first"));
    // Bounded by the CTest timeout, and by the crawl ending on its own.
    while (!std::filesystem::exists(started) && crawl.running()) std::this_thread::sleep_for(100ms);
    REQUIRE(std::filesystem::exists(started));
    crawl.kill(SIGTERM);
    const auto result = crawl.wait(120s);
    INFO(result.err);
    REQUIRE_FALSE(result.timed_out);
    CHECK(result.exit_code == 0);
    // The command is killed with the crawl, not waited for (it sleeps 300 s). Generous for a
    // loaded machine.
    CHECK(result.seconds < 60);
}

std::set<std::string> transition_keys(const std::vector<nlohmann::json>& alerts) {
    std::set<std::string> keys;
    for (const auto& a : alerts)
        keys.insert(a["topic"].get<std::string>() + "|" + a["transition"].dump());
    return keys;
}

} // namespace

// Regression (issue 17, finding 7): transitions not yet announced when a crawl stopped were
// never announced, since the next run compared against a database that already had them.
TEST_CASE("on-change: a crawl stopped before announcing leaves its transitions to the next run, once",
          "[query][crawl]") {
    OnChangeWorld world;
    crawl_stopped_while_announcing(world);
    const auto alerts = world.dir.file("alerts.jsonl");
    CHECK_FALSE(std::filesystem::exists(alerts));

    // The next run finds nothing new on the web, and announces what the first one left.
    const auto second = test::run_child(test::binary_dir() / "query/rumorwatch",
                                        world.crawl("cat >> '" + alerts + "'", {"--refresh"}),
                                        world.run_dir("second"), 240s);
    INFO(second.err);
    REQUIRE(second.exit_code == 0);
    const auto announced = json_lines(alerts);
    REQUIRE(announced.size() >= 3); // the demo story moves several times
    CHECK(announced.front()["transition"]["from"] == "none");
    CHECK(transition_keys(announced).size() == announced.size()); // each once

    // And only once: a third run has nothing left to say.
    const auto third = test::run_child(test::binary_dir() / "query/rumorwatch",
                                       world.crawl("cat >> '" + alerts + "'", {"--refresh"}),
                                       world.run_dir("third"), 240s);
    REQUIRE(third.exit_code == 0);
    CHECK(json_lines(alerts).size() == announced.size());
}

// Regression (issue 17, finding 7): hooks ran one after another with no time limit, on the
// crawl's own thread, so one slow command held the whole crawl.
TEST_CASE("on-change: a slow command runs beside the crawl and is killed at its timeout", "[query][crawl]") {
    OnChangeWorld world;
    crawl_stopped_while_announcing(world); // transitions wait in the outbox
    const auto alerts = world.dir.file("alerts.jsonl");
    const auto log = world.dir.file("crawl-log.jsonl");
    const auto saw_crawl = world.dir.file("saw-crawl");
    const auto pid_file = world.dir.file("slow-pid");
    // The first command waits until the crawl has logged a fetch made after the command
    // started (impossible if the crawl waited for it), then hangs; the others announce.
    const std::string size = "$(wc -c < '" + log + "' 2>/dev/null || echo 0)";
    const std::string hook = "if [ ! -e '" + saw_crawl + "' ]; then echo $$ > '" + pid_file + "'; s0=" + size +
                             "; while [ " + size + " -le $s0 ]; do sleep 0.1; done; touch '" + saw_crawl +
                             "'; exec sleep 300; fi; cat >> '" + alerts + "'";
    const auto second = test::run_child(test::binary_dir() / "query/rumorwatch",
                                        world.crawl(hook, {"--refresh", "--log", log, "--on-change-timeout", "20s"}),
                                        world.run_dir("second"), 240s);
    INFO(second.err);
    REQUIRE_FALSE(second.timed_out);
    CHECK(second.exit_code == 0);
    CHECK(std::filesystem::exists(saw_crawl)); // the crawl fetched while the command ran
    CHECK_THAT(second.err, Catch::Contains("was killed after 20 s"));
    CHECK(second.seconds < 200); // not the 300 s the command sleeps; generous for load
    // The killed command's process group is gone.
    std::ifstream pid_in(pid_file);
    pid_t slow_pid = 0;
    pid_in >> slow_pid;
    REQUIRE(slow_pid > 0);
    CHECK(::kill(slow_pid, 0) != 0);

    // The killed announcement stays in the outbox; the next run makes it, and no other twice.
    const auto first_batch = json_lines(alerts).size();
    REQUIRE(first_batch >= 2);
    const auto third = test::run_child(test::binary_dir() / "query/rumorwatch",
                                       world.crawl("cat >> '" + alerts + "'", {"--refresh"}),
                                       world.run_dir("third"), 240s);
    REQUIRE(third.exit_code == 0);
    const auto all = json_lines(alerts);
    CHECK(all.size() == first_batch + 1);
    CHECK(transition_keys(all).size() == all.size());
}
