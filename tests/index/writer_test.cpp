#include <catch2/catch.hpp>

#include <xapian.h>

#include <nlohmann/json.hpp>

#include "index/index.h"
#include "parser/core/core.h"
#include "tests/support/every_field.h"
#include "tests/support/news_corpus.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;

namespace {

Timestamp at(const char* iso) { return *parse_iso8601(iso); }

ArticleRecord sample() {
    auto r = test::make_record("deal", "pacific-wire", "en", "2025-02-11", "Apple in talks with Alibaba",
                               "Apple is in talks with Alibaba, people familiar said.", RumorStatus::reported,
                               {"apple", "alibaba"}, {"people familiar"}, "grp-1");
    r.article.url = "https://pacific-wire.example/deal?utm_source=rss";
    r.article.authors = {"Ann Lee"};
    r.article.keywords = {"AI", "China"};
    r.article.modified = ArticleDate{at("2025-02-12T09:00:00Z"), "meta", true, true};
    r.tier = OutletTier::wire;
    r.crawled_at = at("2025-02-11T10:00:00Z");
    r.warc_file = "crawl-0001.warc.gz";
    r.warc_record_id = "<urn:uuid:1>";
    r.analysis.mentions[0].in_headline = true;
    r.analysis.confidence = 0.75;
    return r;
}

UrlState state(const std::string& url, const std::string& etag) {
    UrlState s;
    s.url = url;
    s.etag = etag;
    s.last_modified = "Tue, 11 Feb 2025 10:00:00 GMT";
    s.content_hash = "abc";
    s.last_visit = at("2025-02-11T10:00:00Z");
    s.next_visit = at("2025-02-11T16:00:00Z");
    s.failures = 1;
    s.http_status = 200;
    return s;
}

} // namespace

TEST_CASE("writer: a record comes back whole from the reader", "[index]") {
    test::TempDir dir;
    const auto r = sample();
    {
        IndexWriter writer(dir.file("db"));
        CHECK(writer.upsert(r) == UpsertOutcome::added);
        writer.commit();
    }
    IndexReader reader({dir.file("db")});
    const auto found = reader.find(r.article.canonical_url);
    REQUIRE(found);
    CHECK(found->record.article == r.article);
    CHECK(found->record.analysis == r.analysis);
    CHECK(found->record.outlet_id == r.outlet_id);
    CHECK(found->record.tier == OutletTier::wire);
    CHECK(found->record.crawled_at == r.crawled_at);
    CHECK(found->record.content_hash == r.content_hash);
    CHECK(found->record.near_dup_group == "grp-1");
    CHECK(found->record.warc_file == r.warc_file);
    CHECK(found->record.warc_record_id == r.warc_record_id);
    CHECK(found->first_seen == r.crawled_at);
    CHECK(found->time == r.article.published->time);
    CHECK(found->time_source == "published");
    CHECK(found->versions.empty());
    // By id and by the URL it was fetched from, too.
    REQUIRE(reader.find(found->id));
    CHECK(reader.find(found->id)->record.article.title == r.article.title);
    REQUIRE(reader.find(r.article.url));
    CHECK(reader.find(r.article.url)->id == found->id);
    CHECK_FALSE(reader.find("https://nowhere.example/"));
    CHECK(reader.document_count() == 1);
}

