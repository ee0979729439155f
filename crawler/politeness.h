/// \file
/// Politeness as pure logic over explicit times: per-host spacing and connection caps, host
/// backoff after 429/503, and which failures are worth a retry. No sockets, no clocks read.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "crawler/fetcher.h"

namespace rumorwatch {

using SteadyClock = std::chrono::steady_clock;
using SteadyTime = SteadyClock::time_point;
using Millis = std::chrono::milliseconds;

/// How hard a failure is, which decides what the crawl does next.
enum class FetchOutcome {
    ok,           ///< 2xx with a body to use
    not_modified, ///< 304: the stored copy is current
    throttled,    ///< 429 or 503: the host asks us to slow down (block it, retry later)
    transient,    ///< worth retrying with backoff: timeouts, resets, truncation, 5xx, 408
    permanent,    ///< retrying will not help: 4xx, too large, wrong type, redirect loops
};

/// Classifies a finished transfer.
FetchOutcome classify_outcome(const FetchResult& result);

/// A short reason for summaries and logs: "http 404", "timeout", "too_large", ...
std::string failure_reason(const FetchResult& result);

/// Reads a Retry-After value: delta seconds or an HTTP date (against `now_wall`).
/// std::nullopt when absent or unreadable; never negative, never over a year (a date in
/// year 9999 is a year).
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::system_clock::time_point now_wall);

/// Tunables of backoff and retries (defaults for the real web; tests shrink them).
struct BackoffSettings {
    Millis host_block_base{2'000};   ///< first block of a host that throttles without Retry-After
    Millis host_block_max{600'000};  ///< the doubling stops here
    Millis forgive_after{300'000};   ///< a host quiet this long starts again from the base
    /// A host that asks to wait longer (Retry-After, or its doubled block) has its URLs
    /// deferred to the next run. A --once crawl waits at most a minute: it must end before
    /// the next scheduled one (crawl.cpp).
    Millis retry_after_max{3'600'000};
    Millis retry_base{1'000};        ///< first retry delay of a transient fault
    Millis retry_max{60'000};
    int max_retries = 3;             ///< transient faults; throttled ones get the same budget
    double jitter = 0.25;            ///< delays are scaled by a random factor in [1-j, 1+j]
};

/// Delay before retry number `attempt` (1-based) of a transient fault: base * 2^(attempt-1),
/// capped, with jitter.
Millis retry_delay(int attempt, const BackoffSettings& settings, std::mt19937_64& rng);

/// One host's politeness state. Times are steady-clock times given by the caller.
class HostState {
public:
    HostState(Millis min_delay, int max_connections);

    /// True when a new request may start now: a connection is free, the spacing since the
    /// last start has passed, and the host is not blocked.
    bool can_start(SteadyTime now) const;
    /// The earliest time the spacing and any block allow a start (connections aside).
    SteadyTime ready_at() const;
    /// Records a request start: one more connection in use, the next start pushed out.
    void on_start(SteadyTime now);
    /// Records a request end (whatever its outcome).
    void on_finish();
    /// Raises the spacing to at least `delay` (robots.txt Crawl-delay); with a crawl delay
    /// the host also gets one connection at a time, as such hosts expect.
    void apply_crawl_delay(Millis delay);
    /// The host answered 429/503. With Retry-After, it is blocked for that long; without,
    /// for a time that doubles with each incident (jittered, capped). An incident after a
    /// quiet spell of `forgive_after` starts again from the base.
    /// @return the time the block ends.
    SteadyTime on_throttled(SteadyTime now, std::optional<std::chrono::seconds> retry_after,
                            const BackoffSettings& settings, std::mt19937_64& rng);

    int in_flight() const { return in_flight_; }
    int max_connections() const { return max_connections_; }
    Millis min_delay() const { return min_delay_; }
    int incidents() const { return incidents_; }
    SteadyTime blocked_until() const { return blocked_until_; }

private:
    Millis min_delay_;
    int max_connections_;
    int in_flight_ = 0;
    SteadyTime next_start_{};
    SteadyTime blocked_until_{};
    SteadyTime last_incident_{};
    int incidents_ = 0;
};

} // namespace rumorwatch
