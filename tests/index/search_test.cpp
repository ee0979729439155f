#include <catch2/catch.hpp>

#include <algorithm>

#include <xapian.h>

#include <nlohmann/json.hpp>

#include "index/index.h"
#include "index/schema.h"
#include "parser/core/core.h"
#include "tests/support/news_corpus.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;

namespace {

/// One index of the fixed corpus, built once for every case of this file.
struct CorpusIndex {
    test::TempDir dir{"rumorwatch-search"};
    std::string path = dir.file("db");
    CorpusIndex() { test::build_index(path, test::small_news_corpus()); }
};

CorpusIndex& corpus() {
    static CorpusIndex index;
    return index;
}

SearchRequest request(const std::string& query) {
    SearchRequest r;
    r.query = query;
    r.limit = 50;
    r.collapse_duplicates = false;
    return r;
}

std::vector<std::string> slugs(const SearchResponse& response) {
    std::vector<std::string> out;
    for (const auto& hit : response.hits) out.push_back(test::slug_of(hit.article.record));
    return out;
}

/// Slugs of the hits, sorted (for boolean queries whose order is not the point).
std::vector<std::string> sorted_slugs(const SearchRequest& r) {
    IndexReader reader({corpus().path});
    auto out = slugs(reader.search(r));
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> sorted_slugs(const std::string& query) { return sorted_slugs(request(query)); }

using V = std::vector<std::string>;

} // namespace

TEST_CASE("search: plain words are ANDed and stemmed", "[index]") {
    CHECK(sorted_slugs("regulators delayed") == V{"launch-delayed"});
    CHECK(sorted_slugs("delay") == V{"launch-delayed"}); // "delayed" stems to delay
    CHECK(sorted_slugs("macbook") == V{"macbook"});
    CHECK(sorted_slugs("qwen") == V{"qwen-benchmark", "talks-copy", "talks-report"});
}

TEST_CASE("search: AND, OR, NOT, XOR and brackets", "[index]") {
    CHECK(sorted_slugs("macbook OR benchmark") == V{"macbook", "qwen-benchmark"});
    CHECK(sorted_slugs("qwen AND benchmark") == V{"qwen-benchmark"});
    CHECK(sorted_slugs("qwen NOT benchmark") == V{"talks-copy", "talks-report"});
    CHECK(sorted_slugs("qwen AND NOT benchmark") == V{"talks-copy", "talks-report"});
    CHECK(sorted_slugs("(macbook OR benchmark) AND apple") == V{"macbook"});
    CHECK(sorted_slugs("macbook XOR apple").size() > 1);
    CHECK(sorted_slugs("qwen -benchmark") == V{"talks-copy", "talks-report"});
    // The Chinese articles say 苹果, not "apple".
    CHECK(sorted_slugs("NOT apple") == V{"qwen-benchmark", "zh-caibao", "zh-hezuo", "zh-tuichi"});
}

TEST_CASE("search: phrases, NEAR and wildcards", "[index]") {
    CHECK(sorted_slugs("\"people familiar\"") == V{"talks-copy", "talks-report"});
    CHECK(sorted_slugs("\"familiar people\"").empty());
    CHECK(sorted_slugs("launch NEAR delayed") == V{"launch-delayed"});
    CHECK(sorted_slugs("macbook NEAR/2 chip").empty());
    CHECK(sorted_slugs("macbook NEAR/6 chip") == V{"macbook"});
    CHECK(sorted_slugs("bench*") == V{"qwen-benchmark"});
    // Beside other words NEAR stays an operator (Xapian 1.4.22 alone read it as the word
    // "near" there, which no article has).
    CHECK(sorted_slugs("regulators launch NEAR delayed") == V{"launch-delayed"});
    CHECK(sorted_slugs("launch NEAR delayed regulators") == V{"launch-delayed"});
    CHECK(sorted_slugs("-launch NEAR delayed qwen") == sorted_slugs("qwen"));
    CHECK(sorted_slugs("qwen -macbook NEAR/6 chip") == sorted_slugs("qwen"));
    CHECK(sorted_slugs("macbook -macbook NEAR/6 chip").empty());
    CHECK(sorted_slugs("regul*") == V{"launch-delayed"});
}

TEST_CASE("search: Chinese queries find Chinese articles", "[index]") {
    CHECK(sorted_slugs("阿里巴巴") == V{"zh-caibao", "zh-hezuo", "zh-tuichi"});
    CHECK(sorted_slugs("通义千问") == V{"zh-hezuo"});
    CHECK(sorted_slugs("\"监管审查\"") == V{"zh-tuichi"});
    CHECK(sorted_slugs("苹果 推迟") == V{"zh-tuichi"});
    CHECK(sorted_slugs("财报 OR 推迟") == V{"zh-caibao", "zh-tuichi"});
}

TEST_CASE("search: field prefixes", "[index]") {
    CHECK(sorted_slugs("title:benchmark") == V{"qwen-benchmark"});
    CHECK(sorted_slugs("title:qwen") == V{"qwen-benchmark"}); // the others say Qwen in the body only
    CHECK(sorted_slugs("title:\"officially announce\"") == V{"official-launch"});
    CHECK(sorted_slugs("outlet:pacific-wire") == V{"launch-delayed", "macbook", "talks-report"});
    CHECK(sorted_slugs("outlet:Pacific-Wire") == V{"launch-delayed", "macbook", "talks-report"});
    CHECK(sorted_slugs("apple outlet:pacific-wire outlet:harbor-daily") ==
          V{"chairman-confirms", "launch-delayed", "macbook", "official-launch", "talks-copy", "talks-report"});
    CHECK(sorted_slugs("status:stalled") == V{"launch-delayed", "zh-tuichi"});
    CHECK(sorted_slugs("status:confirmed") == V{"blog-confirmed", "official-launch"});
    CHECK(sorted_slugs("status:none") == V{"macbook", "zh-caibao"});
    CHECK(sorted_slugs("lang:zh") == V{"zh-caibao", "zh-hezuo", "zh-tuichi"});
    CHECK(sorted_slugs("lang:zh status:reported") == V{"zh-hezuo"});
    CHECK(sorted_slugs("entity:alibaba -entity:apple") == V{"qwen-benchmark", "zh-caibao"});
    CHECK(sorted_slugs("source:\"people familiar\"") == V{"talks-report"});
    CHECK(sorted_slugs("source:reuters").empty());
    CHECK(sorted_slugs("source:\"the information\"") == V{"launch-delayed"});
    CHECK(sorted_slugs("source:消息人士") == V{"zh-hezuo"});
    CHECK(sorted_slugs("topic:apple-alibaba").size() == 10);
    CHECK(sorted_slugs("site:seo-blog.example") == V{"blog-confirmed"});
    CHECK(sorted_slugs("says:speculation") == V{"analysts-expect"});
    CHECK(sorted_slugs("dup:dup-talks") == V{"talks-copy", "talks-report"});
}

TEST_CASE("search: inline dates", "[index]") {
    CHECK(sorted_slugs("date:2025-02-01..2025-02-12") == V{"talks-copy", "talks-report", "zh-hezuo"});
    CHECK(sorted_slugs("date:2025-05-21..") == V{"launch-delayed", "official-launch"});
    CHECK(sorted_slugs("date:..2024-12-31") == V{"analysts-expect"});
    CHECK(sorted_slugs("date:2024") == V{"analysts-expect"});
    CHECK(sorted_slugs("date:2025-05") == V{"launch-delayed", "zh-tuichi"});
    CHECK(sorted_slugs("date:2025-02-13") == V{"chairman-confirms"});
    // An article without a date of its own is filed under the day it was first seen.
    CHECK(sorted_slugs("date:2025-03-01") == V{"blog-confirmed"});
    CHECK(sorted_slugs("apple date:2025-02-01..2025-02-28") ==
          V{"chairman-confirms", "talks-copy", "talks-report"});
}

TEST_CASE("search: --since, --until, --outlet, --status and --lang filters", "[index]") {
    auto r = request("apple");
    r.since = *parse_iso8601("2025-05-01");
    CHECK(sorted_slugs(r) == V{"launch-delayed", "official-launch"});
    r = request("");
    r.until = *parse_iso8601("2025-02-11T23:59:59Z");
    CHECK(sorted_slugs(r) == V{"analysts-expect", "talks-copy", "talks-report"});
    r = request("");
    r.since = *parse_iso8601("2025-02-12");
    r.until = *parse_iso8601("2025-02-20T23:59:59Z");
    CHECK(sorted_slugs(r) == V{"chairman-confirms", "zh-caibao", "zh-hezuo"});
    r = request("");
    r.outlets = {"tech-ledger", "seo-blog"};
    CHECK(sorted_slugs(r) == V{"analysts-expect", "blog-confirmed", "qwen-benchmark"});
    r = request("alibaba");
    r.statuses = {RumorStatus::reported, RumorStatus::stalled};
    CHECK(sorted_slugs(r) == V{"launch-delayed", "talks-copy", "talks-report"});
    r = request("");
    r.languages = {"zh"};
    r.statuses = {RumorStatus::stalled};
    CHECK(sorted_slugs(r) == V{"zh-tuichi"});
}

TEST_CASE("search: sort by date, offset and limit", "[index]") {
    IndexReader reader({corpus().path});
    auto r = request("outlet:pacific-wire");
    r.sort_by_date = true;
    CHECK(slugs(reader.search(r)) == V{"launch-delayed", "macbook", "talks-report"});
    r.oldest_first = true;
    CHECK(slugs(reader.search(r)) == V{"talks-report", "macbook", "launch-delayed"});
    r.offset = 1;
    r.limit = 1;
    const auto page = reader.search(r);
    CHECK(slugs(page) == V{"macbook"});
    CHECK(page.hits.front().rank == 2);
    CHECK(page.estimated_total == 3);
}

TEST_CASE("search: relevance puts title matches first", "[index]") {
    IndexReader reader({corpus().path});
    // "qwen" is in one title and in two bodies: the title match ranks first.
    CHECK(slugs(reader.search(request("qwen"))).front() == "qwen-benchmark");
    // "confirmed" is in the blog's title; "confirms" (same stem) in another title.
    const auto confirmed = slugs(reader.search(request("confirmed")));
    REQUIRE(confirmed.size() >= 2);
    CHECK(V(confirmed.begin(), confirmed.begin() + 2) == V{"blog-confirmed", "chairman-confirms"});
}

TEST_CASE("search: near duplicates collapse to one hit with a copy count", "[index]") {
    IndexReader reader({corpus().path});
    auto r = request("\"people familiar\"");
    r.collapse_duplicates = true;
    const auto response = reader.search(r);
    REQUIRE(response.hits.size() == 1);
    CHECK(response.hits[0].copies == 1);
    r.collapse_duplicates = false;
    CHECK(reader.search(r).hits.size() == 2);
}

TEST_CASE("search: facets count matches by status and outlet", "[index]") {
    IndexReader reader({corpus().path});
    auto r = request("apple");
    r.facets = true;
    r.limit = 1;
    const auto response = reader.search(r);
    using C = std::vector<std::pair<std::string, long long>>;
    CHECK(response.status_facets == C{{"confirmed", 2}, {"reported", 2}, {"none", 1},
                                      {"partially_confirmed", 1}, {"speculation", 1}, {"stalled", 1}});
    CHECK(response.outlet_facets == C{{"harbor-daily", 3}, {"pacific-wire", 3}, {"seo-blog", 1}, {"tech-ledger", 1}});
}

TEST_CASE("search: snippets mark the matched words", "[index]") {
    IndexReader reader({corpus().path});
    auto response = reader.search(request("delayed"));
    CHECK_THAT(response.hits[0].snippet, Catch::Contains("has been \x01" "delayed\x02 by"));
    response = reader.search(request("通义千问"));
    REQUIRE(response.hits.size() == 1);
    CHECK_THAT(response.hits[0].snippet, Catch::Contains("\x01通义千问\x02"));
}

TEST_CASE("search: --expand finds every alias of a named entity", "[index]") {
    IndexReader reader({corpus().path});
    auto r = request("qwen");
    CHECK(sorted_slugs(r) == V{"qwen-benchmark", "talks-copy", "talks-report"});
    r.expand = true;
    // Qwen is an alias of Alibaba: the Chinese articles naming 阿里巴巴 or 通义千问 join.
    const auto expanded = sorted_slugs(r);
    CHECK(expanded == V{"analysts-expect", "blog-confirmed", "chairman-confirms", "launch-delayed",
                        "official-launch", "qwen-benchmark", "talks-copy", "talks-report", "zh-caibao",
                        "zh-hezuo", "zh-tuichi"});
    r = request("通义千问 status:reported");
    r.expand = true;
    CHECK(sorted_slugs(r) == V{"talks-copy", "talks-report", "zh-hezuo"});
    r = request("阿里巴巴");
    r.expand = true;
    r.languages = {"en"};
    CHECK(sorted_slugs(r).size() == 8);
}

TEST_CASE("search: --expand leaves the operands of NEAR alone and still runs", "[index]") {
    // The alias group of qwen holds CJK n-gram queries, which Xapian cannot run under NEAR.
    auto r = request("qwen NEAR benchmark");
    const auto plain = sorted_slugs(r);
    CHECK(plain == V{"qwen-benchmark"});
    r.expand = true;
    r.facets = true;
    CHECK(sorted_slugs(r) == plain);
    // CJK text under NEAR is refused with a way out, expanded or not: Xapian would read
    // the operator as the word "near".
    for (const bool expand : {false, true}) {
        r = request("阿里巴巴 NEAR 合作");
        r.expand = expand;
        IndexReader reader({corpus().path});
        CHECK_THROWS_WITH(reader.search(r), Catch::Contains("column 1 (NEAR takes single words, not CJK text") &&
                                                Catch::Contains("as a phrase in quotes"));
    }
    // The expansion's own field, typed by hand, could go where the expansion never puts it.
    r = request("rwalias:0 NEAR a b");
    r.expand = true;
    IndexReader reader({corpus().path});
    CHECK_THROWS_WITH(reader.search(r), Catch::Contains("rwalias: is reserved for --expand"));
}

TEST_CASE("search: a malformed query is an InputError with Xapian's message and the position", "[index]") {
    IndexReader reader({corpus().path});
    CHECK_THROWS_WITH(reader.search(request("launch* NEAR delayed")),
                      Catch::Contains("column 1 (NEAR takes single words, not a wildcard)"));
    try {
        reader.search(request("apple AND"));
        FAIL("no error");
    } catch (const InputError& e) {
        const std::string what = e.what();
        CHECK_THAT(what, Catch::Contains("column 7"));
        CHECK_THAT(what, Catch::Contains("Syntax: <expression> AND <expression>"));
    }
    try {
        reader.search(request("status:rumoured"));
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK_THAT(e.what(), Catch::Contains("unknown status \"rumoured\""));
    }
    try {
        reader.search(request("date:yesterday"));
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK_THAT(e.what(), Catch::Contains("date: \"yesterday\" is not a date"));
    }
}

TEST_CASE("search: a query that is not UTF-8 is malformed, control characters are spaces", "[index]") {
    IndexReader reader({corpus().path});
    try {
        reader.search(request("qwen caf\xE9"));
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK_THAT(e.what(), Catch::Contains("column 9 (this byte is not UTF-8)"));
        CHECK_THAT(e.what(), Catch::Contains("qwen caf\xEF\xBF\xBD")); // shown as U+FFFD
    }
    // Xapian 1.4.22 leaked a query term on such input with a NUL (found by fuzz_search).
    CHECK_THROWS_AS(reader.search(request(std::string("OR \xFF\0\xE5\xB7\xB4o", 9))), InputError);
    CHECK(sorted_slugs(std::string("qwen\0benchmark", 14)) == sorted_slugs("qwen benchmark"));
    CHECK(sorted_slugs("qwen\vbenchmark") == V{"qwen-benchmark"});
}

TEST_CASE("search: a Chinese word between English words", "[index]") {
    // Xapian 1.4.22's parser failed these with "parse error".
    const auto union_of = [](std::initializer_list<const char*> queries) {
        V out;
        for (const char* q : queries)
            for (auto& slug : sorted_slugs(q))
                if (std::find(out.begin(), out.end(), slug) == out.end()) out.push_back(slug);
        std::sort(out.begin(), out.end());
        return out;
    };
    const auto either = sorted_slugs("benchmark OR 合作 OR macbook");
    CHECK(either == union_of({"benchmark", "合作", "macbook"}));
    CHECK(either.size() >= 3);
    // zh-hezuo says iPhone among its Chinese text.
    CHECK(sorted_slugs("iphone 合作 iphone") == V{"zh-hezuo"});
    CHECK(sorted_slugs("iphone 通义千问 人工智能 iphone") == V{"zh-hezuo"});
    CHECK(sorted_slugs("-macbook 合作 iphone") == V{"zh-hezuo"});
    CHECK_FALSE(sorted_slugs("benchmark OR title:合作 OR macbook").empty());
    // A field's Chinese value after an English word.
    CHECK(sorted_slugs("benchmark OR title:合作") == union_of({"benchmark", "title:合作"}));
}

TEST_CASE("search: an empty query lists everything, filters still apply", "[index]") {
    IndexReader reader({corpus().path});
    auto r = request("");
    CHECK(reader.search(r).hits.size() == 12);
    r.languages = {"zh"};
    CHECK(reader.search(r).hits.size() == 3);
}

TEST_CASE("search: date order from month windows equals the order of the whole result", "[index]") {
    // 300 articles over three years, some without a date (filed under first seen), a few
    // syndicated copies: every page, either way, with and without date bounds, must equal
    // the same page of the full sort (facets on: that path weighs every match).
    test::TempDir dir("rumorwatch-date-windows");
    const std::string path = dir.file("db");
    std::vector<test::CorpusArticle> articles;
    for (int i = 0; i < 300; ++i) {
        const int year = 2023 + i % 3, month = 1 + (i * 7) % 12, day = 1 + (i * 13) % 28;
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
        const std::string slug = "a" + std::to_string(i);
        const std::string word = i % 10 == 0 ? "rareword" : i % 2 == 0 ? "evenword" : "oddword";
        articles.push_back({slug, test::make_record(slug, "outlet-" + std::to_string(i % 4), "en",
                                                    i % 25 == 7 ? "" : date, "Story " + slug,
                                                    "The " + word + " story number " + slug + ".",
                                                    RumorStatus::reported, {}, {},
                                                    i % 30 == 3 ? "dup-" + std::to_string(i % 60) : "")});
    }
    test::build_index(path, articles);
    IndexReader reader({path});
    for (const std::string query : {"", "evenword", "oddword", "rareword", "story"}) {
        for (const bool oldest : {false, true}) {
            for (const int window : {0, 1}) {
                for (const auto& [offset, limit] : std::vector<std::pair<int, int>>{{0, 10}, {0, 1}, {25, 10}, {140, 20}, {290, 20}}) {
                    SearchRequest r;
                    r.query = query;
                    r.sort_by_date = true;
                    r.oldest_first = oldest;
                    r.offset = offset;
                    r.limit = limit;
                    r.snippet_bytes = 0;
                    if (window) {
                        r.since = *parse_iso8601("2023-09-15T00:00:00Z");
                        r.until = *parse_iso8601("2025-03-20T00:00:00Z");
                    }
                    SearchRequest full = r;
                    full.facets = true;
                    INFO("query \"" << query << "\" oldest " << oldest << " window " << window << " offset " << offset
                                    << " limit " << limit);
                    const auto got = reader.search(r);
                    const auto want = reader.search(full);
                    CHECK(slugs(got) == slugs(want));
                    if (!got.hits.empty()) CHECK(got.estimated_total >= static_cast<long long>(offset + got.hits.size()));
                }
            }
        }
    }
}

TEST_CASE("search: date bounds as year, month and day terms match exactly what the times say", "[index]") {
    // Articles every 7 hours over fourteen months (three or four a day, at every time of
    // day), some without a date; bounds cut inside days, on day edges, open at one end,
    // across year ends, inside one day.
    test::TempDir dir("rumorwatch-date-terms");
    const std::string path = dir.file("db");
    const Timestamp start = *parse_iso8601("2023-11-20T05:30:00Z");
    std::vector<test::CorpusArticle> articles;
    std::vector<std::pair<std::string, Timestamp>> times;
    for (int i = 0; i < 1500; ++i) {
        const std::string slug = "d" + std::to_string(i);
        auto record = test::make_record(slug, "outlet", "en", i % 50 == 9 ? "" : "2025-01-01", "Story " + slug,
                                        "A story about the deal.", RumorStatus::reported);
        const Timestamp when = start + std::chrono::hours(7 * i);
        if (record.article.published) record.article.published->time = when;
        else record.crawled_at = when; // no date: filed under first seen
        times.emplace_back(slug, when);
        articles.push_back({slug, record});
    }
    test::build_index(path, articles);
    IndexReader reader({path});
    const auto t = [](const char* iso) { return *parse_iso8601(iso); };
    const std::vector<std::pair<std::optional<Timestamp>, std::optional<Timestamp>>> bounds = {
        {t("2024-02-10T00:00:00Z"), t("2024-05-20T23:59:59Z")}, // whole days
        {t("2024-02-10T13:17:00Z"), t("2024-05-20T06:00:00Z")}, // cut inside days
        {t("2024-03-01T00:00:00Z"), t("2024-03-31T23:59:59Z")}, // one whole month
        {t("2023-12-30T00:00:00Z"), t("2025-01-02T23:59:59Z")}, // a whole year and its edges
        {t("2024-04-22T09:00:00Z"), t("2024-04-22T21:00:00Z")}, // inside one day
        {t("2024-12-01T10:00:00Z"), std::nullopt},              // open to the newest
        {std::nullopt, t("2024-01-15T12:00:00Z")},              // open to the oldest
        {t("2020-01-01T00:00:00Z"), t("2030-12-31T23:59:59Z")}, // wider than the data
        {t("2024-12-01T10:00:00Z"), from_unix(253402300800LL + 86400LL * 40)}, // past year 9999: the value range
    };
    for (const auto& [since, until] : bounds) {
        SearchRequest r;
        r.query = "story";
        r.limit = 5000;
        r.snippet_bytes = 0;
        r.collapse_duplicates = false;
        r.since = since;
        r.until = until;
        std::vector<std::string> want;
        for (const auto& [slug, when] : times)
            if ((!since || when >= *since) && (!until || when <= *until)) want.push_back(slug);
        std::sort(want.begin(), want.end());
        auto got = slugs(reader.search(r));
        std::sort(got.begin(), got.end());
        INFO("since " << (since ? format_iso8601(*since) : "-") << " until " << (until ? format_iso8601(*until) : "-"));
        CHECK(got == want);
        CHECK_FALSE(want.empty());
    }
}

// Regression (issue 17, finding 10): a text value declaring 64 MiB in a few bytes was
// allocated before it was found damaged, and the error failed the whole search without
// saying which article it was.
TEST_CASE("search: a damaged stored text is skipped and named, the other matches still come", "[index]") {
    test::TempDir dir{"rumorwatch-damaged"};
    const std::string path = dir.file("db");
    test::build_index(path, {{"first", test::make_record("first", "harbor-daily", "en", "2025-01-02", "Zebra one",
                                                         "Zebra text one, long enough to be compressed: " +
                                                             std::string(300, 'z'),
                                                         RumorStatus::none)},
                             {"second", test::make_record("second", "harbor-daily", "en", "2025-01-03",
                                                          "Zebra two", "Zebra text two.", RumorStatus::none)}});
    std::string damaged_url;
    {
        Xapian::WritableDatabase db(path);
        Xapian::Document doc = db.get_document(1);
        REQUIRE(doc.get_value(schema::kTextSlot).substr(0, 1) == "z");
        damaged_url = nlohmann::json::parse(doc.get_data())["article"]["canonical_url"].get<std::string>();
        // "z", a declared length of 64 MiB (little-endian), then three bytes of stream.
        doc.add_value(schema::kTextSlot, std::string("z\x00\x00\x00\x04\x78\x01\x4b", 8));
        db.replace_document(1, doc);
        db.commit();
    }
    IndexReader reader({path});
    SearchRequest r;
    r.query = "zebra";
    SearchResponse response;
    REQUIRE_NOTHROW(response = reader.search(r));
    REQUIRE(response.hits.size() == 1);
    CHECK(test::slug_of(response.hits[0].article.record) == "second");
    REQUIRE(response.damaged.size() == 1);
    CHECK_THAT(response.damaged[0], Catch::Contains(damaged_url) && Catch::Contains("damaged") &&
                                        Catch::Contains("67108864 bytes in 3 compressed"));
}
