#include <catch2/catch.hpp>

#include <filesystem>

#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

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
