/// \file
/// TestServer: spawning, steering and reaping the loopback rwserve.py process.
#include "tests/support/test_server.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

extern char** environ;

namespace rumorwatch::test {
namespace {

using Clock = std::chrono::steady_clock;

std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// posix_spawn's attribute and file-action objects, destroyed on every path.
struct SpawnSetup {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attr;
    SpawnSetup() {
        posix_spawn_file_actions_init(&actions);
        posix_spawnattr_init(&attr);
    }
    ~SpawnSetup() {
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attr);
    }
    SpawnSetup(const SpawnSetup&) = delete;
    SpawnSetup& operator=(const SpawnSetup&) = delete;
};

RequestLogEntry to_entry(const nlohmann::json& j) {
    RequestLogEntry e;
    e.time = j.value("time", 0.0);
    e.end = j.value("end", 0.0);
    e.client = j.value("client", "");
    e.local = j.value("local", "");
    e.conn = j.value("conn", 0L);
    e.host = j.value("host", "");
    e.method = j.value("method", "");
    e.path = j.value("path", "");
    e.status = j.value("status", 0);
    e.bytes = j.value("bytes", 0LL);
    e.conditional = j.value("conditional", false);
    e.user_agent = j.value("user_agent", "");
    if (j.contains("fault") && j["fault"].is_string()) e.fault = j["fault"].get<std::string>();
    e.gzip = j.value("gzip", false);
    e.phase = j.value("phase", 1);
    e.in_flight = j.value("in_flight", 0);
    e.open_connections = j.value("open_connections", 0);
    return e;
}

} // namespace

TestServer::TestServer(TestServerOptions options) : options_(std::move(options)) {
    if (options_.binds.empty()) options_.binds.push_back("127.0.0.1");
    control_path_ = dir_.path() / "control.json";
    log_path_ = dir_.path() / "requests.jsonl";
    port_path_ = dir_.path() / "port";
    output_path_ = dir_.path() / "server.out";
    write_control(); // present before the first request

    const auto script = (source_dir() / "tests" / "server" / "rwserve.py").string();
    std::vector<std::string> args{"python3", script,
        "--root", options_.root.string(),
        "--port-file", port_path_.string(),
        "--control", control_path_.string(),
        "--log", log_path_.string(),
        "--latency-ms", std::to_string(options_.latency_ms),
        "--phase", std::to_string(options_.phase),
        "--max-seconds", std::to_string(options_.max_seconds),
        "--parent-pid", std::to_string(getpid())};
    if (!options_.overlay.empty()) {
        args.push_back("--overlay");
        args.push_back(options_.overlay.string());
    }
    if (!options_.vhost) args.push_back("--no-vhost");
    for (const auto& bind : options_.binds) {
        args.push_back("--bind");
        args.push_back(bind);
    }
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);

    SpawnSetup setup;
    posix_spawn_file_actions_addopen(&setup.actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&setup.actions, STDOUT_FILENO, output_path_.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&setup.actions, STDOUT_FILENO, STDERR_FILENO);
    // The child must not inherit a blocked or ignored SIGTERM from the test process.
    sigset_t empty, defaults;
    sigemptyset(&empty);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGTERM);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigmask(&setup.attr, &empty);
    posix_spawnattr_setsigdefault(&setup.attr, &defaults);
    posix_spawnattr_setflags(&setup.attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    const int rc = posix_spawnp(&pid_, "python3", &setup.actions, &setup.attr, argv.data(), environ);
    if (rc != 0) {
        pid_ = -1;
        throw std::runtime_error(std::string("cannot start python3: ") + std::strerror(rc));
    }

    const auto deadline = Clock::now() + options_.start_timeout;
    while (true) {
        std::ifstream in(port_path_);
        if (in >> port_ && port_ > 0) break;
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error("rwserve.py exited before listening:\n" + server_output());
        }
        if (Clock::now() > deadline) {
            const auto output = server_output();
            stop();
            throw std::runtime_error("rwserve.py did not report a port in time:\n" + output);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

TestServer::~TestServer() { stop(); }

void TestServer::stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    // The server stops within its 0.2 s watch interval; SIGKILL if it does not.
    const auto deadline = Clock::now() + std::chrono::seconds(3);
    int status = 0;
    while (true) {
        const pid_t done = waitpid(pid_, &status, WNOHANG);
        if (done == pid_ || (done < 0 && errno != EINTR)) break;
        if (Clock::now() > deadline) {
            kill(pid_, SIGKILL);
            while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
            }
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    pid_ = -1;
}

std::string TestServer::server_output() const { return read_all(output_path_); }

std::string TestServer::connect_to() const { return "::127.0.0.1:" + std::to_string(port_); }

std::string TestServer::connect_to(const std::string& host, const std::string& address) const {
    return host + "::" + address + ":" + std::to_string(port_);
}

std::string TestServer::base_url(const std::string& address) const {
    return "http://" + (address.empty() ? options_.binds.front() : address) + ":" +
           std::to_string(port_);
}

void TestServer::write_control() {
    const nlohmann::json control{
        {"latency_ms", options_.latency_ms}, {"phase", options_.phase}, {"faults", faults_}};
    // Write then rename, so the server never reads half a file.
    const auto tmp = dir_.path() / "control.json.tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << control.dump(2) << '\n';
        if (!out) throw std::runtime_error("cannot write " + tmp.string());
    }
    std::filesystem::rename(tmp, control_path_);
}

void TestServer::set_faults(const nlohmann::json& faults) {
    if (!faults.is_array()) throw std::invalid_argument("set_faults: faults must be a JSON array");
    faults_ = faults;
    write_control();
}

void TestServer::set_latency_ms(int latency_ms) {
    options_.latency_ms = latency_ms;
    write_control();
}

void TestServer::set_phase(int phase) {
    if (phase != 1 && phase != 2) throw std::invalid_argument("set_phase: phase is 1 or 2");
    options_.phase = phase;
    write_control();
}

std::vector<nlohmann::json> TestServer::requests_json() const {
    std::vector<nlohmann::json> entries;
    const std::string text = read_all(log_path_);
    std::size_t start = 0;
    while (true) {
        const auto newline = text.find('\n', start);
        if (newline == std::string::npos) break; // a line still being written
        const auto line = text.substr(start, newline - start);
        start = newline + 1;
        if (line.empty()) continue;
        entries.push_back(nlohmann::json::parse(line));
    }
    return entries;
}

std::vector<RequestLogEntry> TestServer::requests() const {
    std::vector<RequestLogEntry> entries;
    for (const auto& j : requests_json()) entries.push_back(to_entry(j));
    return entries;
}

std::vector<RequestLogEntry> TestServer::wait_for_requests(std::size_t count,
                                                           std::chrono::milliseconds timeout) const {
    const auto deadline = Clock::now() + timeout;
    while (true) {
        auto entries = requests();
        if (entries.size() >= count || Clock::now() > deadline) return entries;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

void TestServer::clear_requests() {
    // The server appends (O_APPEND), so truncating in place is safe.
    std::filesystem::resize_file(log_path_, 0);
}

} // namespace rumorwatch::test
