/// \file
/// `rumorwatch classify`: placeholder until its issue lands.
#include <CLI/CLI.hpp>

#include "query/cli.h"

namespace rumorwatch {

void add_classify_command(CLI::App& app, Action& action, Io& io) {
    CLI::App* cmd = app.add_subcommand("classify", "Judge texts read as JSON lines on standard input");
    cmd->callback([&action, &io] {
        action = [&io] {
            io.err << "rumorwatch: error: 'classify' is not built yet\n";
            return 1;
        };
    });
}

} // namespace rumorwatch
