#include <catch2/catch.hpp>

#include <sstream>

#include <CLI/CLI.hpp>

#include "query/cli/cli.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;

namespace {

std::string run_to_string(const std::vector<std::string>& args) {
    std::istringstream in;
    std::ostringstream out, err;
    Io io{in, out, err, false};
    REQUIRE(run_cli(args, io) == 0);
    return out.str();
}

/// Every long and short option name the parser knows, per command ("" = global).
std::vector<std::pair<std::string, std::string>> all_options() {
    std::istringstream in;
    std::ostringstream out, err;
    Io io{in, out, err, false};
    Action action;
    const auto app = make_app(action, io);
    std::vector<std::pair<std::string, std::string>> names;
    const auto collect = [&](const CLI::App& a, const std::string& command) {
        for (const CLI::Option* opt : a.get_options()) {
            if (opt->get_group().empty()) continue; // hidden generators
            for (const auto& n : opt->get_lnames()) names.emplace_back(command, "--" + n);
            for (const auto& n : opt->get_snames()) names.emplace_back(command, "-" + n);
        }
    };
    collect(*app, "");
    for (const CLI::App* sub : app->get_subcommands([](const CLI::App*) { return true; }))
        collect(*sub, sub->get_name());
    return names;
}

} // namespace

TEST_CASE("manual: every option of --help appears in the man page and the completion", "[query]") {
    const std::string man = run_to_string({"--man"});
    const std::string completion = run_to_string({"--bash-completion"});
    const auto options = all_options();
    REQUIRE(options.size() > 20);
    for (const auto& [command, name] : options) {
        INFO(command << " " << name);
        // roff writes '-' as '\-'.
        std::string roffed;
        for (char c : name) roffed += c == '-' ? std::string("\\-") : std::string(1, c);
        CHECK_THAT(man, Catch::Contains(roffed));
        if (command.empty() || name != "--help") {
            std::string help = run_to_string(command.empty() ? std::vector<std::string>{"--help"}
                                                             : std::vector<std::string>{command, "--help"});
            CHECK_THAT(help, Catch::Contains(name));
        }
        if (name != "-h" && name != "--help") CHECK_THAT(completion, Catch::Contains(" " + name));
    }
}

TEST_CASE("manual: man -l renders rumorwatch(1)", "[query]") {
    test::TempDir dir;
    const auto page = dir.write("rumorwatch.1", run_to_string({"--man"}));
    const auto r = test::run_command("MANWIDTH=100 man -l " + test::shell_quote(page) + " 2>&1");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("rumorwatch - follow a news rumor through the press"));
    CHECK_THAT(r.out, Catch::Contains("EXIT STATUS"));
    CHECK_THAT(r.out, Catch::Contains("--connect-to"));
}

TEST_CASE("manual: --version names the libraries", "[query]") {
    const std::string v = run_to_string({"--version"});
    CHECK_THAT(v, Catch::StartsWith("rumorwatch "));
    CHECK_THAT(v, Catch::Contains("libcurl ") && Catch::Contains("Xapian 1.") && Catch::Contains("Gumbo "));
}
