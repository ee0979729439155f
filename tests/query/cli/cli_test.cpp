#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "query/cli/cli.h"
#include "tests/support/cli_run.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;

namespace {

using rumorwatch::test::CliRun;

CliRun run(const std::vector<std::string>& args, const std::string& input = "") {
    return rumorwatch::test::run_cli_captured(args, input);
}

} // namespace

TEST_CASE("cli: --help lists every command", "[query]") {
    const auto r = run({"--help"});
    CHECK(r.code == 0);
    for (const char* command : {"crawl", "search", "timeline", "show", "stats", "extract", "classify"})
        CHECK_THAT(r.out, Catch::Contains(command));
}

TEST_CASE("cli: an unknown option exits 2 and names it", "[query]") {
    const auto r = run({"crawl", "--frobnicate"});
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("--frobnicate"));
}

TEST_CASE("cli: a missing config exits 2 and names the file", "[query]") {
    const auto r = run({"crawl", "--config", "/nonexistent/outlets.json", "--db", "/tmp/x"});
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("/nonexistent/outlets.json"));
}

TEST_CASE("cli: a config with a syntax error exits 2 and names the file and line", "[query]") {
    test::TempDir dir;
    const auto path = dir.write("outlets.json", "{\n \"outlets\": [\n  {\"id\": \"x\"\n");
    const auto r = run({"crawl", "--config", path, "--db", dir.file("db")});
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains(path + ":4:"));
}