TEST_CASE("writer: upsert keeps every version whose title, text or status changed", "[index]") {
    test::TempDir dir;
    IndexWriter writer(dir.file("db"));
    auto r = sample();
    CHECK(writer.upsert(r) == UpsertOutcome::added);
    writer.commit();

    auto same = r;
    same.crawled_at = at("2025-02-11T16:00:00Z"); // a later crawl of the same page
    CHECK(writer.upsert(same) == UpsertOutcome::unchanged);

    auto edited = r;
    edited.crawled_at = at("2025-02-12T10:00:00Z");
    edited.article.title = "Apple confirms Alibaba deal";
    edited.content_hash = "hash-2";
    edited.analysis.status = RumorStatus::confirmed;
    edited.analysis.mentions[0].status = RumorStatus::confirmed;
    edited.analysis.mentions[0].sentence = "Apple confirmed the deal.";
    CHECK(writer.upsert(edited) == UpsertOutcome::updated);

    auto reclassified = edited; // same text and status, only the confidence moves
    reclassified.crawled_at = at("2025-02-13T10:00:00Z");
    reclassified.analysis.confidence = 0.9;
    CHECK(writer.upsert(reclassified) == UpsertOutcome::updated);
    writer.commit();

    IndexReader reader({dir.file("db")});
    const auto found = reader.find(r.article.canonical_url);
    REQUIRE(found);
    CHECK(reader.document_count() == 1);
    CHECK(found->record.article.title == "Apple confirms Alibaba deal");
    CHECK(found->record.analysis.confidence == 0.9);
    CHECK(found->first_seen == at("2025-02-11T10:00:00Z"));
    REQUIRE(found->versions.size() == 1);
    const nlohmann::json v = found->versions[0]; // as stored in the document data
    CHECK(v["title"] == "Apple in talks with Alibaba");
    CHECK(v["status"] == "reported");
    CHECK(v["content_hash"] == r.content_hash);
    CHECK(v["crawled_at"] == "2025-02-11T10:00:00Z");
    CHECK(v["published"] == "2025-02-11T08:00:00Z");
    CHECK(v["warc_file"] == "crawl-0001.warc.gz");
    CHECK(v["evidence"]["sentence"] == r.analysis.mentions[0].sentence);
    const nlohmann::json current = current_version(*found);
    CHECK(current["status"] == "confirmed");
    CHECK(current["crawled_at"] == "2025-02-13T10:00:00Z");
    // The old status no longer matches, the new one does.
    SearchRequest q;
    q.query = "status:reported";
    CHECK(reader.search(q).hits.empty());
    q.query = "status:confirmed";
    CHECK(reader.search(q).hits.size() == 1);
}

TEST_CASE("writer: crawl state round-trips and is visible before commit", "[index]") {
    test::TempDir dir;
    {
        IndexWriter writer(dir.file("db"));
        writer.put_url_state(state("https://a.example/1", "\"e1\""));
        writer.put_url_state(state("https://a.example/2", "\"e2\""));
        REQUIRE(writer.url_state("https://a.example/1"));
        CHECK(*writer.url_state("https://a.example/1") == state("https://a.example/1", "\"e1\""));
        CHECK_FALSE(writer.url_state("https://a.example/3"));
        CHECK(writer.pending_changes() == 2);
        writer.commit();
        CHECK(writer.pending_changes() == 0);
        writer.put_url_state(state("https://a.example/1", "\"e1b\"")); // replaces
        writer.commit();
    }
    IndexWriter writer(dir.file("db"));
    auto all = writer.all_url_states();
    REQUIRE(all.size() == 2);
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.url < b.url; });
    CHECK(all[0] == state("https://a.example/1", "\"e1b\""));
    CHECK(all[1] == state("https://a.example/2", "\"e2\""));
    IndexReader reader({dir.file("db")});
    CHECK(reader.stats().url_states == 2);
    CHECK(reader.document_count() == 0); // states are not documents
}

TEST_CASE("writer: documents and crawl state commit together or not at all", "[index]") {
    test::TempDir dir;
    {
        IndexWriter writer(dir.file("db"));
        writer.upsert(sample());
        writer.put_url_state(state(sample().article.url, "\"committed\""));
        writer.commit();
        auto second = test::make_record("second", "pacific-wire", "en", "2025-02-12", "Second", "Text.",
                                        RumorStatus::none);
        writer.upsert(second);
        writer.put_url_state(state(second.article.url, "\"lost\""));
        writer.put_url_state(state(sample().article.url, "\"lost too\""));
        // Destroyed without commit, as a crash or an exception would leave it.
    }
    IndexReader reader({dir.file("db")});
    CHECK(reader.document_count() == 1);
    CHECK_FALSE(reader.find("https://pacific-wire.example/second"));
    IndexWriter writer(dir.file("db"));
    CHECK(writer.all_url_states().size() == 1);
    CHECK(writer.url_state(sample().article.url)->etag == "\"committed\"");
    CHECK_FALSE(writer.url_state("https://pacific-wire.example/second"));
}

