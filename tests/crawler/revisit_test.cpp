/// \file
/// The revisit policy: by age and interest, growing for unchanged pages, never in the past.
#include <catch2/catch.hpp>

#include "crawler/revisit.h"
#include "parser/core/core.h"

using namespace rumorwatch;
using namespace std::chrono;

namespace {

Timestamp at(const char* iso) { return *parse_iso8601(iso); }

} // namespace

TEST_CASE("revisit: recent articles often, old ones rarely", "[crawler]") {
    const Timestamp now = at("2026-11-24T12:00:00Z");
    CHECK(base_interval(at("2026-11-24T08:00:00Z"), now) == hours(1));
    CHECK(base_interval(at("2026-11-20T08:00:00Z"), now) == hours(6));
    CHECK(base_interval(at("2026-11-01T08:00:00Z"), now) == hours(24));
    CHECK(base_interval(at("2026-03-01T08:00:00Z"), now) == hours(24 * 7));
    CHECK(base_interval(at("2024-03-01T08:00:00Z"), now) == hours(24 * 30));
    CHECK(base_interval(std::nullopt, now) == hours(24)); // unknown age: as if a week old
    CHECK(base_interval(at("2027-01-01T00:00:00Z"), now) == hours(1)); // future date: brand new
}

TEST_CASE("revisit: an article about the rumor, or whose status moved, comes back sooner", "[crawler]") {
    const Timestamp now = at("2026-11-24T12:00:00Z");
    VisitFacts plain;
    plain.published = at("2026-11-01T00:00:00Z");
    VisitFacts interesting = plain;
    interesting.mentions_topic = true;
    VisitFacts moved = interesting;
    moved.status_changed = true;
    CHECK(next_visit(now, plain) - now == hours(24));
    CHECK(next_visit(now, interesting) - now == hours(12));
    CHECK(next_visit(now, moved) - now == hours(3));
}

TEST_CASE("revisit: unchanged pages wait longer each time, within the bounds", "[crawler]") {
    const Timestamp now = at("2026-11-24T12:00:00Z");
    VisitFacts facts;
    facts.published = at("2026-11-24T11:00:00Z");
    facts.changed = false;
    facts.previous_interval = hours(5);
    CHECK(next_visit(now, facts) - now == hours(10));
    facts.previous_interval = hours(24 * 80);
    CHECK(next_visit(now, facts) - now == hours(24 * 90)); // capped
}

TEST_CASE("revisit: the next visit is never in the past nor now", "[crawler]") {
    const Timestamp now = at("2026-11-24T12:00:00Z");
    // Every combination of facts, including absurd ones (a zero or negative history).
    for (int mask = 0; mask < 16; ++mask) {
        for (auto published : {std::optional<Timestamp>{}, std::optional<Timestamp>(now),
                               std::optional<Timestamp>(at("1999-01-01T00:00:00Z")),
                               std::optional<Timestamp>(at("2099-01-01T00:00:00Z"))}) {
            for (auto previous : {std::optional<seconds>{}, std::optional<seconds>(seconds(0)),
                                  std::optional<seconds>(seconds(-5000)), std::optional<seconds>(hours(1))}) {
                VisitFacts f;
                f.published = published;
                f.mentions_topic = mask & 1;
                f.status_changed = mask & 2;
                f.changed = mask & 4;
                f.previous_interval = previous;
                RevisitSettings s;
                if (mask & 8) s.min_interval = seconds(0); // even a careless setting
                CHECK(next_visit(now, f, s) > now);
            }
        }
    }
    for (int failures = 0; failures < 40; ++failures) {
        const auto next = next_visit_after_failure(now, failures);
        CHECK(next > now);
        CHECK(next - now <= hours(24 * 7));
    }
}
