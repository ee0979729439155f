#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

using namespace rumorwatch;
using test::run_command;
using test::shell_quote;

namespace {

/// Installs the build tree into a fresh prefix, as `make install PREFIX=...` does.
void install_into(const test::TempDir& prefix) {
    const auto r = run_command("cmake --install " + shell_quote(test::binary_dir().string()) + " --prefix " +
                               shell_quote(prefix.path().string()) + " >/dev/null 2>&1");
    REQUIRE(r.exit_code == 0);
}

} // namespace

TEST_CASE("install: the installed binary runs, finds its data, and init writes a starter config", "[query]") {
    test::TempDir prefix("rumorwatch-prefix");
    install_into(prefix);
    const auto bin = prefix.file("bin/rumorwatch");
    REQUIRE(std::filesystem::exists(bin));
    CHECK(std::filesystem::exists(prefix.file("share/man/man1/rumorwatch.1")));
    CHECK(std::filesystem::exists(prefix.file("share/bash-completion/completions/rumorwatch")));
    CHECK(std::filesystem::exists(prefix.file("share/rumorwatch/topics/apple-alibaba.json")));
    CHECK(std::filesystem::exists(prefix.file("share/rumorwatch/demo/outlets.json")));
    CHECK(std::filesystem::exists(prefix.file("share/rumorwatch/systemd/rumorwatch-crawl.timer")));

    const auto version = run_command(shell_quote(bin) + " --version");
    CHECK(version.exit_code == 0);
    CHECK_THAT(version.out, Catch::StartsWith("rumorwatch "));

    // init from a clean home: the environment names nothing of the source tree.
    test::TempDir home("rumorwatch-home");
    const std::string env = "env -i HOME=" + shell_quote(home.path().string()) + " PATH=/usr/bin:/bin ";
    const auto init = run_command(env + shell_quote(bin) + " init 2>&1");
    INFO(init.out);
    REQUIRE(init.exit_code == 0);
    CHECK_THAT(init.out, Catch::Contains(home.file(".config/rumorwatch/topics/apple-alibaba.json")));
    CHECK(std::filesystem::exists(home.file(".config/rumorwatch/topics/apple-alibaba.json")));
    // A second init keeps what is there.
    const auto again = run_command(env + shell_quote(bin) + " init 2>&1");
    CHECK(again.exit_code == 0);
    CHECK_THAT(again.out, Catch::Contains("kept"));
}

TEST_CASE("install: the installed binary crawls the demo world shipped in its share folder", "[query][e2e]") {
    test::TempDir prefix("rumorwatch-prefix");
    install_into(prefix);
    const std::string bin = prefix.file("bin/rumorwatch");
    const std::filesystem::path share = prefix.path() / "share/rumorwatch";
    REQUIRE(std::filesystem::exists(share / "demo/site"));

    // The shipped demo outlets, without their politeness delays so the test stays short.
    test::TempDir work("rumorwatch-installed-crawl");
    nlohmann::json config = nlohmann::json::parse(std::ifstream(share / "demo/outlets.json"));
    for (auto& outlet : config["outlets"]) outlet["min_delay_ms"] = 0;
    const std::string config_file = work.write("outlets.json", config.dump(2));

    test::TestServerOptions options;
    options.root = share / "demo/site";
    test::TestServer server(options);

    const std::string env = "env -i HOME=" + shell_quote(work.path().string()) + " PATH=/usr/bin:/bin ";
    const std::string db = work.file("db");
    const auto crawl = run_command(env + shell_quote(bin) + " crawl -q --config " + shell_quote(config_file) +
                                   " --topic " + shell_quote((share / "topics/apple-alibaba.json").string()) +
                                   " --db " + shell_quote(db) + " --connect-to " + shell_quote(server.connect_to()) +
                                   " 2>&1");
    INFO(crawl.out);
    REQUIRE(crawl.exit_code == 0);

    const auto timeline = run_command(env + shell_quote(bin) + " timeline --format json --db " + shell_quote(db) +
                                      " --topic " + shell_quote((share / "topics/apple-alibaba.json").string()));
    REQUIRE(timeline.exit_code == 0);
    const auto json = nlohmann::json::parse(timeline.out);
    INFO(timeline.out.substr(0, 2000));
    REQUIRE(json.contains("transitions"));
    CHECK(json["transitions"].size() >= 5);
    const auto stats = run_command(env + shell_quote(bin) + " stats --db " + shell_quote(db));
    CHECK(stats.exit_code == 0);
    CHECK_THAT(stats.out, Catch::Contains("pacific-wire"));
}
