/// \file
/// What a 304 does to the stored crawl state.
#include <catch2/catch.hpp>

#include "crawler/page_processor.h"

using namespace rumorwatch;

namespace {

CrawlTask task_with_previous() {
    CrawlTask task;
    task.url = "http://wire.example/rss.xml";
    task.host = "http://wire.example";
    task.kind = TaskKind::discovery;
    UrlState previous;
    previous.url = task.url;
    previous.etag = "\"abc-gzip\"";
    previous.last_modified = "Mon, 02 Mar 2026 10:00:00 GMT";
    previous.content_hash = "ff00";
    previous.http_status = 200;
    previous.failures = 2;
    task.previous = previous;
    return task;
}

FetchResult not_modified(std::vector<std::pair<std::string, std::string>> headers) {
    FetchResult r;
    r.url = "http://wire.example/rss.xml";
    r.http_status = 304;
    r.headers = std::move(headers);
    return r;
}

} // namespace

// Regression: a resumed crawl stored 304 as the page's status and the 304's ETag (without
// the "-gzip" suffix of the 200), so its state differed from an uninterrupted crawl's.
TEST_CASE("page processor: a 304 keeps the stored content's status and the validators that matched", "[crawler]") {
    const Timestamp now = Timestamp{} + std::chrono::hours(24 * 365 * 56);
    const PageReport report = report_not_modified(task_with_previous(), not_modified({{"etag", "\"abc\""}}), now);
    CHECK(report.http_status == 304);
    CHECK(report.state.http_status == 200);
    CHECK(report.state.etag == "\"abc-gzip\"");
    CHECK(report.state.last_modified == "Mon, 02 Mar 2026 10:00:00 GMT");
    CHECK(report.state.content_hash == "ff00");
    CHECK(report.state.failures == 0);
    CHECK(report.state.last_visit == now);
}

TEST_CASE("page processor: a 304 for a page stored without validators takes the ones it carries", "[crawler]") {
    CrawlTask task = task_with_previous();
    task.previous->etag.clear();
    task.previous->last_modified.clear();
    const PageReport report =
        report_not_modified(task, not_modified({{"etag", "\"new\""}}), Timestamp{} + std::chrono::hours(1));
    CHECK(report.state.etag == "\"new\"");
}
