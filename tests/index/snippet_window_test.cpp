#include <catch2/catch.hpp>

#include <xapian.h>

#include "index/index.h"
#include "index/snippet_window.h"
#include "tests/support/news_corpus.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;
using index_detail::snippet_window;

namespace {

/// `n` bytes of filler prose without any of the test words.
std::string filler(std::size_t n) {
    const std::string sentence = "The weather stayed mild and the trains ran on time all week. ";
    std::string out;
    while (out.size() < n) out += sentence;
    out.resize(n);
    return out;
}

std::string_view cut(const std::string& text, index_detail::TextWindow w) {
    return std::string_view(text).substr(w.begin, w.end - w.begin);
}

} // namespace

TEST_CASE("snippet window: the query's words without prefixes, filters left out", "[index]") {
    const std::vector<Xapian::Query> words = {Xapian::Query("Zmarket"), Xapian::Query("Sqwen"),
                                              Xapian::Query("通义"), Xapian::Query("Zcompani")};
    const Xapian::Query query(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()),
                              Xapian::Query("XSTATUSconfirmed"));
    CHECK(index_detail::snippet_words(query) == std::vector<std::string>{"compan", "market", "qwen", "通义"});
}

TEST_CASE("snippet window: short texts and texts without the words are left whole", "[index]") {
    const std::string short_text = "Alibaba will power Apple Intelligence in China.";
    CHECK(snippet_window(short_text, {"alibaba"}, 240).end == short_text.size());
    const std::string long_text = filler(20000);
    const auto w = snippet_window(long_text, {"alibaba"}, 240);
    CHECK(w.begin == 0);
    CHECK(w.end == long_text.size());
}

TEST_CASE("snippet window: the passage where most of the words gather", "[index]") {
    // "qwen" alone early on, "qwen" next to "alibaba" far later: the later passage wins.
    const std::string text = filler(3000) + "Qwen was mentioned once. " + filler(9000) +
                             "Alibaba said Qwen would run on the phones. " + filler(9000);
    const auto w = snippet_window(text, {"alibaba", "qwen"}, 240);
    const auto passage = cut(text, w);
    CHECK(passage.find("Alibaba said Qwen") != std::string_view::npos);
    CHECK(passage.find("Qwen was mentioned once") == std::string_view::npos);
    CHECK(w.end - w.begin <= 4 * 240 + 64);
    // It starts after a space, not inside a word.
    CHECK(text[w.begin - 1] == ' ');
}

TEST_CASE("snippet window: Latin words start at a word boundary, any case", "[index]") {
    const std::string text = filler(5000) + "the supermarket opened. " + filler(5000) + " MARKETS fell. " + filler(5000);
    const auto passage = cut(text, snippet_window(text, {"market"}, 240));
    CHECK(passage.find("MARKETS fell") != std::string_view::npos);
    CHECK(passage.find("supermarket") == std::string_view::npos);
}

TEST_CASE("snippet window: CJK words anywhere, cut on character boundaries", "[index]") {
    std::string zh;
    while (zh.size() < 9000) zh += "市场今天表现平稳，交易量不大。";
    const std::string text = zh + "苹果与阿里巴巴合作，通义千问将为国行提供支持。" + zh;
    const auto w = snippet_window(text, {"通义"}, 240);
    CHECK(cut(text, w).find("通义千问") != std::string_view::npos);
    CHECK((static_cast<unsigned char>(text[w.begin]) & 0xC0) != 0x80);
    CHECK((w.end == text.size() || (static_cast<unsigned char>(text[w.end]) & 0xC0) != 0x80));
}

TEST_CASE("search: a match deep in a long article is in its snippet, with the cut marked", "[index]") {
    test::TempDir dir("rumorwatch-snippet");
    const std::string path = dir.file("db");
    const std::string text = filler(12000) + "Regulators in Beijing approved the Qwen models for the phones. " + filler(12000);
    test::build_index(path, {{"long", test::make_record("long", "pacific-wire", "en", "2025-02-11", "A long day",
                                                        text, RumorStatus::confirmed)}});
    IndexReader reader({path});
    SearchRequest r;
    r.query = "qwen beijing";
    const SearchResponse response = reader.search(r);
    REQUIRE(response.hits.size() == 1);
    const std::string& snippet = response.hits[0].snippet;
    CHECK_THAT(snippet, Catch::Contains("\x01" "Beijing\x02 approved the \x01Qwen\x02"));
    CHECK(snippet.rfind("…", 0) == 0);
    CHECK((snippet.size() >= 6 && snippet.compare(snippet.size() - 3, 3, "…") == 0));
    CHECK(snippet.size() < 600);
}
