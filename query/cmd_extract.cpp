/// \file
/// `rumorwatch extract`: placeholder until its issue lands.
#include <CLI/CLI.hpp>

#include "query/cli.h"

namespace rumorwatch {

void add_extract_command(CLI::App& app, Action& action, Io& io) {
    CLI::App* cmd = app.add_subcommand("extract", "Print what the parser sees in one HTML page");
    cmd->callback([&action, &io] {
        action = [&io] {
            io.err << "rumorwatch: error: 'extract' is not built yet\n";
            return 1;
        };
    });
}

} // namespace rumorwatch
