/// \file
/// Stored articles -> timeline entries: versions as events (issue 20).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "index/index.h"
#include "parser/core/core.h"
#include "query/timeline/source.h"
#include "query/timeline/story.h"

using namespace rumorwatch;

namespace {

using S = RumorStatus;

StoredArticle stored(const std::string& outlet, OutletTier tier, const std::string& url, const std::string& published,
                     S status, const std::string& evidence, const std::string& crawled) {
    StoredArticle s;
    s.id = outlet + "-1";
    ArticleRecord& r = s.record;
    r.outlet_id = outlet;
    r.tier = tier;
    r.article.url = url;
    r.article.canonical_url = url;
    r.article.title = outlet + " story";
    r.article.site_name = outlet;
    r.article.published = ArticleDate{*parse_iso8601(published), "json-ld", true, true};
    r.crawled_at = *parse_iso8601(crawled);
    r.analysis.topic_id = "t";
    r.analysis.status = status;
    Mention m;
    m.sentence = evidence;
    m.status = status;
    r.analysis.mentions = {m};
    r.analysis.evidence = 0;
    s.first_seen = r.crawled_at;
    s.time = r.article.published->time;
    return s;
}

} // namespace

TEST_CASE("timeline source: an edited scoop counts as first published, and its edit at the page's modified time",
          "[query]") {
    // The scoop as the second crawl stores it: now saying 'denied', modified the next day; the
    // first crawl's version (reported) is kept in its history.
    StoredArticle scoop = stored("meridian", OutletTier::wire, "http://meridian.example/scoop", "2025-10-08T16:20:00Z",
                                 S::denied, "Apple denied the report.", "2026-12-07T00:02:00Z");
    scoop.record.article.modified = ArticleDate{*parse_iso8601("2025-10-09T13:05:00Z"), "json-ld", true, true};
    ArticleVersion original;
    original.crawled_at = *parse_iso8601("2026-12-07T00:01:00Z");
    original.published = scoop.record.article.published->time;
    original.title = "Apple, Alibaba sign final agreement, sources say";
    original.status = S::reported;
    original.evidence = ArticleVersion::Evidence{"Apple and Alibaba have signed a final agreement.", "", "two people"};
    scoop.versions = {original};
    scoop.first_seen = original.crawled_at;

    const StoredArticle before = stored("ledger", OutletTier::major, "http://ledger.example/a", "2025-02-13T10:00:00Z",
                                        S::partially_confirmed, "Alibaba's chairman confirmed it.",
                                        "2026-12-07T00:01:00Z");
    const StoredArticle denial = stored("wire", OutletTier::wire, "http://wire.example/denial", "2025-10-09T12:45:00Z",
                                        S::denied, "Apple denied a report.", "2026-12-07T00:01:00Z");

    const TimelineInput input = timeline_input({before, scoop, denial}, "t");
    REQUIRE(input.entries.size() == 4); // the scoop twice: as first published and as edited
    REQUIRE(input.edits.size() == 1);
    CHECK(format_iso8601(input.edits[0].seen) == "2025-10-09T13:05:00Z"); // not the crawl time
    CHECK(input.edits[0].from == S::reported);
    CHECK(input.edits[0].to == S::denied);

    const Timeline tl = build_timeline(input.entries, input.edits, {});
    std::vector<std::pair<S, std::string>> path;
    for (const Transition& t : tl.transitions) path.emplace_back(t.to, t.first.outlet_id + "@" + format_iso8601(t.when));
    const std::vector<std::pair<S, std::string>> expected = {
        {S::partially_confirmed, "ledger@2025-02-13T10:00:00Z"},
        {S::reported, "meridian@2025-10-08T16:20:00Z"}, // the scoop, when and as first published
        {S::denied, "wire@2025-10-09T12:45:00Z"},       // the wire's denial came before the edit
    };
    CHECK(path == expected);
    REQUIRE(tl.transitions.size() == 3);
    CHECK(tl.transitions[1].first.version == "original");
    CHECK(tl.transitions[1].first.evidence == "Apple and Alibaba have signed a final agreement.");
    CHECK(tl.transitions[1].first.title == "Apple, Alibaba sign final agreement, sources say");
    // The edit is an event of its own: it follows the wire's denial as a second source.
    REQUIRE(tl.transitions[2].corroborations.size() == 1);
    CHECK(tl.transitions[2].corroborations[0].version == "edit");
    CHECK(format_iso8601(tl.transitions[2].corroborations[0].when) == "2025-10-09T13:05:00Z");
}

TEST_CASE("timeline source: an edit whose page gives no new modified time is dated by the crawl that saw it",
          "[query]") {
    StoredArticle a = stored("ledger", OutletTier::major, "http://ledger.example/b", "2025-02-13T09:45:00Z",
                             S::partially_confirmed, "Alibaba's chairman confirmed it.", "2026-12-07T00:02:00Z");
    ArticleVersion v;
    v.crawled_at = *parse_iso8601("2026-12-07T00:01:00Z");
    v.status = S::reported;
    a.versions = {v};
    const TimelineInput input = timeline_input({a}, "t");
    REQUIRE(input.entries.size() == 2);
    REQUIRE(input.edits.size() == 1);
    CHECK(format_iso8601(input.edits[0].seen) == "2026-12-07T00:02:00Z");
}

TEST_CASE("article version: the modified time and offset round-trip; older entries decode without them", "[query]") {
    ArticleVersion v;
    v.crawled_at = *parse_iso8601("2026-12-07T00:01:00Z");
    v.modified = *parse_iso8601("2025-10-09T13:05:00Z");
    v.utc_offset_minutes = 60;
    v.status = S::denied;
    nlohmann::json j = v;
    CHECK(j.get<ArticleVersion>() == v);
    j.erase("modified");
    j.erase("utc_offset_minutes");
    const auto old = j.get<ArticleVersion>();
    CHECK_FALSE(old.modified);
    CHECK(version_time(old) == v.crawled_at);
    CHECK(version_time(v) == *v.modified);
}
