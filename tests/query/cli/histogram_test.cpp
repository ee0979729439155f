/// \file
/// Attention over time (`search QUERY --histogram`): a real index of generated articles, some
/// naming the query word and some not, over several languages, statuses and months with
/// quiet weeks between; the histogram's counts must equal a brute-force count of the same
/// query over the records written, bucket by bucket, with every empty bucket present.
#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <random>

#include <nlohmann/json.hpp>

#include "index/index.h"
#include "query/cli/cli.h"
#include "tests/support/cli_run.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;
using namespace rumorwatch::test;
using nlohmann::json;
using namespace std::chrono;

namespace {

/// Monday of the week of `t`, "YYYY-MM-DD", computed here on its own.
std::string monday_of(Timestamp t) {
    const sys_days d = floor<days>(t);
    const unsigned wd = weekday{d}.iso_encoding(); // Monday = 1
    return format_day(sys_days{d - days{wd - 1}});
}

} // namespace

TEST_CASE("search --histogram: counts per week by status and language equal a brute-force count", "[query][histogram]") {
    TempDir dir("rumorwatch-histogram");
    const std::string db = dir.file("db");
    std::mt19937 rng(21);
    const RumorStatus statuses[] = {RumorStatus::speculation, RumorStatus::reported, RumorStatus::denied,
                                    RumorStatus::confirmed, RumorStatus::none};
    const char* languages[] = {"en", "zh", "de"};
    struct Written {
        Timestamp time;
        RumorStatus status;
        std::string language;
        bool matches;
        std::string url;
    };
    std::vector<Written> written;
    const Timestamp base = *parse_iso8601("2025-01-06T08:00:00Z"); // a Monday
    {
        IndexWriter writer(db);
        for (int i = 0; i < 120; ++i) {
            // Days 0-20 and 49-90: the weeks between are quiet.
            int day = static_cast<int>(rng() % 63);
            if (day > 20) day += 28;
            Written w{base + days{day} + hours{static_cast<int>(rng() % 14)}, statuses[rng() % 5],
                      languages[rng() % 3], rng() % 3 != 0, "https://site" + std::to_string(i % 4) + ".example/a/" +
                                                                 std::to_string(i) + ".html"};
            ArticleRecord r;
            r.article.url = r.article.canonical_url = w.url;
            r.article.title = "Story number " + std::to_string(i);
            r.article.language = w.language;
            r.article.text = std::string(w.matches ? "The merger talks went on. " : "The weather was fine. ") +
                             "Item " + std::to_string(i) + ".";
            ArticleDate d;
            d.time = w.time;
            d.source = "json-ld";
            d.reliable = true;
            r.article.published = d;
            r.analysis.topic_id = "t";
            r.analysis.status = w.status;
            r.outlet_id = "site" + std::to_string(i % 4);
            r.crawled_at = base;
            r.content_hash = std::to_string(i);
            writer.upsert(r);
            written.push_back(w);
        }
        // A correction by hand counts as the analyst's status.
        Correction c;
        c.url = written[0].url;
        c.id = article_id(c.url);
        c.status = RumorStatus::cancelled;
        writer.set_correction(c);
        written[0].status = RumorStatus::cancelled;
        writer.commit();
    }

    // Brute force: every written article that names the word, by Monday, status and language.
    std::map<std::string, std::map<std::string, int>> want; // week -> "total" / "status:x" / "lang:y" -> n
    int want_total = 0;
    for (const Written& w : written) {
        if (!w.matches) continue;
        auto& week = want[monday_of(w.time)];
        ++week["total"];
        ++week["status:" + std::string(to_string(w.status))];
        ++week["lang:" + w.language];
        ++want_total;
    }
    REQUIRE(want_total > 40);

    const auto r = run_cli_captured({"search", "merger", "--db", db, "--histogram", "week", "--format", "json"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    const json h = json::parse(r.out);
    CHECK(h.at("matches") == want_total);
    CHECK(h.at("bucket") == "week");
    std::map<std::string, std::map<std::string, int>> got;
    std::vector<std::string> weeks;
    for (const auto& b : h.at("buckets")) {
        const std::string start = b.at("start");
        weeks.push_back(start);
        auto& week = got[start];
        if (b.at("total") == 0) continue; // empty buckets are listed, and have nothing to compare
        week["total"] = b.at("total");
        for (const auto& [k, v] : b.at("status").items())
            if (v != 0) week["status:" + k] = v;
        for (const auto& [k, v] : b.at("language").items())
            if (v != 0) week["lang:" + k] = v;
    }
    std::erase_if(got, [](const auto& kv) { return kv.second.empty(); });
    CHECK(got == want);
    // Every week from the first to the last, quiet ones included, seven days apart.
    REQUIRE(weeks.size() >= 2);
    for (std::size_t i = 1; i < weeks.size(); ++i)
        CHECK(*parse_iso8601(weeks[i]) - *parse_iso8601(weeks[i - 1]) == days{7});
    CHECK(weeks.size() > want.size()); // the quiet weeks are there as zeros

    // CSV carries the same totals, one row per week.
    const auto csv = run_cli_captured({"search", "merger", "--db", db, "--histogram", "week", "--format", "csv"});
    REQUIRE(csv.code == 0);
    CHECK(static_cast<std::size_t>(std::count(csv.out.begin(), csv.out.end(), '\n')) == weeks.size() + 1);
    CHECK(csv.out.rfind("bucket_start,bucket_end,total,", 0) == 0);
    const auto text = run_cli_captured({"search", "merger", "--db", db, "--histogram", "month"});
    REQUIRE(text.code == 0);
    CHECK(text.out.find(std::to_string(want_total) + " matches for \"merger\" per month") != std::string::npos);
    for (const char* month : {"2025-01", "2025-02", "2025-03"}) CHECK(text.out.find(month) != std::string::npos);
}
