/// \file
/// The article sheet (`timeline --articles`): a real index on disk holds an origin story, a
/// copy of it from another outlet (ArticleRecord::echo_of) and an article an analyst
/// corrected by hand; the sheet's columns must say so, in CSV and JSON.
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "index/index.h"
#include "query/cli/cli.h"
#include "tests/support/cli_run.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;
using namespace rumorwatch::test;
using nlohmann::json;

namespace {

ArticleRecord record(const std::string& url, const std::string& outlet, const std::string& when, RumorStatus status,
                     const std::string& sentence, const std::string& cue, const std::string& speaker) {
    ArticleRecord r;
    r.article.url = r.article.canonical_url = url;
    r.article.title = "Headline of " + url;
    r.article.language = "en";
    r.article.text = sentence;
    ArticleDate d;
    d.time = *parse_iso8601(when);
    d.source = "json-ld";
    d.reliable = true;
    r.article.published = d;
    r.analysis.topic_id = "sheet-topic";
    r.analysis.status = status;
    r.analysis.confidence = 0.75;
    Mention m;
    m.sentence = sentence;
    m.status = status;
    m.cue = cue;
    m.attribution = speaker;
    r.analysis.mentions.push_back(m);
    r.analysis.evidence = 0;
    r.outlet_id = outlet;
    r.tier = OutletTier::wire;
    r.crawled_at = *parse_iso8601("2025-03-01T00:00:00Z");
    r.content_hash = url;
    return r;
}

/// CSV rows split into fields (no quoted commas in this test's data but the quoted ones
/// are handled).
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(field), field.clear();
        } else if (c == '\r') {
        } else if (c == '\n') {
            rows.back().push_back(field), field.clear();
            rows.emplace_back();
        } else {
            field += c;
        }
    }
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

} // namespace

TEST_CASE("article sheet: the columns of an echo, its origin and an article corrected by hand", "[query][sheet]") {
    TempDir dir("rumorwatch-sheet");
    const std::string db = dir.file("db");
    const std::string origin = "https://wire.example/news/origin.html";
    const std::string copy = "https://paper.example/news/copy.html";
    {
        IndexWriter writer(db);
        ArticleRecord o = record(origin, "wire-a", "2025-02-10T09:00:00Z", RumorStatus::reported,
                                 "The company is in talks to buy its rival, people familiar said.", "in talks",
                                 "people familiar");
        o.article.published->utc_offset_minutes = 480; // the page said +08:00
        ArticleRecord c = record(copy, "paper-b", "2025-02-10T15:30:00Z", RumorStatus::reported,
                                 "=HYPERLINK(\"http://evil.example\") The company is in talks, the wire said.",
                                 "in talks", "the wire");
        c.echo_of = origin;
        c.echo_signal = "wire credit";
        writer.upsert(o);
        writer.upsert(c);
        writer.commit();
    }
    // The outlets' zones: the copy's page gave no offset, so its outlet's zone is used.
    const std::string config = dir.write(
        "outlets.json",
        json{{"outlets",
              {{{"id", "wire-a"}, {"name", "Wire A"}, {"home", "https://wire.example/"}, {"language", "en"},
                {"timezone", "Asia/Shanghai"}, {"tier", "wire"}},
               {{"id", "paper-b"}, {"name", "Paper B"}, {"home", "https://paper.example/"}, {"language", "en"},
                {"timezone", "America/New_York"}, {"tier", "major"}}}}}
            .dump());
    const auto label = run_cli_captured({"label", copy, "denied", "--note", "it quotes a denial", "--db", db});
    INFO(label.err);
    REQUIRE(label.code == 0);

    const auto csv = run_cli_captured(
        {"timeline", "--articles", "--format", "csv", "--db", db, "--topic", "sheet-topic", "--config", config});
    INFO(csv.err);
    REQUIRE(csv.code == 0);
    const auto rows = parse_csv(csv.out);
    REQUIRE(rows.size() == 3);
    const std::vector<std::string> header = rows[0];
    CHECK(header == std::vector<std::string>{"local_date", "zone", "outlet", "tier", "status", "confidence",
                                             "corrected_by_hand", "analysed_status", "correction_note", "evidence",
                                             "cue", "speaker", "echo_of", "echoes", "url", "title", "language",
                                             "date_source", "id"});
    const auto col = [&](const std::vector<std::string>& row, const std::string& name) {
        const auto at = std::find(header.begin(), header.end(), name) - header.begin();
        return row.at(static_cast<std::size_t>(at));
    };
    const auto& o = rows[1];
    const auto& c = rows[2];
    CHECK(col(o, "url") == origin);
    CHECK(col(o, "local_date") == "2025-02-10T17:00:00+08:00");
    CHECK(col(o, "zone") == "UTC+08:00 (page)");
    CHECK(col(o, "status") == "reported");
    CHECK(col(o, "corrected_by_hand") == "no");
    CHECK(col(o, "echo_of").empty());
    CHECK(col(o, "echoes") == copy);
    CHECK(col(o, "cue") == "in talks");
    CHECK(col(o, "speaker") == "people familiar");
    CHECK(col(o, "confidence") == "0.75");

    CHECK(col(c, "url") == copy);
    CHECK(col(c, "local_date") == "2025-02-10T10:30:00-05:00"); // New York in February
    CHECK(col(c, "zone") == "America/New_York (outlet)");
    CHECK(col(c, "outlet") == "paper-b");
    CHECK(col(c, "tier") == "wire");
    CHECK(col(c, "status") == "denied");
    CHECK(col(c, "analysed_status") == "reported");
    CHECK(col(c, "corrected_by_hand") == "yes");
    CHECK(col(c, "correction_note") == "it quotes a denial");
    CHECK(col(c, "echo_of") == origin);
    CHECK(col(c, "echoes").empty());
    CHECK(col(c, "speaker") == "the wire");
    // A formula from a crawled page stays text in a spreadsheet.
    CHECK(col(c, "evidence").rfind("'=HYPERLINK", 0) == 0);

    const auto js = run_cli_captured(
        {"timeline", "--articles", "--format", "json", "--db", db, "--topic", "sheet-topic", "--config", config});
    REQUIRE(js.code == 0);
    const json sheet = json::parse(js.out);
    REQUIRE(sheet.size() == 2);
    CHECK(sheet[0].at("echoes") == json::array({copy}));
    CHECK(sheet[1].at("echo_of") == origin);
    CHECK(sheet[1].at("corrected_by_hand") == true);
    CHECK(sheet[1].at("status") == "denied");
    CHECK(sheet[1].at("evidence").get<std::string>().rfind("=HYPERLINK", 0) == 0); // JSON keeps the text as is

    const auto text = run_cli_captured({"timeline", "--articles", "--db", db, "--topic", "sheet-topic"});
    CHECK(text.code == 2);
    CHECK(text.err.find("--articles writes csv or json") != std::string::npos);
}
