/// \file
/// Runs the built `rumorwatch` binary as a child process, for tests of what only a real
/// process shows: exit codes, signals, lock files, SIGKILL in the middle of a crawl.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include <sys/types.h>

namespace rumorwatch::test {

/// A started child; killed (SIGKILL) and reaped on destruction if still running.
class ChildProcess {
public:
    /// Starts binary_dir()/query/rumorwatch with `args`; stdout and stderr go to the given
    /// files ("" = /dev/null). @throws std::runtime_error when it cannot start.
    ChildProcess(const std::vector<std::string>& args, const std::string& stdout_path = "",
                 const std::string& stderr_path = "");
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }
    /// Sends a signal. @return false when the process is already gone.
    bool signal(int signal_number);
    /// Waits (bounded) for the end; returns the raw wait status, or -1 on timeout (the
    /// child is then killed).
    int wait(std::chrono::milliseconds timeout = std::chrono::seconds(120));
    /// True while it runs (reaps it when it has ended).
    bool running();

private:
    pid_t pid_ = -1;
    bool reaped_ = false;
    int status_ = 0;
};

/// Exit code of a wait status, or -1 when the process did not exit normally.
int exit_code(int wait_status);
/// Reads a whole text file ("" when missing).
std::string slurp(const std::string& path);

} // namespace rumorwatch::test
