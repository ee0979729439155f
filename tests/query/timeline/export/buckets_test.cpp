/// \file
/// Quiet periods are rows of zeros in every table format, and every format follows --bucket.
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "parser/core/core.h"
#include "query/timeline/export/export.h"

using namespace rumorwatch;

namespace {

TimelineEntry entry(const std::string& when, const std::string& outlet, RumorStatus status) {
    TimelineEntry e;
    e.when = *parse_iso8601(when);
    e.outlet_id = outlet;
    e.outlet_name = outlet;
    e.tier = OutletTier::wire;
    e.status = status;
    e.title = "Story of " + outlet;
    e.url = "http://" + outlet + ".example/" + when.substr(0, 10);
    return e;
}

Timeline story(Bucket bucket) {
    // January and April: February and March are quiet.
    std::vector<TimelineEntry> entries = {entry("2025-01-10T09:00:00Z", "wire", RumorStatus::reported),
                                          entry("2025-04-14T09:00:00Z", "paper", RumorStatus::confirmed)};
    TimelineOptions options;
    options.topic_id = "quiet";
    options.bucket = bucket;
    return build_timeline(entries, {}, options);
}

template <typename F>
std::string render(F write) {
    std::ostringstream out;
    write(out);
    return out.str();
}

} // namespace

TEST_CASE("timeline tables: quiet months are rows of zeros in text, CSV, Markdown and JSON", "[query]") {
    const Timeline tl = story(Bucket::month);
    REQUIRE(tl.buckets.size() == 2); // the timeline itself keeps only buckets with articles
    ExportContext c;
    const std::string text = render([&](std::ostream& o) { write_timeline_text(tl, c, o); });
    CHECK(text.find("\n  2025-02") != std::string::npos);
    CHECK(text.find("\n  2025-03") != std::string::npos);
    const std::string csv = render([&](std::ostream& o) { write_timeline_csv(tl, o); });
    CHECK(csv.find("2025-02-01,2025-03-01,,0,0,reported,1\r\n") != std::string::npos);
    CHECK(csv.find("2025-03-01,2025-04-01,,0,0,reported,1\r\n") != std::string::npos);
    const std::string md = render([&](std::ostream& o) { write_timeline_markdown(tl, c, o); });
    CHECK(md.find("| 2025-02 | 0 |  | reported |") != std::string::npos);
    const auto json = timeline_to_json(tl, c);
    REQUIRE(json.at("buckets").size() == 4);
    CHECK(json.at("buckets").at(1).at("start") == "2025-02-01");
    CHECK(json.at("buckets").at(1).at("total") == 0);
}

TEST_CASE("timeline exports: Markdown and Atom follow --bucket", "[query]") {
    ExportContext c;
    c.generated = *parse_iso8601("2025-05-01T00:00:00Z");
    const std::string md_week = render([&](std::ostream& o) { write_timeline_markdown(story(Bucket::week), c, o); });
    const std::string md_month = render([&](std::ostream& o) { write_timeline_markdown(story(Bucket::month), c, o); });
    CHECK(md_week.find("## Articles by week") != std::string::npos);
    CHECK(md_week.find("| wk 2025-01-06 | 1 |") != std::string::npos);
    CHECK(md_month.find("## Articles by month") != std::string::npos);
    CHECK(md_week != md_month);
    const std::string atom_week = render([&](std::ostream& o) { write_timeline_atom(story(Bucket::week), c, o); });
    const std::string atom_day = render([&](std::ostream& o) { write_timeline_atom(story(Bucket::day), c, o); });
    CHECK(atom_week.find("<category scheme=\"urn:rumorwatch:week\" term=\"wk 2025-04-14\"") != std::string::npos);
    CHECK(atom_day.find("<category scheme=\"urn:rumorwatch:day\" term=\"2025-04-14\"") != std::string::npos);
}
