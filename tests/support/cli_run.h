/// \file
/// Runs the rumorwatch CLI in process (query/cli/cli.h's run_cli) with captured streams, for
/// the query tests. Only tests that link the query library may call it.
#pragma once

#include <string>
#include <vector>

namespace rumorwatch::test {

/// What one in-process run of the CLI gave back.
struct CliRun {
    int code = -1;
    std::string out, err;
};

/// Runs `rumorwatch ARGS...` in this process, standard input empty (or `input`), output not
/// a terminal.
CliRun run_cli_captured(const std::vector<std::string>& args, const std::string& input = {});

} // namespace rumorwatch::test
