#include "query/cli/cli.h"

#include <iostream>

#include <CLI/CLI.hpp>

#include "crawler/crawler.h"
#include "index/index.h"
#include "parser/core/core.h"
#include "parser/analysis/analysis.h"
#include "parser/extract/extract.h"

namespace rumorwatch {
namespace {

/// Thrown by the hidden generator flags to stop parsing and print instead of running.
struct GeneratorRequest {
    enum Kind { manpage, bash_completion } kind;
};

} // namespace

std::string version_text() {
    return "rumorwatch " RUMORWATCH_VERSION "\n" + libcurl_version() + "\n" + xapian_version() + "\n" +
           gumbo_version() + "\n";
}

std::unique_ptr<CLI::App> make_app(Action& action, Io& io) {
    auto app = std::make_unique<CLI::App>("rumorwatch: follow a news rumor through the press", "rumorwatch");
    app->require_subcommand(1);
    app->footer("Run 'rumorwatch COMMAND --help' for a command's options; 'man rumorwatch' for the manual.");
    app->add_flag_callback("--version", [] { throw CLI::CallForVersion(version_text(), 0); },
                           "Print the version of rumorwatch and of the libraries it runs with");
    app->add_flag_callback("-q,--quiet", [&io] { io.verbosity = -1; }, "Print errors only");
    app->add_flag_function("-v,--verbose", [&io](std::int64_t count) { io.verbosity = static_cast<int>(count); },
                           "Say more (repeat for more still)");
    // Generators for the build (man page, completion); hidden from --help.
    app->add_flag_callback("--man", [] { throw GeneratorRequest{GeneratorRequest::manpage}; })->group("");
    app->add_flag_callback("--bash-completion", [] { throw GeneratorRequest{GeneratorRequest::bash_completion}; })
        ->group("");
    add_crawl_command(*app, action, io);
    add_search_command(*app, action, io);
    add_timeline_command(*app, action, io);
    add_show_command(*app, action, io);
    add_stats_command(*app, action, io);
    add_extract_command(*app, action, io);
    add_classify_command(*app, action, io);
    add_init_command(*app, action, io);
    add_reindex_command(*app, action, io);
    add_import_warc_command(*app, action, io);
    add_label_command(*app, action, io);
    add_labels_command(*app, action, io);
    return app;
}

int run_cli(const std::vector<std::string>& args, Io& io) {
    Action action;
    std::unique_ptr<CLI::App> app = make_app(action, io);
    // CLI11 reads an unknown command as a stray argument and says only that a command is
    // required; the first word that is not a flag is the command, so name it.
    // (Global flags take no values, so the first non-flag word is the command.)
    for (const std::string& arg : args) {
        if (arg.empty() || arg[0] == '-') continue;
        std::string names;
        bool known = false;
        for (const CLI::App* sub : app->get_subcommands([](CLI::App*) { return true; })) {
            known = known || sub->check_name(arg);
            names += (names.empty() ? "" : ", ") + sub->get_name();
        }
        if (!known) {
            io.err << "rumorwatch: error: unknown command '" << message_escape(arg) << "' (commands: " << names
                   << ")\nRun 'rumorwatch --help' for usage.\n";
            return 2;
        }
        break;
    }
    try {
        // CLI11 wants the arguments in reverse order when given a vector.
        std::vector<std::string> reversed(args.rbegin(), args.rend());
        app->parse(reversed);
    } catch (const CLI::CallForHelp&) {
        io.out << app->help();
        return 0;
    } catch (const CLI::CallForAllHelp&) {
        io.out << app->help("", CLI::AppFormatMode::All);
        return 0;
    } catch (const CLI::CallForVersion& e) {
        io.out << e.what();
        return 0;
    } catch (const GeneratorRequest& request) {
        io.out << (request.kind == GeneratorRequest::manpage ? render_manpage(*app) : render_bash_completion(*app));
        return 0;
    } catch (const CLI::ParseError& e) {
        io.err << "rumorwatch: error: " << message_escape(e.what()) << "\n"
               << "Run 'rumorwatch --help' (or 'rumorwatch COMMAND --help') for usage.\n";
        return 2;
    }
    try {
        return action ? action() : 2;
    } catch (const InputError& e) {
        // Messages quote configs, topics and arguments: one line, no terminal controls.
        io.err << "rumorwatch: error: " << message_escape(e.what()) << "\n";
        return 2;
    } catch (const std::exception& e) {
        io.err << "rumorwatch: error: " << message_escape(e.what()) << "\n";
        return 1;
    }
}

} // namespace rumorwatch
