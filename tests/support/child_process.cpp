/// \file
/// fork/exec with output redirected to files, and wait4 for the child's resource usage.
#include "tests/support/child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace rumorwatch::test {
namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::atomic<int> g_counter{0};

} // namespace

ChildProcess::ChildProcess(const std::filesystem::path& program, const std::vector<std::string>& args,
                           const std::filesystem::path& output_dir) {
    const int n = g_counter.fetch_add(1);
    out_path_ = output_dir / ("child-" + std::to_string(n) + ".out");
    err_path_ = output_dir / ("child-" + std::to_string(n) + ".err");
    std::vector<std::string> argv_storage{program.string()};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_storage) argv.push_back(a.data());
    argv.push_back(nullptr);
    // Open before fork: only async-signal-safe calls between fork and exec.
    const int out = ::open(out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const int err = ::open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out < 0 || err < 0) throw std::runtime_error("cannot create child output files in " + output_dir.string());
    started_ = std::chrono::steady_clock::now();
    pid_ = ::fork();
    if (pid_ == 0) {
        ::dup2(out, STDOUT_FILENO);
        ::dup2(err, STDERR_FILENO);
        const int null = ::open("/dev/null", O_RDONLY);
        if (null >= 0) ::dup2(null, STDIN_FILENO);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(out);
    ::close(err);
    if (pid_ < 0) throw std::runtime_error("fork failed");
}

ChildProcess::~ChildProcess() {
    if (!reaped_ && pid_ > 0) {
        ::kill(pid_, SIGKILL);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }
}

bool ChildProcess::running() {
    if (reaped_) return false;
    siginfo_t info{};
    info.si_pid = 0;
    // WNOWAIT: look without reaping, so wait() still gets the rusage.
    if (::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) != 0) return false;
    return info.si_pid == 0;
}

void ChildProcess::kill(int signal) {
    if (!reaped_) ::kill(pid_, signal);
}

ChildResult ChildProcess::reap(int status, const ::rusage& usage, bool timed_out) {
    reaped_ = true;
    ChildResult r;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    r.timed_out = timed_out;
    if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
    r.peak_rss_kb = usage.ru_maxrss;
    r.out = read_file(out_path_);
    r.err = read_file(err_path_);
    return r;
}

ChildResult ChildProcess::wait(std::chrono::milliseconds limit) {
    if (reaped_) throw std::logic_error("child already reaped");
    const auto deadline = std::chrono::steady_clock::now() + limit;
    int status = 0;
    ::rusage usage{};
    for (;;) {
        const pid_t done = ::wait4(pid_, &status, WNOHANG, &usage);
        if (done == pid_) return reap(status, usage, false);
        if (done < 0 && errno != EINTR) throw std::runtime_error("wait4 failed");
        if (std::chrono::steady_clock::now() >= deadline) {
            ::kill(pid_, SIGKILL);
            ::wait4(pid_, &status, 0, &usage);
            return reap(status, usage, true);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

ChildResult run_child(const std::filesystem::path& program, const std::vector<std::string>& args,
                      const std::filesystem::path& output_dir, std::chrono::milliseconds limit) {
    ChildProcess child(program, args, output_dir);
    return child.wait(limit);
}

} // namespace rumorwatch::test
