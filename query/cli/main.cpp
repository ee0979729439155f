/// \file
/// `rumorwatch`: only dispatches to run_cli and returns its exit code.
#include <iostream>
#include <string>
#include <vector>

#include <unistd.h>

#include "query/cli/cli.h"

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    rumorwatch::Io io{std::cin, std::cout, std::cerr, isatty(STDOUT_FILENO) == 1};
    const std::vector<std::string> args(argv + 1, argv + argc);
    return rumorwatch::run_cli(args, io);
}
