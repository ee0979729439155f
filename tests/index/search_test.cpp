#include <catch2/catch.hpp>

#include <algorithm>

#include "index/index.h"
#include "parser/errors.h"
#include "parser/time.h"
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
    CHECK(sorted_slugs("regul*") == V{"launch-delayed"});
}

TEST_CASE("search: Chinese queries find Chinese articles", "[index]") {
    CHECK(sorted_slugs("阿里巴巴") == V{"zh-caibao", "zh-hezuo", "zh-tuichi"});
    CHECK(sorted_slugs("通义千问") == V{"zh-hezuo"});
    CHECK(sorted_slugs("\"监管审查\"") == V{"zh-tuichi"});
    CHECK(sorted_slugs("苹果 推迟") == V{"zh-tuichi"});
    CHECK(sorted_slugs("财报 OR 推迟") == V{"zh-caibao", "zh-tuichi"});
}
