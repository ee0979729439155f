#include <catch2/catch.hpp>

#include <atomic>
#include <exception>
#include <thread>

#include "index/index.h"
#include "tests/support/news_corpus.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;

namespace {

ArticleRecord numbered(int n) {
    // Built with append rather than "literal" + string: GCC 12 warns falsely on the latter.
    const std::string number = std::to_string(n);
    std::string slug = "a", title = "Apple and Alibaba update ", text = "Alibaba and Apple are said to be in talks, item ";
    slug.append(number);
    title.append(number);
    text.append(number).append(".");
    return test::make_record(slug, "wire", "en", "2025-02-11", title, text,
                             n % 2 ? RumorStatus::reported : RumorStatus::stalled, {"apple"}, {}, "");
}

} // namespace

TEST_CASE("reader: sees each new commit without being reopened by its caller", "[index]") {
    test::TempDir dir;
    IndexWriter writer(dir.file("db"));
    writer.commit();
    IndexReader reader({dir.file("db")});
    CHECK(reader.document_count() == 0);
    writer.upsert(numbered(1));
    CHECK(reader.document_count() == 0); // not committed yet
    writer.commit();
    CHECK(reader.document_count() == 1);
    SearchRequest r;
    r.query = "alibaba";
    CHECK(reader.search(r).hits.size() == 1);
}

TEST_CASE("reader: searching while a crawl commits never fails", "[index]") {
    test::TempDir dir;
    const std::string path = dir.file("db");
    { IndexWriter create(path); }
    IndexReader reader({path});
    constexpr int kCommits = 150;
    constexpr int kPerCommit = 4;
    std::atomic<bool> done{false};
    std::exception_ptr writer_error;
    std::thread crawl([&] {
        try {
            IndexWriter writer(path);
            for (int c = 0; c < kCommits; ++c) {
                for (int k = 0; k < kPerCommit; ++k) writer.upsert(numbered(c * kPerCommit + k));
                // Also rewrite older documents so old revisions' blocks get reused.
                auto again = numbered(c / 2);
                again.content_hash = "rev" + std::to_string(c);
                writer.upsert(again);
                writer.commit();
            }
        } catch (...) {
            writer_error = std::current_exception();
        }
        done = true;
    });
    long long last_count = 0;
    int rounds = 0;
    SearchRequest search;
    search.query = "alibaba talks";
    search.limit = 20;
    search.facets = true;
    TimelineRequest timeline;
    timeline.topic_id = "apple-alibaba";
    std::string reader_error;
    while (!done || rounds < 3) {
        try {
            const long long count = reader.document_count();
            CHECK(count >= last_count);
            last_count = count;
            const auto response = reader.search(search);
            CHECK(response.hits.size() <= 20);
            const auto articles = reader.timeline_articles(timeline);
            CHECK(static_cast<long long>(articles.size()) >= count);
        } catch (const std::exception& e) {
            reader_error = e.what(); // keep going so the writer thread can be joined
        }
        ++rounds;
    }
    crawl.join();
    CHECK(reader_error == "");
    if (writer_error) std::rethrow_exception(writer_error);
    CHECK(reader.document_count() == kCommits * kPerCommit);
    CHECK(rounds > 3);
}
