#include <catch2/catch.hpp>

#include "parser/core/core.h"
#include "query/timeline/story.h"

using namespace rumorwatch;

namespace {

TimelineEntry entry(const std::string& day, const std::string& outlet, OutletTier tier, RumorStatus status,
                    const std::string& dup_group = "", const std::string& attribution = "",
                    const std::string& time = "12:00") {
    TimelineEntry e;
    e.when = *parse_iso8601(day + "T" + time + ":00Z");
    e.outlet_id = outlet;
    e.outlet_name = outlet == "wire" ? "Pacific Wire" : outlet;
    e.tier = tier;
    e.status = status;
    e.url = "http://" + outlet + ".example/" + day;
    e.title = outlet + " on " + day;
    e.dup_group = dup_group;
    e.attribution = attribution;
    e.date_reliable = true;
    return e;
}

using S = RumorStatus;
using T = OutletTier;

/// A story in nine articles: speculation, a scoop with a syndicated copy and an
/// attributed rewrite, one party's confirmation, a blog that claims too much, a stall,
/// a stale piece, then the joint announcement.
std::vector<TimelineEntry> story() {
    return {
        entry("2024-12-02", "ledger", T::major, S::speculation),
        entry("2025-02-11", "wire", T::wire, S::reported, "scoop"),
        entry("2025-02-11", "harbor", T::major, S::reported, "scoop", "", "18:00"),
        entry("2025-02-12", "trade", T::trade, S::reported, "", "according to Pacific Wire"),
        entry("2025-02-12", "ledger", T::major, S::reported, "", "people familiar with the matter"),
        entry("2025-02-13", "ledger", T::major, S::partially_confirmed),
        entry("2025-02-20", "seo", T::blog, S::confirmed),
        entry("2025-03-10", "wire", T::wire, S::stalled),
        entry("2025-06-01", "seo", T::blog, S::reported),
        entry("2026-03-16", "harbor", T::major, S::confirmed),
        entry("2026-03-16", "noise", T::major, S::none),
    };
}

} // namespace

TEST_CASE("timeline: transitions follow credible outlets, and blogs alone do not move the state", "[query]") {
    TimelineOptions options;
    const Timeline tl = build_timeline(story(), {}, options);
    REQUIRE(tl.transitions.size() == 5);
    const S expected[] = {S::speculation, S::reported, S::partially_confirmed, S::stalled, S::confirmed};
    for (std::size_t i = 0; i < 5; ++i) {
        INFO(i);
        CHECK(tl.transitions[i].to == expected[i]);
    }
    CHECK(tl.transitions[0].from == S::none);
    CHECK(format_day(tl.transitions[1].when) == "2025-02-11");
    CHECK(tl.transitions[1].first.outlet_id == "wire");
    CHECK(tl.state == S::confirmed);
    CHECK(tl.articles == 10); // the unrelated article is left out
}

TEST_CASE("timeline: syndicated copies and attributed rewrites are echoes, not sources", "[query]") {
    const Timeline tl = build_timeline(story(), {}, {});
    const Transition& scoop = tl.transitions[1];
    REQUIRE(scoop.echoes.size() == 2);
    CHECK(scoop.echoes[0].entry.outlet_id == "harbor");
    CHECK_THAT(scoop.echoes[0].why, Catch::Contains("syndicated"));
    CHECK(scoop.echoes[1].entry.outlet_id == "trade");
    CHECK_THAT(scoop.echoes[1].why, Catch::Contains("Pacific Wire"));
    REQUIRE(scoop.corroborations.size() == 1);
    CHECK(scoop.corroborations[0].outlet_id == "ledger");
    CHECK(scoop.independent_sources == 2);
}

TEST_CASE("timeline: a claim the line had already left, through another outlet, is stale", "[query]") {
    const Timeline tl = build_timeline(story(), {}, {});
    REQUIRE(tl.stale.size() == 1);
    CHECK(tl.stale[0].entry.outlet_id == "seo");
    CHECK(tl.stale[0].entry.status == S::reported);
    // The state the table shows beside it: stalled since the wire's report of 10 March.
    CHECK(tl.stale[0].established == S::stalled);
    CHECK(format_day(tl.stale[0].established_since) == "2025-03-10");
}

