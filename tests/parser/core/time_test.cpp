#include <catch2/catch.hpp>

#include "parser/core/time.h"

using namespace rumorwatch;

TEST_CASE("time: ISO 8601 round trip and offsets", "[parser]") {
    const auto t = parse_iso8601("2026-07-03T14:30:00+08:00");
    REQUIRE(t);
    CHECK(format_iso8601(*t) == "2026-07-03T06:30:00Z");
    CHECK(format_day(*parse_iso8601("2025-02-13")) == "2025-02-13");
    CHECK(format_iso8601(*parse_iso8601("2025-02-13 09:05:07.123Z")) == "2025-02-13T09:05:07Z");
    CHECK(format_iso8601(*parse_iso8601("2025-02-13T23:30-0500")) == "2025-02-14T04:30:00Z");
}

TEST_CASE("time: malformed and impossible dates are rejected", "[parser]") {
    for (const char* bad : {"", "2025", "2025-02-30", "2025-13-01", "2025-02-13T25:00", "2025-02-13Tnoon",
                            "2025-02-13T10:00+99:00", "13/02/2025"}) {
        INFO(bad);
        CHECK_FALSE(parse_iso8601(bad));
    }
}
