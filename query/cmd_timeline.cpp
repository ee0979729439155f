/// \file
/// `rumorwatch timeline`: placeholder until its issue lands.
#include <CLI/CLI.hpp>

#include "query/cli.h"

namespace rumorwatch {

void add_timeline_command(CLI::App& app, Action& action, Io& io) {
    CLI::App* cmd = app.add_subcommand("timeline", "How the rumor's status moved, with the evidence for each step");
    cmd->callback([&action, &io] {
        action = [&io] {
            io.err << "rumorwatch: error: 'timeline' is not built yet\n";
            return 1;
        };
    });
}

} // namespace rumorwatch
