#include <catch2/catch.hpp>

#include "parser/extract/dates.h"
#include "parser/core/core.h"

using namespace rumorwatch;

namespace {

DateContext context(DateOrder order, const char* zone, const char* fetched = "2026-11-24T12:00:00Z") {
    DateContext c;
    c.order = order;
    c.timezone = zone;
    if (fetched) c.fetched_at = *parse_iso8601(fetched);
    return c;
}

struct Row {
    const char* text;
    DateOrder order;
    const char* zone;
    const char* expected; ///< UTC ISO 8601, or nullptr for "no date"
    bool has_time;
};

void check_rows(const std::vector<Row>& rows, bool as_value) {
    for (const auto& row : rows) {
        INFO(row.text << " [" << to_string(row.order) << ", " << row.zone << "]");
        const DateContext ctx = context(row.order, row.zone);
        const auto d = as_value ? parse_date_value(row.text, ctx) : find_date_in_text(row.text, ctx);
        if (!row.expected) {
            CHECK_FALSE(d);
            continue;
        }
        REQUIRE(d);
        CHECK(format_iso8601(d->time) == row.expected);
        CHECK(d->has_time == row.has_time);
    }
}

} // namespace

TEST_CASE("dates: structured values (JSON-LD, meta, time datetime)", "[parser]") {
    check_rows(
        {
            {"2025-02-13T14:30:00+08:00", DateOrder::mdy, "UTC", "2025-02-13T06:30:00Z", true},
            {"2025-02-13T14:30:00Z", DateOrder::mdy, "Asia/Shanghai", "2025-02-13T14:30:00Z", true},
            {"2025-02-13T14:30:00.000-0500", DateOrder::mdy, "UTC", "2025-02-13T19:30:00Z", true},
            // No offset: the outlet's zone (New York is UTC-5 in February, UTC-4 in July).
            {"2025-02-13T14:30:00", DateOrder::mdy, "America/New_York", "2025-02-13T19:30:00Z", true},
            {"2025-07-13 14:30", DateOrder::mdy, "America/New_York", "2025-07-13T18:30:00Z", true},
            {"2025-02-13", DateOrder::mdy, "Asia/Shanghai", "2025-02-12T16:00:00Z", false},
            {"2025/2/13 9:05", DateOrder::mdy, "Asia/Shanghai", "2025-02-13T01:05:00Z", true},
            {"Thu, 13 Feb 2025 14:30:00 GMT", DateOrder::mdy, "Asia/Shanghai", "2025-02-13T14:30:00Z", true},
            {"Thu, 13 Feb 2025 14:30:00 +0800", DateOrder::mdy, "UTC", "2025-02-13T06:30:00Z", true},
            {"1739428200", DateOrder::mdy, "UTC", "2025-02-13T06:30:00Z", true},
            {"1739428200000", DateOrder::mdy, "UTC", "2025-02-13T06:30:00Z", true},
            {"not a date", DateOrder::mdy, "UTC", nullptr, false},
            {"", DateOrder::mdy, "UTC", nullptr, false},
            {"1994-12-31", DateOrder::mdy, "UTC", nullptr, false}, // before the web news era
            {"2027-03-01", DateOrder::mdy, "UTC", nullptr, false}, // after the fetch
            {"2025-02-30", DateOrder::mdy, "UTC", nullptr, false},
        },
        true);
}

