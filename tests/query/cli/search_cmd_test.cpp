#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "index/index.h"
#include "parser/core/core.h"
#include "query/cli/cli.h"
#include "tests/support/news_corpus.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;

namespace {

struct CliRun {
    int code;
    std::string out, err;
};

CliRun run(const std::vector<std::string>& args, bool tty = false) {
    std::istringstream in;
    std::ostringstream out, err;
    Io io{in, out, err, tty};
    const int code = run_cli(args, io);
    return {code, out.str(), err.str()};
}

/// The fixed corpus, plus a page with a hostile title and an article edited between crawls.
struct Db {
    test::TempDir dir{"rumorwatch-cli"};
    std::string path = dir.file("db");
    Db() {
        auto corpus = test::small_news_corpus();
        corpus.push_back({"hostile", test::make_record("hostile", "seo-blog", "en", "2025-01-02",
                                                       "Pwned\x1b]0;owned\x07 \x1b[31mred\x1b[0m, \"quoted\"",
                                                       "Zebra text with \x1b[2J escape, and a comma.",
                                                       RumorStatus::none)});
        test::build_index(path, corpus);
        IndexWriter writer(path);
        auto edit = test::make_record("edited", "harbor-daily", "en", "2025-03-10", "Apple weighs Alibaba",
                                      "Apple is said to weigh Alibaba.", RumorStatus::reported, {"apple"});
        edit.crawled_at = *parse_iso8601("2025-03-10T09:00:00Z");
        writer.upsert(edit);
        writer.commit();
        edit.article.title = "Apple picks Alibaba, officially";
        edit.article.text = "Apple officially picked Alibaba.";
        edit.content_hash = "hash-edited-2";
        edit.analysis.status = RumorStatus::confirmed;
        edit.crawled_at = *parse_iso8601("2025-03-11T09:00:00Z");
        writer.upsert(edit);
        writer.commit();
    }
};

Db& db() {
    static Db instance;
    return instance;
}

} // namespace

TEST_CASE("search command: text output for people", "[query]") {
    const auto r = run({"search", "officially announce", "--db", db().path});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out ==
          "1 match; showing 1-1.\n"
          "\n"
          " 1. 2025-06-10  harbor-daily  confirmed  Apple and Alibaba officially announce AI partnership for China\n"
          "    https://harbor-daily.example/official-launch\n"
          "    Apple and Alibaba officially announced on Tuesday that Alibaba will supply the AI models for "
          "iPhones sold in mainland China.\n"
          "\n");
}

TEST_CASE("search command: highlights are bold on a terminal only", "[query]") {
    const auto tty = run({"search", "regulatory", "--db", db().path}, true);
    CHECK_THAT(tty.out, Catch::Contains("by \x1b[1mregulatory\x1b[0m review"));
    const auto piped = run({"search", "regulatory", "--db", db().path});
    CHECK_THAT(piped.out, Catch::Contains("by regulatory review"));
    CHECK(piped.out.find('\x1b') == std::string::npos);
}

TEST_CASE("search command: web text cannot reach the terminal as control sequences", "[query]") {
    for (bool tty : {false, true}) {
        const auto r = run({"search", "zebra", "--db", db().path}, tty);
        CHECK(r.code == 0);
        CHECK_THAT(r.out, Catch::Contains("Pwned red, \"quoted\""));
        CHECK(r.out.find("\x1b]") == std::string::npos);
        CHECK(r.out.find("\x1b[31m") == std::string::npos);
        CHECK(r.out.find("\x1b[2J") == std::string::npos);
        CHECK(r.out.find('\x07') == std::string::npos);
    }
}

TEST_CASE("search command: copies, first-seen dates and facets in text", "[query]") {
    const auto r = run({"search", "\"people familiar\"", "--facets", "--db", db().path});
    CHECK_THAT(r.out, Catch::Contains("Apple in talks with Alibaba over AI for iPhones in China  (+1 copy)"));
    CHECK_THAT(r.out, Catch::Contains("By status: reported 2\nBy outlet: harbor-daily 1, pacific-wire 1\n"));
    const auto blog = run({"search", "trust", "--db", db().path});
    CHECK_THAT(blog.out, Catch::Contains(" 1. ~2025-03-01  seo-blog  confirmed  "));
}

