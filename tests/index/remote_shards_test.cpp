#include <catch2/catch.hpp>

#include <fstream>

#include "index/index.h"
#include "parser/core/core.h"
#include "tests/support/news_corpus.h"
#include "tests/support/tcp_server_process.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;

namespace {

/// What a search answers, in a form two readers can be compared on.
struct Answer {
    std::vector<std::string> slugs;
    std::vector<long long> copies;
    std::vector<std::string> snippets;
    long long total = 0;
    std::vector<std::pair<std::string, long long>> statuses, outlets;
    bool operator==(const Answer&) const = default;
};

Answer answer(IndexReader& reader, SearchRequest r) {
    r.limit = 50;
    r.facets = true;
    const auto response = reader.search(r);
    Answer a;
    for (const auto& h : response.hits) {
        a.slugs.push_back(test::slug_of(h.article.record));
        a.copies.push_back(h.copies);
        a.snippets.push_back(h.snippet);
    }
    a.total = response.estimated_total;
    a.statuses = response.status_facets;
    a.outlets = response.outlet_facets;
    return a;
}

std::vector<SearchRequest> requests() {
    std::vector<SearchRequest> all;
    auto add = [&](const std::string& q, auto&& tweak) {
        SearchRequest r;
        r.query = q;
        tweak(r);
        all.push_back(r);
    };
    auto none = [](SearchRequest&) {};
    add("apple", none);
    add("alibaba OR 阿里巴巴", none);
    add("\"people familiar\"", none);
    add("qwen", [](SearchRequest& r) { r.expand = true; });
    add("", [](SearchRequest& r) { r.sort_by_date = true; });
    add("apple", [](SearchRequest& r) {
        r.sort_by_date = true;
        r.oldest_first = true;
        r.statuses = {RumorStatus::reported, RumorStatus::stalled};
    });
    add("date:2025-02-01..2025-03-01 lang:en", none);
    add("status:confirmed OR status:stalled", [](SearchRequest& r) { r.collapse_duplicates = false; });
    add("china", [](SearchRequest& r) {
        r.since = *parse_iso8601("2025-02-12");
        r.offset = 1;
    });
    return all;
}

} // namespace

TEST_CASE("shards: two xapian-tcpsrv shards searched through one stub file answer as one database",
          "[index][remote]") {
    test::TempDir dir("rumorwatch-shards");
    const auto corpus = test::small_news_corpus();
    std::vector<test::CorpusArticle> even, odd;
    for (std::size_t i = 0; i < corpus.size(); ++i) (i % 2 ? odd : even).push_back(corpus[i]);
    test::build_index(dir.file("all"), corpus);
    test::build_index(dir.file("shard-a"), even);
    test::build_index(dir.file("shard-b"), odd);

    const int port_a = test::free_loopback_port();
    test::ServerProcess server_a({"xapian-tcpsrv", "--interface", "127.0.0.1", "--port", std::to_string(port_a),
                                  "--timeout", "20000", dir.file("shard-a")},
                                 port_a, dir.file("tcpsrv-a.log"));
    const int port_b = test::free_loopback_port();
    test::ServerProcess server_b({"xapian-tcpsrv", "--interface", "127.0.0.1", "--port", std::to_string(port_b),
                                  "--timeout", "20000", dir.file("shard-b")},
                                 port_b, dir.file("tcpsrv-b.log"));

    // One shard in Xapian's own syntax, one in the "remote tcp HOST PORT" form.
    const auto stub = dir.write("shards.stub", "# two shards of one crawl\nremote 127.0.0.1:" +
                                                   std::to_string(port_a) + "\nremote tcp 127.0.0.1 " +
                                                   std::to_string(port_b) + "\n");
    // A stub can mix local and remote shards.
    const auto mixed = dir.write("mixed.stub", "auto shard-a\nremote tcp 127.0.0.1 " + std::to_string(port_b) + "\n");

    IndexReader single({dir.file("all")});
    IndexReader remote({stub});
    IndexReader local_and_remote({mixed});
    IndexReader two_dbs({dir.file("shard-a"), dir.file("shard-b")});

    CHECK(remote.document_count() == 12);
    for (const auto& r : requests()) {
        INFO("query: " << r.query);
        const Answer expected = answer(single, r);
        CHECK_FALSE(expected.slugs.empty());
        CHECK(answer(remote, r) == expected);
        CHECK(answer(local_and_remote, r) == expected);
        CHECK(answer(two_dbs, r) == expected);
    }

    auto ids = [](const std::vector<StoredArticle>& v) {
        std::vector<std::string> out;
        for (const auto& a : v) out.push_back(a.id);
        return out;
    };
    CHECK(ids(remote.timeline_articles("apple-alibaba")) == ids(single.timeline_articles("apple-alibaba")));
    CHECK(ids(remote.timeline_articles("apple-alibaba")).size() == 10);

    const auto found = remote.find("https://jinrong-bao.example/zh-tuichi");
    REQUIRE(found);
    CHECK(found->record.article.title == "监管审查导致苹果AI功能推迟");

    const auto stats = remote.stats();
    const auto expected_stats = single.stats();
    CHECK(stats.documents == 12);
    CHECK(stats.outlets == expected_stats.outlets);
    CHECK(stats.statuses == expected_stats.statuses);
    CHECK(stats.earliest == expected_stats.earliest);
    CHECK(stats.latest == expected_stats.latest);
    CHECK(stats.database_bytes == -1); // sizes are only known where shards are served
}

TEST_CASE("shards: a stub naming a shard nobody serves fails with the stub's file and line", "[index][remote]") {
    test::TempDir dir("rumorwatch-shards");
    const int port = test::free_loopback_port();
    const auto stub = dir.write("dead.stub", "\nremote tcp 127.0.0.1 " + std::to_string(port) + "\n");
    CHECK_THROWS_WITH(IndexReader({stub}), Catch::Contains(stub + ":2: NetworkError"));
    const auto bad = dir.write("bad.stub", "remote tcp 127.0.0.1 http\n");
    CHECK_THROWS_WITH(IndexReader({bad}), Catch::Contains(bad + ":1: the port is not a number"));
}
