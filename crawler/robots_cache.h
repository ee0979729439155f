/// \file
/// robots.txt per host, kept for a lifetime: what the crawl may fetch and how slowly.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "crawler/fetcher.h"
#include "crawler/politeness.h"
#include "parser/core/core.h"

namespace rumorwatch {

/// The policy of each host as its robots.txt (or the lack of one) sets it (RFC 9309): a
/// 2xx body is parsed for our user agent; 4xx means no restrictions; 5xx or an unreachable
/// host means everything is disallowed for now (the entry lives only `failure_lifetime`, so
/// a later crawl asks again). Not thread-safe: owned by the fetch thread.
class RobotsCache {
public:
    /// `user_agent` is the full UA string; its product token ("rumorwatch") selects groups
    /// (crawler/robots.h does the parsing).
    explicit RobotsCache(std::string user_agent, std::chrono::seconds lifetime = std::chrono::hours(24),
                         std::chrono::seconds failure_lifetime = std::chrono::minutes(30));
    ~RobotsCache();
    RobotsCache(RobotsCache&&) noexcept;
    RobotsCache& operator=(RobotsCache&&) noexcept;

    /// True when the host's entry exists and has not expired at `now`.
    bool fresh(const std::string& host, Timestamp now) const;
    /// Records the outcome of fetching the host's robots.txt; `result` null means the host
    /// could not be reached at all.
    void store(const std::string& host, const FetchResult* result, Timestamp now);
    /// Whether `url` (on `host`) may be fetched. A host with no entry is allowed.
    bool allows(const std::string& host, const std::string& url) const;
    /// True when the host's entry forbids everything (its robots.txt failed with 5xx).
    bool disallows_all(const std::string& host) const;
    /// The Crawl-delay for our group, if the file gives one.
    std::optional<Millis> crawl_delay(const std::string& host) const;
    /// "rules", "allow all (http 404)", "disallow all (http 503)"... for logs.
    std::string describe(const std::string& host) const;

private:
    struct Entry;
    std::string user_agent_;
    std::chrono::seconds lifetime_;
    std::chrono::seconds failure_lifetime_;
    std::map<std::string, std::unique_ptr<Entry>> entries_;
};

} // namespace rumorwatch