TEST_CASE("writer: a second writer on the same database is told the index is busy", "[index]") {
    test::TempDir dir;
    IndexWriter first(dir.file("db"));
    try {
        IndexWriter second(dir.file("db"));
        FAIL("the second writer opened");
    } catch (const IndexError& e) {
        CHECK(std::string(e.what()) == "index is busy: another crawl is writing to " + dir.file("db"));
    }
}

TEST_CASE("writer and reader: another schema version is refused with how to rebuild", "[index]") {
    test::TempDir dir;
    {
        IndexWriter writer(dir.file("db"));
        writer.upsert(sample());
        writer.commit();
    }
    {
        Xapian::WritableDatabase db(dir.file("db"));
        db.set_metadata("rumorwatch.schema_version", "99"); // written by a newer rumorwatch
        db.commit();
    }
    const std::string expected = dir.file("db") + ": the index has schema version 99, this rumorwatch reads "
                                                  "version 2; rebuild it: move it aside and run 'rumorwatch "
                                                  "reindex --warc WARC_DIR --db " +
                                 dir.file("db") + "' (or crawl again into an empty --db)";
    CHECK_THROWS_WITH(IndexWriter(dir.file("db")), expected);
    CHECK_THROWS_WITH(IndexReader({dir.file("db")}), expected);
}

TEST_CASE("writer: a database of another program is not taken over", "[index]") {
    test::TempDir dir;
    {
        Xapian::WritableDatabase db(dir.file("db"), Xapian::DB_CREATE);
        Xapian::Document doc;
        doc.set_data("not ours");
        db.add_document(doc);
        db.commit();
    }
    CHECK_THROWS_WITH(IndexWriter(dir.file("db")), Catch::Contains("no rumorwatch schema version"));
}

TEST_CASE("writer: the database describes itself in metadata", "[index]") {
    test::TempDir dir;
    { IndexWriter writer(dir.file("db")); }
    Xapian::Database db(dir.file("db"));
    CHECK(db.get_metadata("rumorwatch.schema_version") == "2");
    CHECK(db.get_metadata("rumorwatch.stemmer") == "english");
    CHECK(db.get_metadata("rumorwatch.cjk") == "ngram");
    CHECK(db.get_metadata("rumorwatch.valuesmap") ==
          R"({"content_hash":7,"crawled":2,"dup_group":6,"outlet":5,"published":0,"published_day":1,)"
          R"("status":3,"status_rank":4,"text":8})");
}

TEST_CASE("writer: topics become synonyms; setting them again replaces the old aliases", "[index]") {
    test::TempDir dir;
    IndexWriter writer(dir.file("db"));
    writer.set_topics({test::corpus_topic()});
    writer.commit();
    {
        Xapian::Database db(dir.file("db"));
        std::vector<std::string> synonyms(db.synonyms_begin("qwen"), db.synonyms_end("qwen"));
        CHECK(synonyms == std::vector<std::string>{"alibaba", "通义千问", "阿里", "阿里巴巴"}); // byte order
    }
    Topic topic = test::corpus_topic();
    topic.entities[1].aliases = {"阿里巴巴"}; // Qwen dropped
    writer.set_topics({topic});
    writer.commit();
    Xapian::Database db(dir.file("db"));
    CHECK(db.synonyms_begin("qwen") == db.synonyms_end("qwen"));
    std::vector<std::string> synonyms(db.synonyms_begin("alibaba"), db.synonyms_end("alibaba"));
    CHECK(synonyms == std::vector<std::string>{"阿里巴巴"});
}

TEST_CASE("writer: an article without any URL is refused", "[index]") {
    test::TempDir dir;
    IndexWriter writer(dir.file("db"));
    ArticleRecord r;
    CHECK_THROWS_AS(writer.upsert(r), IndexError);
}

