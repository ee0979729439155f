/// \file
/// import_warc reads and processes pages on one thread and indexes them on another: the
/// index must still see captures in file order (versions of an article captured twice are
/// in capture order), and a damaged file must stop the import with its name, leaving the
/// database readable.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <iterator>
#include <sstream>

#include "crawler/crawler.h"
#include "crawler/gzip.h"
#include "crawler/warc.h"
#include "crawler/warc_reader.h"
#include "index/index.h"
#include "parser/core/core.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;
using test::TempDir;

namespace {

std::string page(const std::string& title, int n) {
    return "<html lang=\"en\"><head><title>" + title +
           "</title><meta property=\"article:published_time\" content=\"2025-02-11T08:00:00Z\"></head><body>"
           "<article><h1>" + title + "</h1><p>Story " + std::to_string(n) +
           ": Apple is working with Alibaba to bring AI features to iPhones sold in China, people "
           "familiar with the matter said. The companies declined to comment on the report.</p>"
           "<p>Analysts said the arrangement would help Apple meet local rules.</p></article></body></html>";
}

FetchResult exchange(const std::string& url, const std::string& body, int minute) {
    FetchResult r;
    r.url = url;
    r.final_url = url;
    r.http_status = 200;
    r.headers = {{"content-type", "text/html; charset=utf-8"}};
    r.body = body;
    r.wire_bytes = body.size();
    r.request_header_bytes = "GET / HTTP/1.1\r\nHost: news.example\r\n\r\n";
    r.response_header_bytes = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n";
    r.started_wall = std::chrono::system_clock::time_point(std::chrono::seconds(1739260800 + 60 * minute));
    return r;
}

WarcImportOptions import_options(const TempDir& dir) {
    WarcImportOptions options;
    Outlet outlet;
    outlet.id = "news";
    outlet.home = "http://news.example/";
    outlet.allow = {"^http://news\\.example/story/"};
    outlet.language = "en";
    options.config.outlets = {outlet};
    options.db_path = dir.file("db");
    options.quiet = true;
    return options;
}

/// A WARC file in dir/warc holding stories 0..count-1, then `extra` exchanges; its path.
std::string write_stories(const TempDir& dir, int count, const std::vector<FetchResult>& extra = {}) {
    WarcWriter writer(dir.file("warc"));
    for (int n = 0; n < count; ++n)
        writer.write_exchange(exchange("http://news.example/story/" + std::to_string(n), page("Story " + std::to_string(n), n), n));
    for (const auto& e : extra) writer.write_exchange(e);
    writer.close();
    return warc_files_in(dir.file("warc")).front();
}

} // namespace

TEST_CASE("import-warc: captures are indexed in file order, versions included", "[crawler]") {
    TempDir dir("rumorwatch-warc-import");
    // 300 stories, then story 7 again with a new title, then once more.
    const std::string file =
        write_stories(dir, 300, {exchange("http://news.example/story/7", page("Story 7, updated", 7), 400),
                                 exchange("http://news.example/story/7", page("Story 7, final", 7), 500)});
    WarcImportOptions options = import_options(dir);
    options.files = {file};
    std::ostringstream progress;
    import_warc(options, progress);

    IndexReader reader({options.db_path});
    CHECK(reader.document_count() == 300);
    const auto story = reader.find("http://news.example/story/7");
    REQUIRE(story);
    CHECK(story->record.article.title == "Story 7, final");
    REQUIRE(story->versions.size() == 2);
    CHECK(story->versions[0].title == "Story 7");
    CHECK(story->versions[1].title == "Story 7, updated");
}

TEST_CASE("import-warc: a damaged file stops the import with its name; the database stays readable", "[crawler]") {
    TempDir dir("rumorwatch-warc-damaged");
    const std::string good = write_stories(dir, 20);
    const std::string bad = dir.file("damaged.warc");
    std::ofstream(bad) << "this is not a WARC file at all\r\n\r\n";

    WarcImportOptions options = import_options(dir);
    options.files = {good, bad};
    std::ostringstream progress;
    try {
        import_warc(options, progress);
        FAIL("a damaged file was imported without a word");
    } catch (const InputError& e) {
        CHECK_THAT(e.what(), Catch::Contains("damaged.warc"));
    }
    // Readable, and a second import of the good file alone completes.
    CHECK_NOTHROW(IndexReader({options.db_path}).document_count());
    options.files = {good};
    import_warc(options, progress);
    CHECK(IndexReader({options.db_path}).document_count() == 20);
}