TEST_CASE("dates: English text formats and zones", "[parser]") {
    check_rows(
        {
            {"Feb. 13, 2025", DateOrder::mdy, "America/New_York", "2025-02-13T05:00:00Z", false},
            {"February 13, 2025 4:10 PM ET", DateOrder::mdy, "UTC", "2025-02-13T21:10:00Z", true},
            {"July 13, 2025 4:10 PM ET", DateOrder::mdy, "UTC", "2025-07-13T20:10:00Z", true},
            {"13 February 2025", DateOrder::dmy, "Europe/London", "2025-02-13T00:00:00Z", false},
            {"13 Feb 2025, 4:10pm HKT", DateOrder::dmy, "UTC", "2025-02-13T08:10:00Z", true},
            {"13 February 2025, 4:10pm HKT", DateOrder::dmy, "Asia/Hong_Kong", "2025-02-13T08:10:00Z", true},
            {"Posted 2/13/2025 at 9:41 AM PT", DateOrder::mdy, "UTC", "2025-02-13T17:41:00Z", true},
            {"7/3/2026", DateOrder::mdy, "UTC", "2026-07-03T00:00:00Z", false},
            {"7/3/2026", DateOrder::dmy, "UTC", "2026-03-07T00:00:00Z", false},
            {"13/2/2025", DateOrder::mdy, "UTC", "2025-02-13T00:00:00Z", false}, // 13 cannot be a month
            {"2/13/2025", DateOrder::dmy, "UTC", "2025-02-13T00:00:00Z", false},
            {"Updated: Thursday, February 13, 2025 at 10:05 a.m. EST", DateOrder::mdy, "UTC", "2025-02-13T15:05:00Z", true},
            {"Feb 13, 2025 10:05 EDT", DateOrder::mdy, "UTC", "2025-02-13T14:05:00Z", true},
            {"Feb 13 2025 10:05 PST", DateOrder::mdy, "UTC", "2025-02-13T18:05:00Z", true},
            {"13 Feb 2025 10:05 BST", DateOrder::dmy, "UTC", "2025-02-13T09:05:00Z", true},
            {"13 Feb 2025 10:05 GMT", DateOrder::dmy, "Europe/London", "2025-02-13T10:05:00Z", true},
            {"13 Feb 2025 10:05 UTC+8", DateOrder::dmy, "UTC", "2025-02-13T02:05:00Z", true},
            {"13 Feb 2025 10:05 (GMT+08:00)", DateOrder::dmy, "UTC", "2025-02-13T02:05:00Z", true},
            // CST: China Standard Time for an outlet in Asia, US Central elsewhere.
            {"Feb 13, 2025 10:05 CST", DateOrder::mdy, "Asia/Shanghai", "2025-02-13T02:05:00Z", true},
            {"Feb 13, 2025 10:05 CST", DateOrder::mdy, "America/Chicago", "2025-02-13T16:05:00Z", true},
            {"4:10 PM ET, Feb. 13, 2025", DateOrder::mdy, "UTC", "2025-02-13T21:10:00Z", true},
            {"12:30 a.m. ET Feb 13, 2025", DateOrder::mdy, "UTC", "2025-02-13T05:30:00Z", true},
            {"February 13th, 2025", DateOrder::mdy, "UTC", "2025-02-13T00:00:00Z", false},
            {"Published 2025-02-13 14:30", DateOrder::mdy, "Europe/London", "2025-02-13T14:30:00Z", true},
            {"By Jane Doe | Feb 13, 2025", DateOrder::mdy, "UTC", "2025-02-13T00:00:00Z", false},
            {"13.02.2025", DateOrder::dmy, "UTC", "2025-02-13T00:00:00Z", false},
            {"13 de febrero de 2025", DateOrder::dmy, "UTC", "2025-02-13T00:00:00Z", false},
            {"13. Februar 2025", DateOrder::dmy, "UTC", "2025-02-13T00:00:00Z", false},
            {"He was born in May 1990.", DateOrder::mdy, "UTC", nullptr, false},
            {"It costs 3/4 of the price", DateOrder::mdy, "UTC", nullptr, false},
            {"Version 1.2.3 shipped", DateOrder::mdy, "UTC", nullptr, false},
            {"The March 1994 deal", DateOrder::mdy, "UTC", nullptr, false},
        },
        false);
}

TEST_CASE("dates: Chinese, Japanese and Korean text formats", "[parser]") {
    check_rows(
        {
            {"2025年2月13日 14:30", DateOrder::ymd, "Asia/Shanghai", "2025-02-13T06:30:00Z", true},
            {"2025年02月13日", DateOrder::ymd, "Asia/Shanghai", "2025-02-12T16:00:00Z", false},
            {"发布时间：2025-02-13 14:30 来源：新华社", DateOrder::ymd, "Asia/Shanghai", "2025-02-13T06:30:00Z", true},
            {"2025/2/13", DateOrder::ymd, "Asia/Shanghai", "2025-02-12T16:00:00Z", false},
            {"北京时间2025年2月13日 下午2:30", DateOrder::ymd, "America/New_York", "2025-02-13T06:30:00Z", true},
            {"2025年2月13日 14时30分", DateOrder::ymd, "Asia/Shanghai", "2025-02-13T06:30:00Z", true},
            {"２０２５年２月１３日　１４：３０", DateOrder::ymd, "Asia/Shanghai", "2025-02-13T06:30:00Z", true},
            {"2025年2月13日 上午9:05", DateOrder::ymd, "Asia/Shanghai", "2025-02-13T01:05:00Z", true},
            {"2025年2月13日 14:30", DateOrder::ymd, "Asia/Tokyo", "2025-02-13T05:30:00Z", true},
            {"2025년 2월 13일 오후 2:30", DateOrder::ymd, "Asia/Seoul", "2025-02-13T05:30:00Z", true},
            {"입력 2025.02.13. 14:30", DateOrder::ymd, "Asia/Seoul", "2025-02-13T05:30:00Z", true},
            {"2025-02-13 14:30 北京时间", DateOrder::ymd, "UTC", "2025-02-13T06:30:00Z", true},
            {"11月18日 14:30", DateOrder::ymd, "Asia/Shanghai", "2026-11-18T06:30:00Z", true}, // year of the fetch
            {"12月18日", DateOrder::ymd, "Asia/Shanghai", "2025-12-17T16:00:00Z", false},    // else the year before
        },
        false);
}