TEST_CASE("search command: JSON has the documented shape", "[query]") {
    const auto r = run({"search", "通义千问", "--expand", "--facets", "--format", "json", "--limit", "2",
                        "--db", db().path});
    REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["query"] == "通义千问");
    CHECK(j["expanded"] == true);
    CHECK(j["sort"] == "relevance");
    CHECK(j["offset"] == 0);
    CHECK(j["limit"] == 2);
    CHECK(j["total_estimate"].get<long long>() >= 9);
    REQUIRE(j["hits"].size() == 2);
    std::vector<std::string> keys;
    for (const auto& [k, v] : j["hits"][0].items()) keys.push_back(k);
    CHECK(keys == std::vector<std::string>{"copies", "crawled_at", "date", "date_source", "highlights", "id",
                                           "language", "outlet", "rank", "snippet", "status", "tier", "title",
                                           "topic", "url", "weight"});
    const auto& hit = j["hits"][0];
    CHECK(hit["rank"] == 1);
    CHECK(hit["id"].get<std::string>().size() == 16);
    CHECK(hit["snippet"].get<std::string>().find('\x01') == std::string::npos);
    CHECK_FALSE(hit["highlights"].empty());
    CHECK(j["facets"]["status"][0].contains("value"));
    CHECK(j["facets"]["outlet"][0].contains("count"));
}

TEST_CASE("search command: CSV quotes per RFC 4180", "[query]") {
    const auto r = run({"search", "zebra OR macbook", "--sort", "date", "--format", "csv", "--db", db().path});
    REQUIRE(r.code == 0);
    CHECK(r.out.rfind("rank,date,date_source,outlet,status,language,title,url,copies,snippet,corrected_by_hand\r\n", 0) == 0);
    CHECK_THAT(r.out, Catch::Contains("1,2025-03-05T08:00:00Z,published,pacific-wire,none,en,Apple releases a new "
                                      "MacBook Air,https://pacific-wire.example/macbook,0,"));
    CHECK_THAT(r.out, Catch::Contains(",\"Pwned\x1b]0;owned\x07 \x1b[31mred\x1b[0m, \"\"quoted\"\"\","));
}

TEST_CASE("search command: an empty result says so", "[query]") {
    const auto r = run({"search", "unicorn", "--db", db().path});
    CHECK(r.code == 0);
    CHECK(r.out == "No articles match \"unicorn\".\n");
}

TEST_CASE("search command: filters by option", "[query]") {
    const auto r = run({"search", "apple", "--since", "2025-05-01", "--until", "2025-05-31", "--status", "stalled",
                        "--lang", "en", "--outlet", "pacific-wire", "--format", "csv", "--db", db().path});
    CHECK(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("launch-delayed"));
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 2);
}

TEST_CASE("search command: bad input exits 2 and names the problem", "[query]") {
    auto r = run({"search", "apple", "--since", "2025-13-01", "--db", db().path});
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("--since: \"2025-13-01\" is not a date; expected YYYY-MM-DD"));
    r = run({"search", "apple", "--until", "soon", "--db", db().path});
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("--until"));
    r = run({"search", "apple", "--status", "rumoured", "--db", db().path});
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("--status: unknown status \"rumoured\""));
    r = run({"search", "apple AND (", "--db", db().path});
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("malformed query at column 11 (this bracket is never closed)"));
    r = run({"search", "apple AND", "--db", db().path});
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("malformed query at column"));
    CHECK_THAT(r.err, Catch::Contains("Syntax:")); // Xapian's own words follow ours
    r = run({"search", "apple", "--format", "xml", "--db", db().path});
    CHECK(r.code == 2);
    r = run({"search", "apple", "--since", "2025-05-01", "--until", "2025-04-01", "--db", db().path});
    CHECK(r.code == 2);
}

// Regression (issue 17, finding 11): Xapian's cost grows faster than the query (an OR
// chain of 60,000 words ran over a minute; 320 KB of Chinese took 1.76 GB), and any query
// was taken.
TEST_CASE("search command: a query over 4 KiB or 256 words exits 2 and says the limit", "[query]") {
    std::string words;
    for (int i = 0; i < 257; ++i) words += (i ? " OR w" : "w") + std::to_string(i);
    auto r = run({"search", words, "--db", db().path});
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("the query has 257 words; a query may have at most 256"));
    CHECK(r.err.size() < 400); // the message does not echo the query

    std::string long_query(4097, 'a');
    r = run({"search", long_query, "--db", db().path});
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("the query is 4097 bytes; a query may have at most 4096 (4 KiB)"));

    std::string chinese; // 1,365 characters in 4,095 bytes: one run of text, within both limits
    while (chinese.size() + 3 <= 4096) chinese += "阿";
    r = run({"search", chinese, "--db", db().path});
    CHECK(r.code == 0);
    words.clear();
    for (int i = 0; i < 256; ++i) words += (i ? " OR w" : "w") + std::to_string(i);
    r = run({"search", words, "--db", db().path});
    CHECK(r.code == 0);
}

