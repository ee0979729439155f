#include "tests/support/tcp_server_process.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <thread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace rumorwatch::test {
namespace {

/// A socket closed on scope exit.
struct Socket {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    ~Socket() {
        if (fd >= 0) close(fd);
    }
};

sockaddr_in loopback(int port) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return addr;
}

bool accepts_connections(int port) {
    Socket s;
    const sockaddr_in addr = loopback(port);
    return connect(s.fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0;
}

} // namespace

int free_loopback_port() {
    Socket s;
    sockaddr_in addr = loopback(0);
    if (s.fd < 0 || bind(s.fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
        throw std::runtime_error(std::string("cannot bind a loopback socket: ") + std::strerror(errno));
    socklen_t len = sizeof addr;
    getsockname(s.fd, reinterpret_cast<sockaddr*>(&addr), &len);
    return ntohs(addr.sin_port);
}

ServerProcess::ServerProcess(const std::vector<std::string>& argv, int port, const std::string& log_file,
                             std::chrono::milliseconds ready_within)
    : port_(port) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        // A process group of its own: xapian-tcpsrv answers SIGTERM by signalling its whole
        // group (to reach its per-connection children), which must not include the test.
        setpgid(0, 0);
        const int log = open(log_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (log >= 0) {
            dup2(log, STDOUT_FILENO);
            dup2(log, STDERR_FILENO);
        }
        execvp(args[0], args.data());
        _exit(127);
    }
    setpgid(pid_, pid_); // also here, so the group exists before either side relies on it
    const auto deadline = std::chrono::steady_clock::now() + ready_within;
    while (!accepts_connections(port)) {
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error(argv[0] + " exited before listening on port " + std::to_string(port) +
                                     " (see " + log_file + ")");
        }
        if (std::chrono::steady_clock::now() > deadline) {
            stop();
            throw std::runtime_error(argv[0] + " did not listen on port " + std::to_string(port) + " in time");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

ServerProcess::~ServerProcess() { stop(); }

void ServerProcess::stop() {
    if (pid_ <= 0) return;
    kill(-pid_, SIGTERM); // the server's group: it and its connection children
    for (int i = 0; i < 100; ++i) { // up to 2 s, then no more asking
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill(-pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

} // namespace rumorwatch::test
