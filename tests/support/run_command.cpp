#include "tests/support/run_command.h"

#include <cstdio>
#include <memory>

#include <sys/wait.h>

namespace rumorwatch::test {

CommandResult run_command(const std::string& command) {
    CommandResult result;
    struct PipeCloser {
        int* status;
        void operator()(FILE* f) const { *status = pclose(f); }
    };
    int status = -1;
    {
        std::unique_ptr<FILE, PipeCloser> pipe(popen(command.c_str(), "r"), PipeCloser{&status});
        if (!pipe) return result;
        char buffer[4096];
        std::size_t n;
        while ((n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0) result.out.append(buffer, n);
    }
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string shell_quote(const std::string& arg) {
    std::string out = "'";
    for (char c : arg) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

} // namespace rumorwatch::test