TEST_CASE("writer: every topic of a multi-topic crawl keeps its own analysis, and finds the article", "[index]") {
    test::TempDir dir;
    auto r = sample();
    r.analysis.topic_id = "apple-alibaba";
    RumorAnalysis other;
    other.topic_id = "tesla-baidu";
    other.status = RumorStatus::mentioned;
    other.confidence = 0.6;
    other.entities = {"tesla", "baidu"};
    RumorAnalysis unrelated;
    unrelated.topic_id = "nissan-honda";
    unrelated.status = RumorStatus::none;
    r.other_topics = {other, unrelated};
    {
        IndexWriter writer(dir.file("db"));
        CHECK(writer.upsert(r) == UpsertOutcome::added);
        writer.commit();
    }
    IndexReader reader({dir.file("db")});
    const auto found = reader.find(r.article.canonical_url);
    REQUIRE(found);
    CHECK(found->record.analysis == r.analysis);
    CHECK(found->record.other_topics == r.other_topics);

    // Each topic's timeline finds the article and reads its own analysis of it.
    for (const auto& [topic, status] : {std::pair{"apple-alibaba", RumorStatus::reported},
                                        std::pair{"tesla-baidu", RumorStatus::mentioned}}) {
        INFO(topic);
        const auto articles = reader.timeline_articles(topic);
        REQUIRE(articles.size() == 1);
        const RumorAnalysis* a = analysis_for(articles[0].record, topic);
        REQUIRE(a);
        CHECK(a->status == status);
    }
    // A topic the article has nothing to do with does not list it.
    CHECK(reader.timeline_articles("nissan-honda").empty());
    CHECK(analysis_for(found->record, "qualcomm-intel") == nullptr);

    // A one-topic record is written as before: no other_topics in its data.
    auto single = sample();
    single.article.canonical_url = single.article.url = "https://pacific-wire.example/single";
    {
        IndexWriter writer(dir.file("db"));
        writer.upsert(single);
        writer.commit();
    }
    const auto one = reader.find(single.article.canonical_url);
    REQUIRE(one);
    CHECK(one->record.other_topics.empty());
}

TEST_CASE("writer: every field of an article, its analyses and its versions survives the index", "[index]") {
    test::TempDir dir;
    ArticleRecord r;
    r.article = test::every_field_article();
    r.analysis = test::every_field_analysis("apple-alibaba");
    r.other_topics = {test::every_field_analysis("nissan-honda")};
    r.outlet_id = "example-wire";
    r.tier = OutletTier::wire;
    r.crawled_at = at("2025-02-11T10:00:00Z");
    r.content_hash = "0f1e2d";
    r.near_dup_group = "grp-7";
    r.warc_file = "crawl-0001.warc.gz";
    r.warc_record_id = "<urn:uuid:7>";
    r.echo_of = "http://www.origin-wire.example/2025/02/11/story/";
    r.echo_signal = "dateline";
    ArticleRecord edited = r;
    edited.article.title = "Apple confirms Alibaba";
    edited.analysis.status = RumorStatus::confirmed;
    edited.content_hash = "9a8b7c";
    edited.crawled_at = at("2025-02-13T10:00:00Z");
    {
        IndexWriter writer(dir.file("db"));
        writer.upsert(r);
        writer.upsert(edited);
        writer.commit();
    }
    IndexReader reader({dir.file("db")});
    const auto found = reader.find(r.article.canonical_url);
    REQUIRE(found);
    CHECK(found->record.article == edited.article);
    CHECK(found->record.analysis == edited.analysis);
    CHECK(found->record.other_topics == edited.other_topics);
    CHECK(found->record.echo_of == r.echo_of);
    CHECK(found->record.echo_signal == "dateline");
    CHECK(test::field_count<ArticleRecord>() == 12); // a new member needs a line above
    REQUIRE(found->versions.size() == 1);
    ArticleVersion first;
    first.crawled_at = r.crawled_at;
    first.published = r.article.published->time;
    first.content_hash = r.content_hash;
    first.title = r.article.title;
    first.status = RumorStatus::reported;
    first.confidence = r.analysis.confidence;
    first.evidence = ArticleVersion::Evidence{r.analysis.mentions[1].sentence, r.analysis.mentions[1].cue,
                                              r.analysis.mentions[1].attribution};
    first.warc_file = r.warc_file;
    first.warc_record_id = r.warc_record_id;
    first.modified = r.article.modified->time;
    first.utc_offset_minutes = r.article.modified->utc_offset_minutes; // the modified time's offset
    CHECK(found->versions[0] == first);
    CHECK(test::field_count<ArticleVersion>() == 11); // a new member needs a line above
}
