/// \file
/// Runs a shell command and captures its standard output (for tests that check our files
/// with a second, independent program: Python's csv and xml modules, Chromium).
#pragma once

#include <string>

namespace rumorwatch::test {

struct CommandResult {
    int exit_code = -1;
    std::string out;
};

/// Runs `command` with /bin/sh; standard error goes to the test's own.
CommandResult run_command(const std::string& command);

/// Single-quotes `arg` for /bin/sh.
std::string shell_quote(const std::string& arg);

} // namespace rumorwatch::test
