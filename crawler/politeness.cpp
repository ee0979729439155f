/// \file
/// Politeness as pure logic: spacing, caps, backoff and the retry decision.
#include "crawler/politeness.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "crawler/feeds.h"

namespace rumorwatch {

FetchOutcome classify_outcome(const FetchResult& r) {
    switch (r.error) {
    case FetchError::none: break;
    case FetchError::dns:
    case FetchError::connect:
    case FetchError::timeout:
    case FetchError::reset:
    case FetchError::truncated:
    case FetchError::bad_response: return FetchOutcome::transient;
    case FetchError::too_large:
    case FetchError::too_many_redirects:
    case FetchError::bad_protocol:
    case FetchError::out_of_scope:
    case FetchError::private_address:
    case FetchError::content_type:
    case FetchError::bad_encoding:
    case FetchError::other: return FetchOutcome::permanent;
    }
    const int s = r.http_status;
    if (s == 304) return FetchOutcome::not_modified;
    if (s >= 200 && s < 300) return FetchOutcome::ok;
    if (s == 429 || s == 503) return FetchOutcome::throttled;
    if (s == 408 || s == 500 || s == 502 || s == 504 || s == 520 || s == 522 || s == 524)
        return FetchOutcome::transient;
    // A redirect left over (over the limit is an error above) or any other status.
    return FetchOutcome::permanent;
}

std::string failure_reason(const FetchResult& r) {
    if (r.error == FetchError::out_of_scope && !r.error_message.empty())
        return std::string(to_string(r.error)) + " (" + r.error_message + ")";
    if (r.error != FetchError::none) return std::string(to_string(r.error));
    return "http " + std::to_string(r.http_status);
}

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::system_clock::time_point now_wall) {
    // A year is "not in this run" whatever the unit; more would overflow the steady clock's
    // nanoseconds once added to now (a date in 9999 once came out as no wait at all).
    constexpr std::chrono::seconds kMaxRetryAfter(365LL * 86400);
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) value.remove_prefix(1);
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.remove_suffix(1);
    if (value.empty()) return std::nullopt;
    if (std::all_of(value.begin(), value.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        long long n = 0;
        const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (ec != std::errc()) return kMaxRetryAfter; // absurdly large: huge
        return std::min(std::chrono::seconds(n), kMaxRetryAfter);
    }
    // An HTTP date is an RFC 1123 date, which the feed date reader understands.
    const auto when = parse_feed_date(value);
    if (!when) return std::nullopt;
    // In seconds: the system clock's nanoseconds cannot hold the distance to year 9999.
    const auto delta = when->time_since_epoch() - std::chrono::floor<std::chrono::seconds>(now_wall).time_since_epoch();
    return std::clamp(std::chrono::duration_cast<std::chrono::seconds>(delta), std::chrono::seconds(0), kMaxRetryAfter);
}

namespace {

Millis jittered(Millis base, double jitter, std::mt19937_64& rng) {
    if (jitter <= 0) return base;
    std::uniform_real_distribution<double> factor(1.0 - jitter, 1.0 + jitter);
    return Millis(static_cast<long long>(std::llround(static_cast<double>(base.count()) * factor(rng))));
}

Millis doubled(Millis base, int times, Millis cap) {
    Millis d = base;
    for (int i = 0; i < times && d < cap; ++i) d *= 2;
    return std::min(d, cap);
}

} // namespace

Millis retry_delay(int attempt, const BackoffSettings& s, std::mt19937_64& rng) {
    return jittered(doubled(s.retry_base, std::max(attempt - 1, 0), s.retry_max), s.jitter, rng);
}

HostState::HostState(Millis min_delay, int max_connections)
    : min_delay_(min_delay), max_connections_(std::max(max_connections, 1)) {}

bool HostState::can_start(SteadyTime now) const {
    return in_flight_ < max_connections_ && now >= ready_at();
}

SteadyTime HostState::ready_at() const { return std::max(next_start_, blocked_until_); }

void HostState::on_start(SteadyTime now) {
    ++in_flight_;
    next_start_ = now + min_delay_;
}

void HostState::on_finish() {
    if (in_flight_ > 0) --in_flight_;
}

void HostState::apply_crawl_delay(Millis delay) {
    if (delay <= Millis(0)) return;
    // The spacing already promised for the next start grows with the delay too.
    next_start_ += std::max(Millis(0), delay - min_delay_);
    min_delay_ = std::max(min_delay_, delay);
    max_connections_ = 1;
}

SteadyTime HostState::on_throttled(SteadyTime now, std::optional<std::chrono::seconds> retry_after,
                                   const BackoffSettings& s, std::mt19937_64& rng) {
    if (incidents_ > 0 && now - last_incident_ >= s.forgive_after) incidents_ = 0;
    last_incident_ = now;
    Millis block;
    if (retry_after) {
        block = std::chrono::duration_cast<Millis>(*retry_after);
    } else {
        block = jittered(doubled(s.host_block_base, incidents_, s.host_block_max), s.jitter, rng);
    }
    ++incidents_;
    blocked_until_ = std::max(blocked_until_, now + block);
    return blocked_until_;
}

} // namespace rumorwatch