// Regression (issue 17, finding 6): 20 flipped bytes in one gzip member aborted the whole
// import, and a reindex over good files with it imported nothing.
TEST_CASE("import-warc: a corrupt gzip member is skipped, named, counted; the rest is imported", "[crawler]") {
    TempDir dir("rumorwatch-warc-corrupt");
    const std::string file = write_stories(dir, 20);
    std::string bytes;
    {
        std::ifstream in(file, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    // Inside some member's deflate data, away from both ends of the file.
    for (std::size_t i = bytes.size() / 2; i < bytes.size() / 2 + 20; ++i) bytes[i] = static_cast<char>(~bytes[i]);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;

    WarcImportOptions options = import_options(dir);
    options.files = {file};
    std::ostringstream progress;
    const CrawlSummary summary = import_warc(options, progress);
    CHECK(summary.damaged_members >= 1);
    CHECK_THAT(progress.str(), Catch::Contains("corrupt gzip member at byte") && Catch::Contains(file));
    const long long documents = IndexReader({options.db_path}).document_count();
    CHECK(documents >= 18); // a damaged member holds one record: a request or one story
}

// Regression (issue 17, finding 8): a record was read whole whatever its size (one 2 MB
// member inflating to 2 GiB took 8.4 GB); over the crawler's body cap it is skipped.
TEST_CASE("warc reader: a record over the size cap is skipped, the next one read", "[crawler]") {
    TempDir dir("rumorwatch-warc-big");
    const auto record = [](const std::string& uri, const std::string& block) {
        return gzip_member("WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: " + uri +
                           "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n");
    };
    const std::string file = dir.write("big.warc.gz", record("http://x.example/big", std::string(20u << 20, '\0')) +
                                                          record("http://x.example/small", "small"));
    WarcReader reader(file);
    const auto first = reader.next();
    REQUIRE(first);
    CHECK(first->field("WARC-Target-URI") == "http://x.example/small");
    CHECK_FALSE(reader.next());
    REQUIRE(reader.oversized().size() == 1);
    CHECK_THAT(reader.oversized()[0], Catch::Contains("big.warc.gz") && Catch::Contains("cap"));
}

// Regression (issue 17, finding 16): a text file named .warc.gz read as "0 responses, 1 file
// ended inside a record" and exit 0.
TEST_CASE("warc reader: a .warc.gz that is not gzip data says so", "[crawler]") {
    TempDir dir("rumorwatch-warc-notgzip");
    const std::string file = dir.write("crawl.warc.gz", "<html><body>a page saved under the wrong name</body></html>\n");
    WarcReader reader(file);
    try {
        reader.next();
        FAIL("text read as a WARC file");
    } catch (const InputError& e) {
        CHECK_THAT(e.what(), Catch::Contains("crawl.warc.gz: not a WARC file (at byte 0): the name ends in .gz but "
                                             "the data is not gzip-compressed"));
    }
}

// Regression (issue 17, finding 16): "Content-Length: -5" read as "WARC record without
// Content-Length" and stopped the whole run.
TEST_CASE("warc reader: an invalid Content-Length is named, the file's other records are read", "[crawler]") {
    TempDir dir("rumorwatch-warc-badlength");
    for (const bool gzipped : {true, false}) {
        const auto record = [gzipped](const std::string& uri, const std::string& block, const std::string& length) {
            const std::string plain = "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: " + uri +
                                      "\r\nContent-Length: " + length + "\r\n\r\n" + block + "\r\n\r\n";
            return gzipped ? gzip_member(plain) : plain;
        };
        const std::string bytes = record("http://x.example/one", "one", "3") +
                                  record("http://x.example/bad", "bad", "-5") + record("http://x.example/two", "two", "3");
        const std::string file = dir.write(gzipped ? "bad.warc.gz" : "bad.warc", bytes);
        INFO(file);
        WarcReader reader(file);
        std::vector<std::string> uris;
        REQUIRE_NOTHROW([&] {
            while (auto r = reader.next()) uris.push_back(r->field("WARC-Target-URI"));
        }());
        CHECK(uris == std::vector<std::string>{"http://x.example/one", "http://x.example/two"});
        REQUIRE(reader.damage().size() == 1);
        CHECK_THAT(reader.damage()[0], Catch::Contains(file) && Catch::Contains("invalid Content-Length \"-5\""));
    }
}
