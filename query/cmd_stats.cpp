/// \file
/// `rumorwatch stats`: placeholder until its issue lands.
#include <CLI/CLI.hpp>

#include "query/cli.h"

namespace rumorwatch {

void add_stats_command(CLI::App& app, Action& action, Io& io) {
    CLI::App* cmd = app.add_subcommand("stats", "What the database holds");
    cmd->callback([&action, &io] {
        action = [&io] {
            io.err << "rumorwatch: error: 'stats' is not built yet\n";
            return 1;
        };
    });
}

} // namespace rumorwatch
