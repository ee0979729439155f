/// \file
/// `rumorwatch search`: placeholder until its issue lands.
#include <CLI/CLI.hpp>

#include "query/cli.h"

namespace rumorwatch {

void add_search_command(CLI::App& app, Action& action, Io& io) {
    CLI::App* cmd = app.add_subcommand("search", "Full-text search of everything crawled");
    cmd->callback([&action, &io] {
        action = [&io] {
            io.err << "rumorwatch: error: 'search' is not built yet\n";
            return 1;
        };
    });
}

} // namespace rumorwatch
