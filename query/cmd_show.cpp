/// \file
/// `rumorwatch show`: placeholder until its issue lands.
#include <CLI/CLI.hpp>

#include "query/cli.h"

namespace rumorwatch {

void add_show_command(CLI::App& app, Action& action, Io& io) {
    CLI::App* cmd = app.add_subcommand("show", "One article: versions, mentions with evidence");
    cmd->callback([&action, &io] {
        action = [&io] {
            io.err << "rumorwatch: error: 'show' is not built yet\n";
            return 1;
        };
    });
}

} // namespace rumorwatch
