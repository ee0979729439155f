/// \file
/// What a 304 does to the stored crawl state.
#include <catch2/catch.hpp>

#include "crawler/page_processor.h"

#include "crawler/outlet_map.h"
#include "parser/core/core.h"

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

// ---- Echoes and local time at ingest (issue 20) -------------------------------------------

namespace {

Outlet outlet(const std::string& id, const std::string& name, const std::string& host, OutletTier tier,
              const std::string& zone = "UTC") {
    Outlet o;
    o.id = id;
    o.name = name;
    o.home = "http://" + host + "/";
    o.tier = tier;
    o.timezone = zone;
    o.language = "en";
    return o;
}

OutletMap demo_outlets() {
    return OutletMap({outlet("wire", "Pacific Wire", "wire.example", OutletTier::wire),
                      outlet("ledger", "The Ledger", "ledger.example", OutletTier::major),
                      outlet("jinghai", "京海财经", "jinghai.example", OutletTier::major, "Asia/Shanghai")});
}

std::string page(const std::string& canonical, const std::string& lead, const std::string& date = "") {
    std::string body;
    for (int i = 0; i < 6; ++i)
        body += "<p>Apple and Alibaba have worked together on artificial intelligence for iPhones in China, "
                "and the plan has drawn attention from investors and regulators in both countries.</p>";
    return "<html><head><title>Apple picks Alibaba</title>" +
           (canonical.empty() ? std::string() : "<link rel=\"canonical\" href=\"" + canonical + "\">") +
           (date.empty() ? std::string() : "<meta property=\"article:published_time\" content=\"" + date + "\">") +
           "</head><body><article><h1>Apple picks Alibaba</h1><p>" + lead + "</p>" + body +
           "</article></body></html>";
}

PageReport process(const OutletMap& outlets, std::size_t outlet_index, const std::string& url, const std::string& html) {
    WorkItem item;
    item.task.url = url;
    item.task.kind = TaskKind::page;
    item.task.outlet = outlet_index;
    item.result.url = url;
    item.result.final_url = url;
    item.result.http_status = 200;
    item.result.headers = {{"content-type", "text/html; charset=utf-8"}};
    item.result.body = html;
    item.result.started_wall = std::chrono::system_clock::now();
    const std::vector<Topic> topics;
    const ProcessContext ctx{outlets, topics};
    return process_fetched(std::move(item), ctx, std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
}

} // namespace

TEST_CASE("page processor: rel=canonical to another outlet is an echo kept as its own document", "[crawler]") {
    const OutletMap outlets = demo_outlets();
    const std::string origin = "http://wire.example/2025/02/11/apple-picks-alibaba";
    const std::string copy = "http://ledger.example/tech/apple-chooses-alibaba";
    const PageReport report = process(outlets, 1, copy, page(origin, "Apple has chosen Alibaba, people said."));
    REQUIRE(report.event == PageReport::Event::article);
    REQUIRE(report.record);
    CHECK(report.record->article.canonical_url == copy);
    CHECK(report.record->echo_of == origin);
    CHECK(report.record->echo_signal == "canonical to other outlet");

    // Within one outlet, rel=canonical still names the document.
    const PageReport same = process(outlets, 1, copy + "?amp=1", page(copy, "Apple has chosen Alibaba."));
    CHECK(same.event == PageReport::Event::canonical_elsewhere);
}

TEST_CASE("page processor: a wire dateline credit marks an echo; the wire's own dateline does not", "[crawler]") {
    const OutletMap outlets = demo_outlets();
    const std::string lead = "NEW YORK (Pacific Wire) \xE2\x80\x94 Apple has chosen Alibaba, people said.";
    const PageReport copy = process(outlets, 1, "http://ledger.example/a", page("", lead));
    REQUIRE(copy.record);
    CHECK(copy.record->echo_signal == "dateline credit: Pacific Wire");
    CHECK(copy.record->echo_of.empty()); // the origin is found by the timeline (near-duplicate text)
    const PageReport own = process(outlets, 0, "http://wire.example/a", page("", lead));
    REQUIRE(own.record);
    CHECK(own.record->echo_signal.empty());
    const PageReport reuters =
        process(outlets, 1, "http://ledger.example/b", page("", "SHANGHAI (Reuters) - Apple has chosen Alibaba."));
    REQUIRE(reuters.record);
    CHECK(reuters.record->echo_signal == "dateline credit: Reuters");
}

TEST_CASE("page processor: a date without an offset takes the outlet's zone's offset", "[crawler]") {
    const OutletMap outlets = demo_outlets();
    const PageReport r =
        process(outlets, 2, "http://jinghai.example/a", page("", "京海财经讯 苹果与阿里巴巴合作。", "2024-12-19T09:30:00"));
    REQUIRE(r.record);
    REQUIRE(r.record->article.published);
    CHECK(r.record->article.published->utc_offset_minutes == 480);
    CHECK(format_iso8601(r.record->article.published->time) == "2024-12-19T01:30:00Z");
}
