#include <catch2/catch.hpp>

#include "index/index.h"
#include "parser/core/core.h"
#include "tests/support/news_corpus.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;

namespace {

/// Indexes one record in a fresh database and returns its term dump.
std::string dump_of(const ArticleRecord& record) {
    test::TempDir dir("rumorwatch-terms");
    {
        IndexWriter writer(dir.file("db"));
        writer.upsert(record);
        writer.commit();
    }
    IndexReader reader({dir.file("db")});
    return reader.term_dump(record.article.canonical_url);
}

} // namespace

TEST_CASE("terms: an English article, field by field", "[index]") {
    auto r = test::make_record("t1", "wire", "en", "2025-02-11", "Apple talks", "Alibaba agreed.",
                               RumorStatus::reported, {"apple"}, {"Reuters"});
    r.article.authors = {"Ann Lee"};
    r.tier = OutletTier::wire;
    // Title: S-prefixed at 1-2, then unprefixed at 103-104 (wdf 5, not shown), body from 205.
    // Stemmed Z terms carry no positions (STEM_SOME); authors have no positions. Booleans:
    // date D/M/Y, host H, language L, outlet, tier, topic, status, mention status, entity,
    // source (lower-cased), URL U, id Q.
    CHECK(dump_of(r) ==
          "Aann[307] Alee[308] D20250211[] Hwire.example[] Len[] M202502[] Qdd5a60ff151ce356[] Sapple[1] "
          "Stalks[2] Uhttps://wire.example/t1[] XDATEpublished[] XENTITYapple[] XMSTATUSreported[] "
          "XOUTLETwire[] XSOURCEreuters[] XSTATUSreported[] XTIERwire[] XTOPICapple-alibaba[] Y2025[] "
          "ZAann[] ZAlee[] ZSappl[] ZStalk[] Zagre[] Zalibaba[] Zappl[] Ztalk[] agreed[206] "
          "alibaba[205] apple[103] talks[104]");
}

TEST_CASE("terms: Chinese text becomes unigrams with positions and bigrams without", "[index]") {
    const auto r = test::make_record("t2", "zhbao", "zh", "2025-02-12", "阿里", "通义千问", RumorStatus::mentioned);
    // Title 阿里 (S-prefixed at 1-2, plain at 103-104), body 通义千问 from 205: each
    // character a positional unigram, each pair a bigram without positions, no stemmed
    // (Z) forms, which queries never use for CJK.
    CHECK(dump_of(r) ==
          "D20250212[] Hzhbao.example[] Lzh[] M202502[] Qd692064ea3c046e8[] S里[2] S阿[1] S阿里[] "
          "Uhttps://zhbao.example/t2[] XDATEpublished[] XMSTATUSmentioned[] XOUTLETzhbao[] "
          "XSTATUSmentioned[] XTIERmajor[] XTOPICapple-alibaba[] Y2025[] 义[206] 义千[] 千[207] "
          "千问[] 通[205] 通义[] 里[104] 问[208] 阿[103] 阿里[]");
}

TEST_CASE("terms: an undated article is filed under its first-seen day; long URLs are hashed", "[index]") {
    auto r = test::make_record("t3", "blog", "en", "", "Hi", "", RumorStatus::none);
    r.article.canonical_url = "https://blog.example/" + std::string(300, 'x');
    r.crawled_at = *parse_iso8601("2025-03-01T10:00:00Z");
    const std::string dump = dump_of(r);
    CHECK_THAT(dump, Catch::Contains("D20250301[] "));
    CHECK_THAT(dump, Catch::Contains("XDATEfirst_seen[] "));
    CHECK_THAT(dump, Catch::Contains("U#"));
    CHECK_THAT(dump, Catch::Contains("Uhttps://blog.example/t3[]")); // the fetched URL, short
    CHECK_THAT(dump, !Catch::Contains("XTOPIC")); // status none: not part of the topic
    for (const auto& term : {std::string("U#"), std::string("Q")}) {
        const auto at = dump.find(" " + term);
        REQUIRE(at != std::string::npos);
        CHECK(dump.find('[', at) - at - 1 <= 240);
    }
}