TEST_CASE("search command: a missing database is an error naming it", "[query]") {
    const auto r = run({"search", "apple", "--db", "/nonexistent/db"});
    CHECK(r.code == 1);
    CHECK_THAT(r.err, Catch::Contains("/nonexistent/db: no index here"));
}

TEST_CASE("show command: versions with what changed, mentions with evidence", "[query]") {
    const auto r = run({"show", "https://harbor-daily.example/edited", "--db", db().path});
    REQUIRE(r.code == 0);
    CHECK(r.out.rfind("Apple picks Alibaba, officially\n", 0) == 0);
    CHECK_THAT(r.out, Catch::Contains("Versions (2)\n  1. 2025-03-10T09:00:00Z  reported  \"Apple weighs Alibaba\"\n"));
    CHECK_THAT(r.out, Catch::Contains("  2. 2025-03-11T09:00:00Z  confirmed  \"Apple picks Alibaba, officially\"  (current)\n"
                                      "       title: \"Apple weighs Alibaba\" -> \"Apple picks Alibaba, officially\"\n"
                                      "       status: reported -> confirmed\n"
                                      "       text changed\n"));
    CHECK_THAT(r.out, Catch::Contains("Mentions (1)\n  1. [reported] (decides) \"Apple is said to weigh Alibaba\"\n"));
    CHECK_THAT(r.out, Catch::Contains("  first seen 2025-03-10T09:00:00Z\n"));
}

TEST_CASE("show command: JSON, by id, and not found", "[query]") {
    auto r = run({"show", "https://harbor-daily.example/edited", "--format", "json", "--db", db().path});
    REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["versions"].size() == 2);
    CHECK(j["versions"][1]["current"] == true);
    CHECK(j["versions"][1]["changes"] == nlohmann::json::array({"title", "status", "text"}));
    CHECK(j["analysis"]["status"] == "confirmed");
    CHECK(j["article"]["text"] == "Apple officially picked Alibaba.");
    r = run({"show", j["id"].get<std::string>(), "--db", db().path});
    CHECK(r.code == 0);
    CHECK(r.out.rfind("Apple picks Alibaba, officially\n", 0) == 0);
    r = run({"show", "https://nowhere.example/x", "--db", db().path});
    CHECK(r.code == 1);
    CHECK_THAT(r.err, Catch::Contains("no article with URL or id \"https://nowhere.example/x\""));
    r = run({"show", "https://pacific-wire.example/talks-report", "--terms", "--db", db().path});
    CHECK_THAT(r.out, Catch::Contains("\nXSOURCEpeople familiar[]\n"));
}

TEST_CASE("stats command: text and JSON", "[query]") {
    auto r = run({"stats", "--db", db().path});
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("Documents     14\n"));
    CHECK_THAT(r.out, Catch::Contains("Outlets       6: harbor-daily 4, pacific-wire 3, jinrong-bao 2, seo-blog 2, "
                                      "tech-ledger 2, huaxia-news 1\n"));
    CHECK_THAT(r.out, Catch::Contains("Date span     2024-12-05 to 2025-06-10\n"));
    CHECK_THAT(r.out, Catch::Contains("Languages     en 11, zh 3\n"));
    CHECK_THAT(r.out, Catch::Contains("Size on disk  "));
    r = run({"stats", "--format", "json", "--db", db().path});
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["documents"] == 14);
    CHECK(j["earliest"] == "2024-12-05T08:00:00Z");
    CHECK(j["latest"] == "2025-06-10T08:00:00Z");
    CHECK(j["schema_version"] == 2);
    CHECK(j["database_bytes"].get<long long>() > 0);
    CHECK(j["statuses"][0] == nlohmann::json({{"value", "confirmed"}, {"count", 3}}));
    CHECK(j["statuses"][1] == nlohmann::json({{"value", "none"}, {"count", 3}}));
    CHECK(j["statuses"][2] == nlohmann::json({{"value", "reported"}, {"count", 3}}));
}
