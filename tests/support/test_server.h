/// \file
/// RAII fixture that runs tests/server/rwserve.py on loopback and steers it through its control file.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include <sys/types.h>

#include <nlohmann/json.hpp>

#include "tests/support/temp_dir.h"

namespace rumorwatch::test {

/// How the server is started. Only `root` is required.
struct TestServerOptions {
    std::filesystem::path root;           ///< the tree served (seeds/demo/site, a TempDir...)
    std::filesystem::path overlay;        ///< phase-2 tree; empty: none
    std::vector<std::string> binds{"127.0.0.1"}; ///< loopback addresses, all on one port
    bool vhost = true;                    ///< false: serve `root` itself for every Host
    int phase = 1;                        ///< 1 = root only, 2 = overlay wins
    int latency_ms = 0;                   ///< delay before each answer
    int max_seconds = 600;                ///< the server stops by itself after this long
    std::chrono::milliseconds start_timeout{20000}; ///< bound on waiting for the port
};

/// One line of the server's request log (see the top of rwserve.py for each field).
struct RequestLogEntry {
    double time = 0;          ///< epoch seconds the request was read
    double end = 0;           ///< epoch seconds the response was done
    std::string client;       ///< "ip:port" of the client
    std::string local;        ///< the bind address that took the request
    long conn = 0;            ///< connection number, in accept order (same = reused)
    std::string host;         ///< Host header, lower-cased, port stripped
    std::string method;
    std::string path;         ///< request target, query included
    int status = 0;           ///< 0 when the connection was dropped before a status line
    long long bytes = 0;      ///< body bytes written
    bool conditional = false; ///< If-None-Match or If-Modified-Since was sent
    std::string user_agent;
    std::string fault;        ///< the fault mode applied, empty when none
    bool gzip = false;        ///< the body was gzip-encoded
    int phase = 1;
    int in_flight = 0;        ///< requests being handled when this one started (itself included)
    int open_connections = 0; ///< connections open when this one started
};

/// Example:
///
///     TestServerOptions options;
///     options.root = source_dir() / "seeds/demo/site";
///     options.overlay = source_dir() / "seeds/demo/phase2";
///     options.binds = {"127.0.0.1", "127.0.0.2"};
///     TestServer server(options);
///     // libcurl: CURLOPT_CONNECT_TO with server.connect_to() (every host to 127.0.0.1),
///     // or server.connect_to("www.dfshuma.example", "127.0.0.2") per host.
///     server.set_faults(R"([{"path": "^/rss/", "mode": "status503", "retry_after": 2,
///                            "times": 1}])"_json);
///     ... crawl ...
///     for (const auto& r : server.wait_for_requests(n)) { r.host, r.status, r.conditional ... }
///
/// Starts rwserve.py (python3, posix_spawn) with a private temp directory for its
/// control, log and port files; waits for it to listen; kills and reaps it on
/// destruction. Not copyable or movable. Not thread-safe: drive it from one thread.
/// The server re-reads the control file at every request, so a change made by a
/// setter applies to every request sent after the setter returned.
class TestServer {
public:
    /// @throws std::runtime_error when python3 cannot start, the server exits early, or
    ///         no port appears within options.start_timeout (the message holds its output).
    explicit TestServer(TestServerOptions options);
    ~TestServer();
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    /// The one port every bind address listens on.
    int port() const { return port_; }
    /// libcurl CONNECT_TO entry sending every host to 127.0.0.1: "::127.0.0.1:PORT".
    std::string connect_to() const;
    /// CONNECT_TO entry sending `host` (any port) to `address`: "HOST::ADDRESS:PORT".
    std::string connect_to(const std::string& host, const std::string& address) const;
    /// "http://ADDRESS:PORT" for --no-vhost trees (address: the first bind by default).
    std::string base_url(const std::string& address = {}) const;

    /// Replaces the fault rules (a JSON array of rules, format in rwserve.py).
    void set_faults(const nlohmann::json& faults);
    /// Sets the delay before each answer.
    void set_latency_ms(int latency_ms);
    /// 1 = root only, 2 = overlay files win.
    void set_phase(int phase);

    /// Every complete line of the request log so far, in the order written.
    std::vector<RequestLogEntry> requests() const;
    /// The log as raw JSON objects (for fields not in RequestLogEntry).
    std::vector<nlohmann::json> requests_json() const;
    /// Waits (bounded) until the log holds at least `count` entries and returns them:
    /// the server writes a line after the response is sent, so a client can see its
    /// answer a moment before the line exists.
    std::vector<RequestLogEntry> wait_for_requests(std::size_t count,
        std::chrono::milliseconds timeout = std::chrono::milliseconds(5000)) const;
    /// Empties the request log (the server keeps appending to the same file).
    void clear_requests();

    const std::filesystem::path& log_path() const { return log_path_; }
    pid_t pid() const { return pid_; }

private:
    void write_control();
    void stop();
    std::string server_output() const;

    TestServerOptions options_;
    TempDir dir_{"rumorwatch-server"};
    std::filesystem::path control_path_;
    std::filesystem::path log_path_;
    std::filesystem::path port_path_;
    std::filesystem::path output_path_;
    nlohmann::json faults_ = nlohmann::json::array();
    pid_t pid_ = -1;
    int port_ = 0;
};

} // namespace rumorwatch::test