TEST_CASE("timeline: buckets carry counts and the state after each", "[query]") {
    TimelineOptions options;
    options.bucket = Bucket::month;
    const Timeline tl = build_timeline(story(), {}, options);
    REQUIRE(tl.buckets.size() == 5);
    CHECK(format_day(tl.buckets[0].start) == "2024-12-01");
    CHECK(tl.buckets[0].state == S::speculation);
    CHECK(format_day(tl.buckets[1].start) == "2025-02-01");
    CHECK(tl.buckets[1].total == 6);
    CHECK(tl.buckets[1].state == S::partially_confirmed);
    CHECK(tl.buckets[1].outlets_so_far == 5);
    const std::vector<std::pair<S, int>> feb = {
        {S::reported, 4}, {S::partially_confirmed, 1}, {S::confirmed, 1}};
    CHECK(tl.buckets[1].counts == feb);
    CHECK(tl.buckets[2].state == S::stalled);
    CHECK(tl.buckets[3].state == S::stalled); // the stale blog post moves nothing
    CHECK(tl.buckets[4].state == S::confirmed);
    CHECK(format_day(tl.buckets[4].end) == "2026-04-01");
}

TEST_CASE("timeline: weeks start on Monday and days are UTC days", "[query]") {
    TimelineOptions options;
    options.bucket = Bucket::week;
    const Timeline tl = build_timeline(story(), {}, options);
    CHECK(format_day(tl.buckets[1].start) == "2025-02-10"); // Tuesday 11 Feb -> Monday 10 Feb
    options.bucket = Bucket::day;
    CHECK(build_timeline(story(), {}, options).buckets.size() == 8);
}

TEST_CASE("timeline: --since keeps the state reached before the window", "[query]") {
    TimelineOptions options;
    options.since = *parse_iso8601("2025-03-01");
    const Timeline tl = build_timeline(story(), {}, options);
    REQUIRE(tl.transitions.size() == 2);
    CHECK(tl.transitions[0].from == S::partially_confirmed);
    CHECK(tl.transitions[0].to == S::stalled);
    CHECK(tl.first_coverage.size() == 0); // every outlet first covered it before March
}

TEST_CASE("timeline: edits are events of their own, in the window", "[query]") {
    TimelineEdit edit;
    edit.entry = entry("2025-02-13", "ledger", T::major, S::partially_confirmed);
    edit.seen = *parse_iso8601("2025-02-14T08:00:00Z");
    edit.from = S::reported;
    edit.to = S::partially_confirmed;
    const Timeline tl = build_timeline(story(), {edit}, {});
    REQUIRE(tl.edits.size() == 1);
    CHECK(tl.edits[0].from == S::reported);
    TimelineOptions later;
    later.since = *parse_iso8601("2025-03-01");
    CHECK(build_timeline(story(), {edit}, later).edits.empty());
}

TEST_CASE("timeline: a setback repeated is one transition; a denial after confirmation moves it", "[query]") {
    // After a setback, only a claim at least as strong as the best one so far revives
    // the story; a weaker one is stale news.
    const std::vector<TimelineEntry> entries = {
        entry("2025-01-01", "wire", T::wire, S::reported),
        entry("2025-02-01", "wire", T::wire, S::stalled),
        entry("2025-02-02", "ledger", T::major, S::stalled),
        entry("2025-03-01", "ledger", T::major, S::speculation), // weaker than before: no move
        entry("2025-04-01", "wire", T::wire, S::confirmed),
        entry("2025-05-01", "ledger", T::major, S::denied),
    };
    const Timeline tl = build_timeline(entries, {}, {});
    std::vector<S> path;
    for (const auto& t : tl.transitions) path.push_back(t.to);
    CHECK(path == std::vector<S>{S::reported, S::stalled, S::confirmed, S::denied});
    CHECK(tl.transitions[1].echoes.empty());
    CHECK(tl.transitions[1].independent_sources == 2);
}

TEST_CASE("timeline: first coverage names each outlet's first article", "[query]") {
    const Timeline tl = build_timeline(story(), {}, {});
    REQUIRE(tl.first_coverage.size() == 5);
    CHECK(tl.first_coverage[0].outlet_id == "ledger");
    CHECK(format_day(tl.first_coverage[0].entry.when) == "2024-12-02");
    CHECK(tl.first_coverage[4].outlet_id == "seo");
}

// ---- Provenance (issue 20) ---------------------------------------------------------------

TEST_CASE("timeline: an opinion piece does not move the state; the same report as news does", "[query]") {
    std::vector<TimelineEntry> entries = {
        entry("2025-10-09", "wire", T::wire, S::denied),
        entry("2026-01-20", "ledger", T::major, S::stalled),
    };
    entries[1].piece_kind = "opinion";
    const Timeline opinion = build_timeline(entries, {}, {});
    REQUIRE(opinion.transitions.size() == 1);
    CHECK(opinion.state == S::denied);

    entries[1].piece_kind.clear();
    const Timeline news = build_timeline(entries, {}, {});
    REQUIRE(news.transitions.size() == 2);
    CHECK(news.transitions[1].to == S::stalled);
    CHECK(news.transitions[1].rule == "wire or major outlet's own reporting");
}

