/// \file
/// `rumorwatch crawl`: options -> CrawlOptions -> crawler::crawl -> summary.
#include <atomic>
#include <cstdlib>
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <deque>
#include <iostream>
#include <mutex>
#include <regex>
#include <set>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include "crawler/crawler.h"
#include "index/index.h"
#include "parser/core/core.h"
#include "query/cli/cli.h"
#include "query/cli/paths.h"
#include "query/timeline/timeline.h"
#include "query/timeline/export/export.h"

namespace rumorwatch {
namespace {

struct CrawlArgs {
    std::string config;
    std::vector<std::string> topics;
    std::string db;
    std::string warc;
    bool once = false;
    std::string every;
    std::string shard;
    std::vector<std::string> connect_to;
    bool allow_private = false;
    bool quiet = false;
    std::string log;
    bool refresh = false;
    int max_connections = 16;
    int workers = 0;
    std::string timeout = "60s";
    int max_body_mb = 8;
    std::string on_change;
    std::string on_change_timeout = "30s";
};

/// Each topic's timeline as the database holds it now (none when there is no database yet).
std::vector<Timeline> current_timelines(const std::string& db, const std::vector<Topic>& topics) {
    std::vector<Timeline> timelines;
    std::unique_ptr<IndexReader> reader;
    try {
        reader = std::make_unique<IndexReader>(std::vector<std::string>{db});
    } catch (const IndexError&) {
        // A first crawl has nothing to compare with: every transition it finds is new.
    }
    for (const Topic& topic : topics) {
        TimelineOptions options;
        options.topic_id = topic.id;
        options.parties = party_names(topic);
        if (!reader) {
            timelines.push_back(build_timeline({}, {}, options));
            continue;
        }
        TimelineRequest request; // no body text: a timeline never shows it
        request.topic_id = topic.id;
        TimelineInput input = timeline_input(reader->timeline_articles(request), topic.id);
        timelines.push_back(build_timeline(std::move(input.entries), std::move(input.edits), options));
    }
    return timelines;
}

enum class HookEnd { done, failed, timed_out, stopped };

/// Runs `command` with /bin/sh in a process group of its own, `input` on its standard input,
/// for at most `timeout`; the whole group is killed at the timeout or when `stop` is set.
HookEnd run_hook(const std::string& command, const std::string& input, std::chrono::milliseconds timeout,
                 const std::atomic<bool>& stop, int& status) {
    status = -1;
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return HookEnd::failed;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    // Its own process group (killed as one), and SIGPIPE back to default: the crawl ignores it.
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF);
    posix_spawnattr_setpgroup(&attr, 0);
    const char* argv[] = {"/bin/sh", "-c", command.c_str(), nullptr};
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, "/bin/sh", &actions, &attr, const_cast<char* const*>(argv), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    close(fds[0]);
    if (spawned != 0) {
        close(fds[1]);
        return HookEnd::failed;
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    auto over = [&] { return stop.load() || crawl_stop_requested() || std::chrono::steady_clock::now() >= deadline; };
    // Non-blocking writes (MSG_NOSIGNAL does not apply to pipes: SIGPIPE is ignored by the
    // crawl), so a command that never reads cannot hold this thread past its timeout.
    fcntl(fds[1], F_SETFL, O_NONBLOCK);
    for (std::size_t written = 0; written < input.size() && !over();) {
        const ssize_t n = write(fds[1], input.data() + written, input.size() - written);
        if (n > 0) {
            written += static_cast<std::size_t>(n);
        } else if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
            pollfd p{fds[1], POLLOUT, 0};
            poll(&p, 1, 50);
        } else {
            break; // the command closed its input
        }
    }
    close(fds[1]);
    int wstatus = 0;
    while (true) {
        const pid_t r = waitpid(pid, &wstatus, WNOHANG);
        if (r == pid) break;
        if (r < 0 && errno != EINTR) return HookEnd::failed;
        if (over()) {
            kill(-pid, SIGKILL); // the shell and whatever it started
            while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {}
            return stop.load() || crawl_stop_requested() ? HookEnd::stopped : HookEnd::timed_out;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (WIFEXITED(wstatus)) {
        status = WEXITSTATUS(wstatus);
        return status == 0 ? HookEnd::done : HookEnd::failed;
    }
    return HookEnd::failed;
}

/// Runs the --on-change command once per outbox message, oldest first, on a thread of its
/// own, so that a slow command never holds up fetching. What it took (or gave up on) is
/// handed back by settle() for the crawl's writer to erase from the outbox.
class Announcer {
public:
    /// A message that failed this many times is dropped (with a warning), not retried forever.
    static constexpr int kMaxAttempts = 3;

    Announcer(std::string command, std::chrono::milliseconds timeout, std::ostream& err)
        : command_(std::move(command)), timeout_(timeout), err_(err), thread_([this] { loop(); }) {}
    ~Announcer() { stop(); }

    /// Queues outbox entries (id, {"message","attempts"}) not queued already.
    void enqueue(const std::vector<std::pair<std::string, std::string>>& entries) {
        {
            std::lock_guard lock(mutex_);
            for (const auto& e : entries)
                if (queued_.insert(e.first).second) queue_.push_back(e);
        }
        wake_.notify_all();
    }

    /// Erases from the outbox what the command took or was given up on, and records the
    /// attempts of what failed; the caller commits.
    void settle(IndexWriter& index) {
        std::vector<std::string> finished;
        std::vector<std::pair<std::string, std::string>> retry;
        {
            std::lock_guard lock(mutex_);
            finished = std::exchange(finished_, {});
            retry = std::exchange(retry_, {});
        }
        for (const auto& id : finished) index.erase_outbox(id);
        for (const auto& [id, value] : retry) index.put_outbox(id, value);
    }

    /// Waits until every queued message was run, or a stop was requested.
    void drain() {
        std::unique_lock lock(mutex_);
        while (!(queue_.empty() && !busy_) && !crawl_stop_requested())
            idle_.wait_for(lock, std::chrono::milliseconds(100));
    }

    /// Kills a running command and ends the thread; what was not run stays in the outbox.
    void stop() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        kill_.store(true);
        wake_.notify_all();
        if (thread_.joinable()) thread_.join();
    }

    bool unsettled() {
        std::lock_guard lock(mutex_);
        return !finished_.empty() || !retry_.empty();
    }

private:
    void loop() {
        std::unique_lock lock(mutex_);
        while (true) {
            wake_.wait_for(lock, std::chrono::milliseconds(100),
                           [&] { return stopping_ || crawl_stop_requested() || !queue_.empty(); });
            if (stopping_ || crawl_stop_requested()) break;
            if (queue_.empty()) continue;
            auto [id, value] = queue_.front();
            queue_.pop_front();
            busy_ = true;
            lock.unlock();
            announce(id, value);
            lock.lock();
            busy_ = false;
            idle_.notify_all();
        }
        busy_ = false;
        idle_.notify_all();
    }

    void announce(const std::string& id, const std::string& value) {
        nlohmann::json entry = nlohmann::json::parse(value, nullptr, false);
        if (entry.is_discarded() || !entry.is_object() || !entry.contains("message")) {
            report("rumorwatch: warning: --on-change: dropped an unreadable outbox entry " + message_escape(id));
            done(id);
            return;
        }
        std::atomic<bool>& stop = kill_;
        int status = 0;
        const HookEnd end = run_hook(command_, entry["message"].dump(-1, ' ', false,
                                                                     nlohmann::json::error_handler_t::replace) + "\n",
                                     timeout_, stop, status);
        if (end == HookEnd::done) {
            done(id);
            return;
        }
        if (end == HookEnd::stopped) return; // stays in the outbox for the next run
        const int attempts = entry.value("attempts", 0) + 1;
        const std::string what = end == HookEnd::timed_out
                                     ? "was killed after " + std::to_string(timeout_.count() / 1000) + " s"
                                     : "exited with status " + std::to_string(status);
        if (attempts >= kMaxAttempts) {
            report("rumorwatch: warning: --on-change command " + what + "; given up on " + message_escape(id) +
                   " after " + std::to_string(attempts) + " attempts");
            done(id);
            return;
        }
        report("rumorwatch: warning: --on-change command " + what + "; " + message_escape(id) +
               " stays in the outbox for the next run");
        entry["attempts"] = attempts;
        std::lock_guard lock(mutex_);
        retry_.emplace_back(id, entry.dump());
    }

    void done(const std::string& id) {
        std::lock_guard lock(mutex_);
        finished_.push_back(id);
    }

    void report(const std::string& line) {
        std::lock_guard lock(err_mutex_);
        err_ << line << "\n" << std::flush;
    }

    std::string command_;
    std::chrono::milliseconds timeout_;
    std::ostream& err_;
    std::mutex mutex_, err_mutex_;
    std::condition_variable wake_, idle_;
    std::deque<std::pair<std::string, std::string>> queue_;
    std::set<std::string> queued_;
    std::vector<std::string> finished_;
    std::vector<std::pair<std::string, std::string>> retry_;
    bool busy_ = false;
    bool stopping_ = false;
    std::atomic<bool> kill_{false};
    std::thread thread_;
};

/// The outbox id of a transition: topic, date, from and to (what new_transitions compares).
std::string transition_id(const std::string& topic, const Transition& t) {
    const std::string id = topic + "|" + format_iso8601(t.when) + "|" + std::string(to_string(t.from)) + "|" +
                           std::string(to_string(t.to));
    return id.size() <= 200 ? id : id.substr(0, 160) + "|" + std::to_string(std::hash<std::string>{}(id));
}

/// Puts the transitions of each topic's timeline not yet in the outbox into it (with the
/// ids seen), for the caller to commit. @return the entries put.
std::vector<std::pair<std::string, std::string>> queue_transitions(IndexWriter& index, const std::vector<Topic>& topics) {
    std::vector<std::pair<std::string, std::string>> fresh;
    const std::vector<Timeline> now = current_timelines(index.path(), topics);
    for (std::size_t i = 0; i < topics.size(); ++i) {
        std::set<std::string> seen;
        if (const auto stored = index.outbox_seen(topics[i].id)) {
            const nlohmann::json ids = nlohmann::json::parse(*stored, nullptr, false);
            if (ids.is_array())
                for (const auto& id : ids)
                    if (id.is_string()) seen.insert(id.get<std::string>());
        }
        nlohmann::json ids = nlohmann::json::array();
        for (const Transition& t : now[i].transitions) {
            const std::string id = transition_id(topics[i].id, t);
            ids.push_back(id);
            if (seen.count(id)) continue;
            const nlohmann::json message = {{"topic", topics[i].id},
                                            {"topic_name", topics[i].name},
                                            {"state", now[i].state},
                                            {"transition", transition_to_json(t)}};
            nlohmann::json entry = {{"message", message}, {"attempts", 0}};
            fresh.emplace_back(id, entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
            index.put_outbox(fresh.back().first, fresh.back().second);
        }
        index.set_outbox_seen(topics[i].id, ids.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
    return fresh;
}

std::chrono::seconds parse_duration(const std::string& text, const char* option = "--every") {
    static const std::regex kDuration("^([0-9]{1,9})(s|m|h|d)$"); // 9 digits: std::stoll cannot overflow
    std::smatch m;
    if (!std::regex_match(text, m, kDuration))
        throw InputError(std::string(option) + ": \"" + text + "\" is not a duration such as 30s, 30m, 2h or 1d");
    const long long n = std::stoll(m[1]);
    const char unit = m[2].str()[0];
    const long long factor = unit == 's' ? 1 : unit == 'm' ? 60 : unit == 'h' ? 3600 : 86400;
    if (n <= 0) throw InputError(std::string(option) + ": the duration must be positive");
    return std::chrono::seconds(n * factor);
}

int run_crawl(const CrawlArgs& args, Io& io) {
    CrawlOptions options;
    options.config = load_config(args.config.empty() ? default_config_path() : args.config);
    if (args.topics.empty()) {
        options.topics.push_back(load_topic(default_topic_path()));
    } else {
        for (const auto& t : args.topics) options.topics.push_back(load_topic(t));
    }
    options.db_path = args.db.empty() ? default_db_path() : args.db;
    options.warc_dir = args.warc;
    options.connect_to = args.connect_to;
    options.allow_private_addresses = args.allow_private;
    options.quiet = args.quiet || io.verbosity < 0;
    options.log_file = args.log;
    options.revisit_all = args.refresh;
    options.max_connections = args.max_connections;
    options.workers = args.workers;
    options.transfer_timeout = std::chrono::duration_cast<std::chrono::milliseconds>(parse_duration(args.timeout, "--timeout"));
    options.max_body_bytes = static_cast<std::size_t>(args.max_body_mb) << 20;
    options.progress_is_tty = isatty(STDERR_FILENO) == 1;
    if (!args.every.empty()) {
        if (args.once) throw InputError("--once and --every cannot be used together");
        options.every = parse_duration(args.every);
    }
    if (!args.shard.empty()) {
        static const std::regex kShard("^([0-9]{1,6})/([0-9]{1,6})$"); // 6 digits: std::stoi cannot overflow
        std::smatch m;
        if (!std::regex_match(args.shard, m, kShard))
            throw InputError("--shard: expected K/N such as 1/4, not \"" + args.shard + "\"");
        const int k = std::stoi(m[1]), n = std::stoi(m[2]);
        if (n < 1 || k < 1 || k > n) throw InputError("--shard: K must be between 1 and N");
        options.shard_index = k - 1;
        options.shard_count = n;
    }
    // SIGINT/SIGTERM finish the batch in hand and commit; the crawl then returns normally.
    install_crawl_signal_handlers();
    // --on-change: transitions go through an outbox in the database (written with the crawl's
    // writer), and the command runs on a thread of its own with a timeout, so a slow command
    // never holds up fetching and a crawl stopped before announcing leaves them to the next run.
    std::unique_ptr<Announcer> announcer;
    if (!args.on_change.empty()) {
        const auto timeout = std::chrono::duration_cast<std::chrono::milliseconds>(
            parse_duration(args.on_change_timeout, "--on-change-timeout"));
        // A command that does not read its input must not kill the crawl with SIGPIPE.
        std::signal(SIGPIPE, SIG_IGN);
        announcer = std::make_unique<Announcer>(args.on_change, timeout, io.err);
        options.on_open = [&](IndexWriter& index) {
            // A database that never had an outbox: what it already shows was announced (or
            // predates --on-change); only what this crawl adds is new.
            bool seeded = false;
            const std::vector<Timeline> now = current_timelines(index.path(), options.topics);
            for (std::size_t i = 0; i < options.topics.size(); ++i) {
                if (index.outbox_seen(options.topics[i].id)) continue;
                nlohmann::json ids = nlohmann::json::array();
                for (const Transition& t : now[i].transitions) ids.push_back(transition_id(options.topics[i].id, t));
                index.set_outbox_seen(options.topics[i].id, ids.dump());
                seeded = true;
            }
            if (seeded) index.commit();
            announcer->enqueue(index.outbox()); // left by an earlier run
        };
        // After every pass, so that `--every` announces a change when it happens, not at exit.
        options.after_pass = [&](IndexWriter& index) {
            announcer->settle(index);
            const auto fresh = queue_transitions(index, options.topics);
            index.commit();
            announcer->enqueue(fresh);
            if (!options.every) {
                announcer->drain(); // a --once crawl ends when its messages are out (or stopped)
                announcer->settle(index);
                index.commit();
            }
        };
    }
    const CrawlSummary summary = [&] {
        try {
            return crawl(options, io.err);
        } catch (...) {
            if (announcer) announcer->stop();
            throw;
        }
    }();
    if (announcer) {
        announcer->stop();
        // Messages taken after the last pass (--every stopped while announcing): erase them
        // now, or the next run would announce them again.
        if (announcer->unsettled()) {
            try {
                IndexWriter index(options.db_path);
                announcer->settle(index);
                index.commit();
            } catch (const IndexError& e) {
                io.err << "rumorwatch: warning: --on-change: " << e.what()
                       << "; messages already announced may be announced again\n";
            }
        }
    }
    if (!options.quiet) print_summary(summary, io.out);
    else print_failures(summary, io.err);
    // A crawl that reached no outlet at all (network down, every host refusing) is a failure
    // cron must hear of; pages that failed among fetched ones are retried by a later crawl.
    if (summary.abandoned_workers > 0) {
        // SIGTERM caught a worker inside a parse that cannot be interrupted: what was done is
        // committed and the database closed; end now rather than wait for that page.
        io.err << "rumorwatch: stopped; " << summary.abandoned_workers
               << " page(s) being read were abandoned and will be fetched again\n";
        io.out.flush();
        io.err.flush();
        std::cout.flush();
        std::cerr.flush();
        std::_Exit(0);
    }
    if (no_outlet_answered(summary))
        throw Error("crawl: no outlet could be fetched: every request failed (reasons above)");
    return 0;
}

} // namespace

void add_crawl_command(CLI::App& app, Action& action, Io& io) {
    auto args = std::make_shared<CrawlArgs>();
    CLI::App* cmd = app.add_subcommand("crawl", "Fetch the configured outlets and index what they say");
    cmd->add_option("--config", args->config, "Outlets file (default: $XDG_CONFIG_HOME/rumorwatch/outlets.json)");
    cmd->add_option("--topic", args->topics, "Topic file; may be repeated (default: the shipped apple-alibaba topic)");
    cmd->add_option("--db", args->db, "Database directory (default: $XDG_DATA_HOME/rumorwatch/db)");
    cmd->add_option("--warc", args->warc, "Write every response as WARC records into this directory");
    cmd->add_flag("--once", args->once, "Crawl once and exit (the default; for cron and systemd timers)");
    cmd->add_option("--every", args->every, "Keep running, crawling again after each interval (30m, 2h, 1d)");
    cmd->add_option("--shard", args->shard, "Crawl only the outlets of shard K of N (K/N, 1-based)");
    cmd->add_option("--connect-to", args->connect_to,
                    "Send requests for HOST:PORT to ADDR:PORT instead (libcurl CONNECT_TO syntax, "
                    "HOST:PORT:ADDR:PORT; empty HOST or PORT matches any); may be repeated");
    cmd->add_flag("--allow-private-addresses", args->allow_private,
                  "Connect to loopback, private and link-local addresses (refused by default, so that "
                  "a page cannot point the crawler at your own network; a --connect-to mapping lifts it "
                  "only for the ADDR:PORT it names)");
    cmd->add_flag("-q,--quiet", args->quiet, "No progress output (for cron)");
    cmd->add_option("--log", args->log, "Append a JSON-lines log of every fetch to this file");
    cmd->add_flag("--refresh", args->refresh,
                  "Ask again now for every known URL that did not fail last time, not only those "
                  "due (conditional requests: unchanged pages cost a 304)");
    cmd->add_option("--max-connections", args->max_connections,
                    "Connections open at once over all hosts (per-host limits come from the outlets file)")
        ->check(CLI::Range(1, 256));
    cmd->add_option("--workers", args->workers, "Extraction threads (default: one per core)")
        ->check(CLI::Range(0, 256));
    cmd->add_option("--timeout", args->timeout, "Longest time one transfer may take, redirects included (default 60s)");
    cmd->add_option("--max-body-mb", args->max_body_mb,
                    "Largest page accepted in MiB, counted after decompression (default 8)")
        ->check(CLI::Range(1, 1024));
    cmd->add_option("--on-change", args->on_change,
                    "Run this shell command when the crawl moves a rumor's state, once per new transition, "
                    "with the transition as JSON on its standard input. Transitions wait in an outbox in the "
                    "database: a crawl stopped before announcing leaves them to the next run");
    cmd->add_option("--on-change-timeout", args->on_change_timeout,
                    "Longest time one --on-change command may run before it is killed (default 30s)");
    cmd->callback([&action, &io, args] { action = [&io, args] { return run_crawl(*args, io); }; });
}

} // namespace rumorwatch
