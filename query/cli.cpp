#include "query/cli.h"

#include <iostream>

#include <CLI/CLI.hpp>

#include "parser/errors.h"

namespace rumorwatch {

int run_cli(const std::vector<std::string>& args, Io& io) {
    CLI::App app{"rumorwatch: follow a news rumor through the press", "rumorwatch"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "rumorwatch 0.1.0");
    Action action;
    add_crawl_command(app, action, io);
    add_search_command(app, action, io);
    add_timeline_command(app, action, io);
    add_show_command(app, action, io);
    add_stats_command(app, action, io);
    add_extract_command(app, action, io);
    add_classify_command(app, action, io);
    add_reindex_command(app, action, io);
    add_import_warc_command(app, action, io);

    try {
        // CLI11 wants the arguments in reverse order when given a vector.
        std::vector<std::string> reversed(args.rbegin(), args.rend());
        app.parse(reversed);
    } catch (const CLI::CallForHelp& e) {
        io.out << app.help();
        return 0;
    } catch (const CLI::CallForAllHelp& e) {
        io.out << app.help("", CLI::AppFormatMode::All);
        return 0;
    } catch (const CLI::CallForVersion& e) {
        io.out << e.what() << "\n";
        return 0;
    } catch (const CLI::ParseError& e) {
        io.err << "rumorwatch: error: " << e.what() << "\n"
               << "Run 'rumorwatch --help' (or 'rumorwatch COMMAND --help') for usage.\n";
        return 2;
    }
    try {
        return action ? action() : 2;
    } catch (const InputError& e) {
        io.err << "rumorwatch: error: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        io.err << "rumorwatch: error: " << e.what() << "\n";
        return 1;
    }
}

} // namespace rumorwatch
