/// \file
/// Politeness as pure logic: spacing, caps, crawl-delay, backoff, retry classification.
#include <catch2/catch.hpp>

#include "crawler/politeness.h"

using namespace rumorwatch;
using namespace std::chrono_literals;

namespace {

FetchResult response(int status, FetchError error = FetchError::none) {
    FetchResult r;
    r.http_status = status;
    r.error = error;
    return r;
}

} // namespace

TEST_CASE("politeness: a host's starts are spaced by its delay and capped by its connections", "[crawler]") {
    HostState host(100ms, 2);
    const SteadyTime t0{};
    CHECK(host.can_start(t0));
    host.on_start(t0);
    CHECK_FALSE(host.can_start(t0 + 99ms)); // spacing
    CHECK(host.can_start(t0 + 100ms));
    host.on_start(t0 + 100ms);
    CHECK_FALSE(host.can_start(t0 + 500ms)); // both connections busy
    host.on_finish();
    CHECK(host.can_start(t0 + 500ms));
    CHECK(host.ready_at() == t0 + 200ms);
}

TEST_CASE("politeness: Crawl-delay raises the spacing and leaves one connection", "[crawler]") {
    HostState host(20ms, 4);
    const SteadyTime t0{};
    host.on_start(t0);
    host.apply_crawl_delay(1500ms);
    CHECK(host.min_delay() == 1500ms);
    CHECK(host.max_connections() == 1);
    host.on_finish();
    CHECK_FALSE(host.can_start(t0 + 1499ms));
    CHECK(host.can_start(t0 + 1500ms));
    // A crawl-delay below the configured delay changes nothing but the connection cap.
    HostState slow(2000ms, 2);
    slow.apply_crawl_delay(500ms);
    CHECK(slow.min_delay() == 2000ms);
}

TEST_CASE("politeness: Retry-After blocks the host for exactly that long", "[crawler]") {
    HostState host(10ms, 2);
    std::mt19937_64 rng(1);
    BackoffSettings s;
    const SteadyTime t0{};
    const SteadyTime until = host.on_throttled(t0, std::chrono::seconds(3), s, rng);
    CHECK(until == t0 + 3s);
    CHECK_FALSE(host.can_start(t0 + 2999ms));
    CHECK(host.can_start(t0 + 3s));
}

TEST_CASE("politeness: without Retry-After the block doubles per incident, capped, jittered, then forgiven",
          "[crawler]") {
    BackoffSettings s;
    s.host_block_base = 1000ms;
    s.host_block_max = 8000ms;
    s.forgive_after = 60s;
    s.jitter = 0.25;
    std::mt19937_64 rng(42);
    HostState host(10ms, 2);
    SteadyTime t{};
    const Millis expected[] = {1000ms, 2000ms, 4000ms, 8000ms, 8000ms};
    for (Millis base : expected) {
        const auto block = std::chrono::duration_cast<Millis>(host.on_throttled(t, std::nullopt, s, rng) - t);
        CHECK(block >= base * 3 / 4);
        CHECK(block <= base * 5 / 4);
        t += block + 1ms; // the next incident comes right after the block
    }
    CHECK(host.incidents() == 5);
    // A quiet minute later the host starts again from the base.
    t += 61s;
    const auto block = std::chrono::duration_cast<Millis>(host.on_throttled(t, std::nullopt, s, rng) - t);
    CHECK(block <= 1250ms);
    CHECK(host.incidents() == 1);
}

TEST_CASE("politeness: retry delays grow exponentially with jitter and a cap", "[crawler]") {
    BackoffSettings s;
    s.retry_base = 500ms;
    s.retry_max = 3000ms;
    s.jitter = 0.2;
    std::mt19937_64 rng(7);
    const Millis bases[] = {500ms, 1000ms, 2000ms, 3000ms, 3000ms};
    for (int attempt = 1; attempt <= 5; ++attempt) {
        const Millis d = retry_delay(attempt, s, rng);
        const Millis base = bases[attempt - 1];
        CHECK(d >= base * 8 / 10);
        CHECK(d <= base * 12 / 10);
    }
}

TEST_CASE("politeness: transient faults are retried, permanent ones are not", "[crawler]") {
    struct Case {
        FetchResult result;
        FetchOutcome expected;
    };
    const Case cases[] = {
        {response(200), FetchOutcome::ok},
        {response(204), FetchOutcome::ok},
        {response(304), FetchOutcome::not_modified},
        {response(429), FetchOutcome::throttled},
        {response(503), FetchOutcome::throttled},
        {response(500), FetchOutcome::transient},
        {response(502), FetchOutcome::transient},
        {response(504), FetchOutcome::transient},
        {response(408), FetchOutcome::transient},
        {response(404), FetchOutcome::permanent},
        {response(410), FetchOutcome::permanent},
        {response(403), FetchOutcome::permanent},
        {response(501), FetchOutcome::permanent},
        {response(0, FetchError::timeout), FetchOutcome::transient},
        {response(0, FetchError::reset), FetchOutcome::transient},
        {response(200, FetchError::truncated), FetchOutcome::transient},
        {response(0, FetchError::connect), FetchOutcome::transient},
        {response(200, FetchError::too_large), FetchOutcome::permanent},
        {response(302, FetchError::too_many_redirects), FetchOutcome::permanent},
        {response(302, FetchError::bad_protocol), FetchOutcome::permanent},
        {response(200, FetchError::content_type), FetchOutcome::permanent},
    };
    for (const auto& c : cases) {
        INFO("status " << c.result.http_status << " error " << to_string(c.result.error));
        CHECK(classify_outcome(c.result) == c.expected);
    }
    CHECK(failure_reason(response(404)) == "http 404");
    CHECK(failure_reason(response(0, FetchError::timeout)) == "timeout");
}

TEST_CASE("politeness: Retry-After as seconds or as an HTTP date", "[crawler]") {
    const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1'739'284'200)); // 2025-02-11T14:30:00Z
    CHECK(parse_retry_after("120", now) == std::chrono::seconds(120));
    CHECK(parse_retry_after(" 0 ", now) == std::chrono::seconds(0));
    CHECK(parse_retry_after("Tue, 11 Feb 2025 14:31:30 GMT", now) == std::chrono::seconds(90));
    CHECK(parse_retry_after("Tue, 11 Feb 2025 14:00:00 GMT", now) == std::chrono::seconds(0)); // in the past
    CHECK_FALSE(parse_retry_after("", now));
    CHECK_FALSE(parse_retry_after("soon", now));
    CHECK(parse_retry_after("99999999999999999999999", now) > std::chrono::seconds(86400));
}

// Regression (issue 17, finding 4): the distance to a date in year 9999 overflowed the
// system clock's nanoseconds and came out as no wait: 4 requests in 0.13 s.
TEST_CASE("politeness: a Retry-After date in year 9999 is a long block, not none", "[crawler]") {
    const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1'739'284'200));
    const auto far = parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", now);
    REQUIRE(far);
    CHECK(*far == std::chrono::seconds(365LL * 86400));
    CHECK(parse_retry_after("9999999999999", now) == std::chrono::seconds(365LL * 86400));
    HostState host(10ms, 2);
    std::mt19937_64 rng(1);
    const SteadyTime t0{};
    CHECK(host.on_throttled(t0, far, BackoffSettings{}, rng) > t0 + std::chrono::hours(24));
    CHECK_FALSE(host.can_start(t0 + std::chrono::hours(1)));
}
