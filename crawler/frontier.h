/// \file
/// The crawl frontier: per-host queues of tasks, released only when politeness allows
/// (robots.txt known, spacing passed, a host and a global connection free).
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "crawler/politeness.h"
#include "index/index.h"

namespace rumorwatch {

/// What a fetched URL is expected to be; the worker still looks at what came back.
enum class TaskKind {
    robots,    ///< the host's robots.txt
    discovery, ///< a feed, a sitemap, a home or section page: read for links
    page,      ///< an article candidate
};

/// One URL to fetch and what the crawl knows about it.
struct CrawlTask {
    std::string url;
    std::string host;        ///< host_key(url)
    std::size_t outlet = 0;  ///< index into the crawl's outlets
    TaskKind kind = TaskKind::page;
    int attempt = 0;         ///< retries made so far
    SteadyTime not_before{}; ///< a retry waits until then
    std::optional<UrlState> previous; ///< the stored state, for validators and history
};

/// Per-host politeness settings a host gets when it first appears.
struct HostSettings {
    Millis min_delay{1000};
    int max_connections = 2;
};

/// Holds tasks per host and hands out the next one that may start. Not thread-safe: owned
/// by the thread that drives the fetcher.
class Frontier {
public:
    /// `global_max`: connections in use at once over all hosts.
    explicit Frontier(int global_max);

    /// Queues a task; discovery tasks go before pages of the same host.
    void push(CrawlTask task, const HostSettings& settings);
    /// Queues a task again after a failure, not before task.not_before.
    void retry(CrawlTask task);

    /// The next task that may start at `now`, with its start recorded (the host's and the
    /// global connection counts go up, the host's spacing restarts). Robots tasks are
    /// created here: a host's first task is always its robots.txt, and no other task of the
    /// host leaves before robots_ready(). Tasks `allowed` rejects are set aside (see
    /// take_disallowed) instead of returned.
    std::optional<CrawlTask> pop_ready(SteadyTime now, const std::function<bool(const CrawlTask&)>& allowed);
    /// Records that a task of `host` finished (successfully or not).
    void finished(const std::string& host);

    /// The host's robots.txt is known (after a fetch, or from a cache): its tasks may go.
    /// No effect on a host that has never had a task (push first: it sets the host's
    /// politeness settings).
    void robots_ready(const std::string& host, std::optional<Millis> crawl_delay);
    /// True when the host has a known robots policy.
    bool has_robots(const std::string& host) const;

    /// The host's politeness state (created with `settings` if new).
    HostState& host_state(const std::string& host, const HostSettings& settings);
    /// The politeness state of a known host; nullptr when unknown.
    HostState* find_host(const std::string& host);

    /// Drops every queued task of `host` (a host whose robots.txt cannot be read) and
    /// returns them.
    std::vector<CrawlTask> drop_host(const std::string& host);
    /// Tasks rejected by the `allowed` check since the last call.
    std::vector<CrawlTask> take_disallowed();

    /// The earliest moment a queued task could start (now when one could start already;
    /// std::nullopt when nothing is queued or everything waits for a running transfer).
    std::optional<SteadyTime> next_ready(SteadyTime now) const;
    /// Tasks queued (waiting, delayed or waiting for robots), not counting running ones.
    std::size_t queued() const { return queued_; }
    /// Transfers started and not finished.
    int in_flight() const { return in_flight_; }
    int global_max() const { return global_max_; }

private:
    enum class RobotsState { unknown, fetching, ready };
    struct Host {
        HostState politeness;
        RobotsState robots = RobotsState::unknown;
        std::deque<CrawlTask> discovery;
        std::deque<CrawlTask> pages;
        std::vector<CrawlTask> delayed; ///< retries, each with its not_before
        std::string any_url;            ///< to build the robots.txt URL from
        std::size_t outlet = 0;
        std::size_t waiting() const { return discovery.size() + pages.size() + delayed.size(); }
    };

    Host& host_entry(const std::string& key, const HostSettings& settings);
    std::optional<CrawlTask> take_from(Host& host, SteadyTime now,
                                       const std::function<bool(const CrawlTask&)>& allowed);

    int global_max_;
    int in_flight_ = 0;
    std::size_t queued_ = 0;
    std::map<std::string, Host> hosts_;
    std::vector<std::string> order_; ///< hosts in round-robin order
    std::size_t next_host_ = 0;
    std::vector<CrawlTask> disallowed_;
};

} // namespace rumorwatch
