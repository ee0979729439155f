#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "index/index.h"
#include "parser/core/core.h"
#include "query/cli/cli.h"
#include "tests/support/cli_run.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;

namespace {

ArticleRecord record(const std::string& outlet, OutletTier tier, const std::string& day, RumorStatus status,
                     const std::string& title, const std::string& evidence, const std::string& crawled) {
    ArticleRecord r;
    r.outlet_id = outlet;
    r.tier = tier;
    r.article.url = "http://" + outlet + ".example/" + day + "/story";
    r.article.canonical_url = r.article.url;
    r.article.title = title;
    r.article.text = evidence + "\n\nMore text about Apple and Alibaba.";
    r.article.language = "en";
    r.article.site_name = outlet + " News";
    r.article.published = ArticleDate{*parse_iso8601(day + "T10:00:00Z"), "json-ld", true, true};
    r.crawled_at = *parse_iso8601(crawled);
    r.content_hash = title + day + std::string(to_string(status));
    r.analysis.topic_id = "apple-alibaba";
    r.analysis.status = status;
    r.analysis.entities = {"apple", "alibaba"};
    Mention m;
    m.sentence = evidence;
    m.status = status;
    m.attribution = "people familiar";
    m.entities = {"apple", "alibaba"};
    r.analysis.mentions = {m};
    r.analysis.evidence = 0;
    return r;
}

test::CliRun run(const std::vector<std::string>& args) { return test::run_cli_captured(args); }

} // namespace

TEST_CASE("timeline command: reads the index, shows transitions and an edit between crawls", "[query]") {
    test::TempDir dir;
    const std::string db = dir.file("db");
    {
        IndexWriter writer(db);
        writer.upsert(record("wire", OutletTier::wire, "2025-02-11", RumorStatus::reported,
                             "Apple picks Alibaba, sources say", "Apple has chosen Alibaba, people familiar said.",
                             "2025-02-11T12:00:00Z"));
        writer.upsert(record("ledger", OutletTier::major, "2025-02-13", RumorStatus::reported,
                             "Alibaba said to be partner", "Alibaba is said to be the partner.",
                             "2025-02-13T12:00:00Z"));
        writer.upsert(record("seo", OutletTier::blog, "2025-02-14", RumorStatus::confirmed,
                             "It's official!!!", "The deal is confirmed.", "2025-02-14T12:00:00Z"));
        writer.commit();
        // The second crawl finds the ledger piece edited: its status moved.
        writer.upsert(record("ledger", OutletTier::major, "2025-02-13", RumorStatus::partially_confirmed,
                             "Alibaba said to be partner", "Alibaba's chairman confirmed the partnership.",
                             "2025-02-14T08:00:00Z"));
        writer.commit();
    }

    const auto text = run({"timeline", "--db", db, "--topic", "apple-alibaba", "--bucket", "day"});
    INFO(text.err);
    REQUIRE(text.code == 0);
    CHECK_THAT(text.out, Catch::Contains("none → reported"));
    CHECK_THAT(text.out, Catch::Contains("reported → partially_confirmed"));
    CHECK_THAT(text.out, Catch::Contains("Edits"));
    CHECK_THAT(text.out, Catch::Contains("State now: partially_confirmed")); // the blog alone moves nothing

    const auto json = run({"timeline", "--db", db, "--topic", "apple-alibaba", "--format", "json"});
    REQUIRE(json.code == 0);
    const auto j = nlohmann::json::parse(json.out);
    REQUIRE(j["transitions"].size() == 2);
    CHECK(j["transitions"][1]["first"]["outlet"] == "ledger");
    CHECK(j["transitions"][1]["first"]["evidence"] == "Alibaba's chairman confirmed the partnership.");
    REQUIRE(j["edits"].size() == 1);
    CHECK(j["edits"][0]["from"] == "reported");
    CHECK(j["edits"][0]["to"] == "partially_confirmed");
    CHECK(j["edits"][0]["seen"] == "2025-02-14T08:00:00Z");

    const auto only_wire = run({"timeline", "--db", db, "--topic", "apple-alibaba", "--outlet", "wire", "--format", "json"});
    CHECK(nlohmann::json::parse(only_wire.out)["articles"] == 1);

    const std::string html = dir.file("t.html");
    CHECK(run({"timeline", "--db", db, "--topic", "apple-alibaba", "--format", "html", "-o", html}).code == 0);
}

TEST_CASE("timeline command: bad arguments exit 2 and name them", "[query]") {
    test::TempDir dir;
    { IndexWriter(dir.file("db")).commit(); }
    const auto bad_bucket = run({"timeline", "--db", dir.file("db"), "--topic", "t", "--bucket", "year"});
    CHECK(bad_bucket.code == 2);
    CHECK_THAT(bad_bucket.err, Catch::Contains("--bucket"));
    const auto bad_date = run({"timeline", "--db", dir.file("db"), "--topic", "t", "--since", "2025-13-01"});
    CHECK(bad_date.code == 2);
    CHECK_THAT(bad_date.err, Catch::Contains("--since"));
    const auto bad_format = run({"timeline", "--db", dir.file("db"), "--topic", "t", "--format", "pdf"});
    CHECK(bad_format.code == 2);
    const auto empty = run({"timeline", "--db", dir.file("db"), "--topic", "t"});
    CHECK(empty.code == 0);
    CHECK_THAT(empty.out, Catch::Contains("No article about this topic"));
}
