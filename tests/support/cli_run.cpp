/// \file
/// run_cli_captured: the CLI in process with string streams.
#include "tests/support/cli_run.h"

#include <sstream>

#include "query/cli/cli.h"

namespace rumorwatch::test {

CliRun run_cli_captured(const std::vector<std::string>& args, const std::string& input) {
    std::istringstream in(input);
    std::ostringstream out, err;
    Io io{in, out, err, false};
    const int code = run_cli(args, io);
    return {code, out.str(), err.str()};
}

} // namespace rumorwatch::test