TEST_CASE("dates: relative dates need the fetch time", "[parser]") {
    check_rows(
        {
            {"3 hours ago", DateOrder::mdy, "UTC", "2026-11-24T09:00:00Z", true},
            {"5 mins ago", DateOrder::mdy, "UTC", "2026-11-24T11:55:00Z", true},
            {"2 days ago", DateOrder::mdy, "America/New_York", "2026-11-22T05:00:00Z", false},
            {"Yesterday at 4:10 PM", DateOrder::mdy, "America/New_York", "2026-11-23T21:10:00Z", true},
            {"yesterday", DateOrder::mdy, "UTC", "2026-11-23T00:00:00Z", false},
            {"昨天 14:30", DateOrder::ymd, "Asia/Shanghai", "2026-11-23T06:30:00Z", true},
            {"3小时前", DateOrder::ymd, "Asia/Shanghai", "2026-11-24T09:00:00Z", true},
            {"5分钟前", DateOrder::ymd, "Asia/Shanghai", "2026-11-24T11:55:00Z", true},
            {"3시간 전", DateOrder::ymd, "Asia/Seoul", "2026-11-24T09:00:00Z", true},
            {"2時間前", DateOrder::ymd, "Asia/Tokyo", "2026-11-24T10:00:00Z", true},
        },
        false);
    // Without a fetch time there is nothing to count back from.
    DateContext no_fetch;
    CHECK_FALSE(find_date_in_text("3 hours ago", no_fetch));
    CHECK_FALSE(find_date_in_text("昨天 14:30", no_fetch));
}

TEST_CASE("dates: an absolute date beats a relative one in the same text", "[parser]") {
    const DateContext ctx = context(DateOrder::mdy, "UTC");
    const auto d = find_date_in_text("Updated 3 hours ago | Published Feb 13, 2025", ctx);
    REQUIRE(d);
    CHECK(format_day(d->time) == "2025-02-13");
}

TEST_CASE("dates: implausible dates in text are skipped for the next one", "[parser]") {
    const DateContext ctx = context(DateOrder::mdy, "UTC");
    const auto d = find_date_in_text("Founded 12/1/1990. Posted 2/13/2025", ctx);
    REQUIRE(d);
    CHECK(format_day(d->time) == "2025-02-13");
    CHECK_FALSE(find_date_in_text("Event on 2/13/2031", ctx)); // future of the fetch
}

TEST_CASE("dates: the URL", "[parser]") {
    const DateContext ny = context(DateOrder::mdy, "America/New_York");
    struct UrlRow {
        const char* url;
        const char* day; ///< local day, or nullptr
    };
    for (const UrlRow& row : std::vector<UrlRow>{
             {"https://www.example.com/2025/02/13/apple-alibaba/", "2025-02-13"},
             {"https://www.example.com/news/2025-02-13/apple", "2025-02-13"},
             {"https://www.example.com/article/20250213-apple.html", "2025-02-13"},
             {"http://www.jinghaicaijing.example/2025/0212/alibaba-hk-shares.html", "2025-02-12"},
             {"https://www.example.com/2025/2/3/short", "2025-02-03"},
             {"https://www.example.com/story/123456789012345/", nullptr},
             {"https://www.example.com/2025/02/", nullptr},
             {"https://www.example.com/a?date=2025-02-13", nullptr},
             {"https://2025.example.com/20251399-x", nullptr},
             {"https://www.example.com/1990/01/01/old", nullptr},
         }) {
        INFO(row.url);
        const auto d = date_from_url(row.url, ny);
        if (!row.day) {
            CHECK_FALSE(d);
            continue;
        }
        REQUIRE(d);
        CHECK_FALSE(d->has_time);
        // Midnight in New York is 05:00 UTC in winter: the local day is what the URL says.
        CHECK(format_day(d->time + std::chrono::hours(12)) == row.day);
    }
}
