/// \file
/// Runs a program (the built `rumorwatch`) as a child process with its output in files,
/// and reports what the kernel measured: exit status or signal, wall time, peak RSS.
/// For tests that must see the real process: time budgets, memory caps, SIGKILL.
#pragma once

#include <sys/resource.h>
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace rumorwatch::test {

/// How a child ended.
struct ChildResult {
    int exit_code = -1;        ///< when it exited; -1 when killed by a signal
    int signal = 0;            ///< the signal that ended it, 0 when it exited
    bool timed_out = false;    ///< killed by us because it overran its time limit
    double seconds = 0;        ///< wall time from start to reaping
    long peak_rss_kb = 0;      ///< ru_maxrss of the child (kilobytes)
    std::string out;           ///< standard output
    std::string err;           ///< standard error
};

/// A started child. Reaped (killed first if still running) on destruction.
class ChildProcess {
public:
    /// Starts `program` with `args` (without argv[0]); stdout and stderr go to files in
    /// `output_dir`. @throws std::runtime_error when the process cannot be started.
    ChildProcess(const std::filesystem::path& program, const std::vector<std::string>& args,
                 const std::filesystem::path& output_dir);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }
    /// True while the child has not exited (non-blocking).
    bool running();
    /// Sends `signal` to the child (if it is still running).
    void kill(int signal);
    /// Waits for the child, killing it with SIGKILL after `limit`.
    ChildResult wait(std::chrono::milliseconds limit);

private:
    ChildResult reap(int status, const ::rusage& usage, bool timed_out);

    pid_t pid_ = -1;
    bool reaped_ = false;
    std::filesystem::path out_path_, err_path_;
    std::chrono::steady_clock::time_point started_;
};

/// Starts `program`, waits up to `limit`, returns what happened.
ChildResult run_child(const std::filesystem::path& program, const std::vector<std::string>& args,
                      const std::filesystem::path& output_dir, std::chrono::milliseconds limit);

} // namespace rumorwatch::test