TEST_CASE("timeline: a minor outlet waits for a second independent origin unless a party is on record",
          "[query]") {
    TimelineOptions options;
    options.parties = {"Alibaba", "阿里巴巴"};
    std::vector<TimelineEntry> entries = {
        entry("2025-03-13", "wire", T::wire, S::stalled),
        entry("2025-08-18", "blog", T::blog, S::reported, "", "a report published this morning"),
        entry("2025-08-19", "trade", T::trade, S::reported, "", "people familiar", "09:00"),
    };
    const Timeline seconded = build_timeline(entries, {}, options);
    REQUIRE(seconded.transitions.size() == 2);
    const Transition& t = seconded.transitions[1];
    CHECK(t.to == S::reported);
    CHECK(t.first.outlet_id == "blog");           // credited to the first origin
    CHECK(format_iso8601(t.when) == "2025-08-19T09:00:00Z"); // at the second origin's time
    REQUIRE(t.confirmed_by);
    CHECK(t.confirmed_by->outlet_id == "trade");
    CHECK(t.rule == "second independent origin");
    CHECK(t.independent_sources == 2);

    // One minor origin alone: nothing moves.
    entries.pop_back();
    CHECK(build_timeline(entries, {}, options).transitions.size() == 1);

    // A party on record moves it at once, whatever the tier.
    entries.push_back(entry("2025-08-19", "trade", T::trade, S::partially_confirmed, "", "", "07:20"));
    entries.back().speakers = {"阿里巴巴方面"};
    entries.back().attribution = "阿里巴巴方面";
    const Timeline party = build_timeline(entries, {}, options);
    REQUIRE(party.transitions.size() == 2);
    CHECK(party.transitions[1].to == S::partially_confirmed);
    CHECK(party.transitions[1].rule == "party on record");
    CHECK(party.transitions[1].speaker == "阿里巴巴方面");
    CHECK_FALSE(party.transitions[1].confirmed_by);
}

TEST_CASE("timeline: echoes never move the state and count as reach, not as sources", "[query]") {
    std::vector<TimelineEntry> entries = {
        entry("2025-02-11", "wire", T::wire, S::reported, "g1"),
        entry("2025-02-12", "harbor", T::major, S::reported, "", "", "03:00"),
        entry("2025-02-12", "ledger", T::major, S::reported, "", "people familiar", "05:00"),
        entry("2025-02-14", "copy", T::major, S::partially_confirmed),
    };
    entries[1].echo_of = entries[0].url;
    entries[1].echo_signal = "dateline credit";
    entries[3].echo_of = "http://elsewhere.example/origin";
    const Timeline tl = build_timeline(entries, {}, {});
    REQUIRE(tl.transitions.size() == 1); // the echoed partial confirmation moves nothing
    const Transition& t = tl.transitions[0];
    REQUIRE(t.echoes.size() == 1);
    CHECK(t.echoes[0].entry.outlet_id == "harbor");
    CHECK_THAT(t.echoes[0].why, Catch::Contains("dateline credit"));
    CHECK(t.independent_sources == 2); // the wire and the ledger's own report
}

TEST_CASE("timeline: a day-only date comes after every timed event of its day", "[query]") {
    std::vector<TimelineEntry> entries = {
        entry("2025-08-21", "wire", T::wire, S::reported, "", "", "01:00"),
        entry("2025-08-21", "aaa-blog", T::major, S::partially_confirmed, "", "", "00:00"),
        entry("2025-08-21", "harbor", T::major, S::partially_confirmed, "", "", "11:55"),
    };
    entries[1].day_only = true;
    const Timeline tl = build_timeline(entries, {}, {});
    REQUIRE(tl.transitions.size() == 2);
    CHECK(tl.transitions[1].first.outlet_id == "harbor");
}

TEST_CASE("timeline: a +08:00 outlet's article is bucketed and printed by its local day", "[query]") {
    // 01:30 on 12 February in Beijing is 17:30 UTC on the 11th.
    TimelineEntry e = entry("2025-02-11", "jinghai", T::major, S::reported, "", "", "17:30");
    const Timeline utc_only = build_timeline({e}, {}, {});
    REQUIRE(utc_only.buckets.size() == 1);
    CHECK(format_day(utc_only.buckets[0].start) == "2025-02-11"); // no offset known: the UTC day

    e.utc_offset_minutes = 480;
    const Timeline tl = build_timeline({e}, {}, {});
    REQUIRE(tl.buckets.size() == 1);
    CHECK(format_day(tl.buckets[0].start) == "2025-02-12");
    CHECK(format_entry_time(e) == "2025-02-12 01:30 +08:00");
    CHECK(format_entry_time(e, true) == "2025-02-11 17:30 UTC");
    e.utc_offset_minutes = -240;
    CHECK(format_entry_time(e) == "2025-02-11 13:30 -04:00");
}
