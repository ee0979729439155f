/// \file
/// A child process serving on a loopback port for the length of a test (xapian-tcpsrv).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include <sys/types.h>

namespace rumorwatch::test {

/// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, then released).
int free_loopback_port();

/// Runs `argv` (argv[0] looked up in PATH) in a process group of its own, with stdout and
/// stderr to `log_file`, then waits until 127.0.0.1:`port` accepts connections. Stops the
/// group (SIGTERM, then SIGKILL after 2 s) and reaps the process on destruction.
class ServerProcess {
public:
    /// @throws std::runtime_error when it cannot start or does not listen within `ready_within`.
    ServerProcess(const std::vector<std::string>& argv, int port, const std::string& log_file,
                  std::chrono::milliseconds ready_within = std::chrono::seconds(10));
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const { return port_; }
    pid_t pid() const { return pid_; }

private:
    void stop();
    pid_t pid_ = -1;
    int port_ = 0;
};

} // namespace rumorwatch::test
