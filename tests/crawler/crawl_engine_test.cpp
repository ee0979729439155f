/// \file
/// The crawl pass's logic against a table-driven fake fetcher and a real Xapian database:
/// discovery, robots.txt, retries, politeness, budgets, and resuming after a stop.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "crawler/crawl_engine.h"
#include "index/index.h"
#include "tests/crawler/fake_fetcher.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;
using namespace rumorwatch::test;
using namespace std::chrono_literals;

namespace {

std::string article_html(const std::string& title, const std::string& extra = "") {
    return "<!doctype html><html lang=\"en\"><head><title>" + title + "</title>"
           "<meta property=\"article:published_time\" content=\"2025-02-11T09:00:00Z\"></head><body>"
           "<nav><a href=\"/\">Home</a></nav><article><h1>" + title + "</h1>"
           "<p>Apple has chosen Alibaba as its partner for artificial intelligence features on iPhones sold in "
           "mainland China, according to two people familiar with the matter, who asked not to be named.</p>"
           "<p>Neither company has confirmed the arrangement. Apple had also evaluated models from Baidu, "
           "ByteDance and Tencent before settling on Alibaba, the people said. " + extra + "</p>"
           "<p>Shares of Alibaba rose in Hong Kong trading after the report, while analysts said the deal could "
           "help Apple revive its sales in China, where competition from local brands is fierce.</p>"
           "</article><footer>Copyright</footer></body></html>";
}

std::string rss(const std::vector<std::string>& urls) {
    std::string items;
    for (const auto& u : urls) items += "<item><title>t</title><link>" + u + "</link></item>";
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>f</title>" + items + "</channel></rss>";
}

CannedResponse with_etag(CannedResponse r, const std::string& etag) {
    r.headers.emplace_back("etag", etag);
    return r;
}

Outlet outlet(const std::string& id, const std::string& host, int min_delay_ms = 0, int max_connections = 4) {
    Outlet o;
    o.id = id;
    o.name = id;
    o.home = "http://" + host + "/";
    o.feeds = {"http://" + host + "/feed.xml"};
    o.allow = {"^http://" + host + "/news/"};
    o.language = "en";
    o.min_delay_ms = min_delay_ms;
    o.max_connections = max_connections;
    return o;
}

/// Everything one pass needs, around a database in a temp folder.
struct Harness {
    TempDir dir{"rumorwatch-engine"};
    CrawlOptions options;
    FakeFetcher fetcher;
    EngineSettings settings;

    explicit Harness(std::vector<Outlet> outlets) {
        options.config.user_agent = "rumorwatch-test/1.0 (+https://example.org/contact)";
        options.config.outlets = std::move(outlets);
        options.topics.push_back(load_topic((source_dir() / "seeds/topics/apple-alibaba.json").string()));
        options.db_path = dir.file("db");
        options.max_connections = 8;
        settings.workers = 2;
        settings.seed = 1;
        settings.backoff.retry_base = 10ms;
        settings.backoff.retry_max = 40ms;
        settings.backoff.host_block_base = 20ms;
        settings.max_poll_wait = 5ms;
        reset_crawl_stop();
    }

    CrawlSummary pass() {
        IndexWriter index(options.db_path);
        const OutletMap outlets(options.config.outlets);
        RobotsCache robots(options.config.user_agent);
        CrawlLog log;
        std::ostringstream progress;
        const EngineParts parts{options, outlets, fetcher, index, robots, log, nullptr};
        CrawlSummary s = run_crawl_pass(parts, settings, progress);
        reset_crawl_stop();
        return s;
    }

    long long documents() { return IndexReader({options.db_path}).document_count(); }
};

} // namespace

TEST_CASE("engine: feed -> articles indexed; robots.txt disallow honoured; second pass is conditional",
          "[crawler]") {
    Harness h({outlet("w", "w.example")});
    h.fetcher.on("http://w.example/robots.txt", ok("User-agent: *\nDisallow: /news/private/\n", "text/plain"));
    h.fetcher.on("http://w.example/feed.xml",
                 with_etag(ok(rss({"http://w.example/news/1", "http://w.example/news/2?utm_source=rss",
                                   "http://w.example/news/private/3"}),
                              "application/rss+xml"),
                           "\"feed-v1\""));
    h.fetcher.on("http://w.example/news/1", with_etag(ok(article_html("Apple picks Alibaba")), "\"a1\""));
    h.fetcher.on("http://w.example/news/2", with_etag(ok(article_html("Alibaba shares rise", "More.")), "\"a2\""));

    const CrawlSummary first = h.pass();
    const OutletSummary& s = first.outlets.at("w");
    CHECK(s.added == 2);
    CHECK(s.failed == 2); // the disallowed page, and the home page (404 here)
    CHECK(s.failure_reasons.at("robots.txt disallows") == 1);
    CHECK(h.fetcher.requests_for("http://w.example/news/private/3").empty());
    CHECK(h.fetcher.requests_for("http://w.example/news/2").size() == 1); // tracking parameter removed
    CHECK(h.documents() == 2);
    // robots.txt came first of all.
    REQUIRE_FALSE(h.fetcher.requests().empty());
    CHECK(h.fetcher.requests().front().url == "http://w.example/robots.txt");

    // The next crawl asks only for what is due: the feed (conditionally), not the articles.
    const auto before = h.fetcher.requests().size();
    const CrawlSummary second = h.pass();
    const auto& again = h.fetcher.requests();
    std::vector<std::string> urls;
    for (auto i = before; i < again.size(); ++i) urls.push_back(again[i].url);
    CHECK(std::count(urls.begin(), urls.end(), "http://w.example/news/1") == 0);
    const auto feed = h.fetcher.requests_for("http://w.example/feed.xml");
    REQUIRE(feed.size() == 2);
    CHECK(feed[1].if_none_match == "\"feed-v1\"");
    CHECK(second.outlets.at("w").not_modified == 1);

    // --refresh: every known URL again, conditionally; unchanged pages cost a 304.
    h.options.revisit_all = true;
    const CrawlSummary third = h.pass();
    CHECK(third.outlets.at("w").not_modified == 3); // feed and both articles
    CHECK(third.outlets.at("w").added == 0);
    CHECK(h.fetcher.requests_for("http://w.example/news/1").back().if_none_match == "\"a1\"");
    CHECK(h.documents() == 2);
}

TEST_CASE("engine: 503 waits for Retry-After, transient faults are retried, permanent ones are not",
          "[crawler]") {
    Harness h({outlet("w", "w.example")});
    h.fetcher.on("http://w.example/robots.txt", ok("", "text/plain"));
    h.fetcher.on("http://w.example/feed.xml",
                 ok(rss({"http://w.example/news/busy", "http://w.example/news/gone", "http://w.example/news/flaky",
                         "http://w.example/news/dead"}),
                    "application/rss+xml"));
    CannedResponse busy;
    busy.status = 503;
    busy.headers = {{"retry-after", "1"}};
    h.fetcher.on("http://w.example/news/busy", {busy, ok(article_html("Busy but fine", "Busy."))});
    CannedResponse reset;
    reset.status = 0;
    reset.error = FetchError::reset;
    h.fetcher.on("http://w.example/news/flaky", {reset, reset, ok(article_html("Flaky but fine", "Flaky."))});
    CannedResponse timeout;
    timeout.status = 0;
    timeout.error = FetchError::timeout;
    h.fetcher.on("http://w.example/news/dead", timeout);

    const CrawlSummary summary = h.pass();
    const auto busy_requests = h.fetcher.requests_for("http://w.example/news/busy");
    REQUIRE(busy_requests.size() == 2);
    CHECK(busy_requests[1].started - busy_requests[0].started >= 1s);
    CHECK(h.fetcher.requests_for("http://w.example/news/gone").size() == 1);    // 404: no retry
    CHECK(h.fetcher.requests_for("http://w.example/news/flaky").size() == 3);   // two resets, then fine
    CHECK(h.fetcher.requests_for("http://w.example/news/dead").size() ==
          static_cast<std::size_t>(h.settings.backoff.max_retries + 1));
    const OutletSummary& s = summary.outlets.at("w");
    CHECK(s.added == 2);
    CHECK(s.failure_reasons.at("timeout") == 1);
    CHECK(s.failure_reasons.at("http 404") == 2); // "gone" and the home page
}

TEST_CASE("engine: per-host spacing, per-host and global connection caps", "[crawler]") {
    std::vector<Outlet> outlets;
    for (int i = 0; i < 3; ++i) outlets.push_back(outlet("o" + std::to_string(i), "h" + std::to_string(i) + ".example", 40, 2));
    Harness h(outlets);
    h.options.max_connections = 4;
    SharedClock clock;
    h.settings.clock = [&clock] { return clock.now(); };
    h.fetcher.clock = &clock;
    for (int i = 0; i < 3; ++i) {
        const std::string host = "http://h" + std::to_string(i) + ".example";
        h.fetcher.on(host + "/robots.txt", ok("", "text/plain"));
        std::vector<std::string> links;
        for (int k = 0; k < 8; ++k) {
            links.push_back(host + "/news/" + std::to_string(k));
            CannedResponse page = ok(article_html("Story " + std::to_string(i) + "-" + std::to_string(k),
                                                  "Unique " + std::to_string(i * 100 + k) + "."));
            page.delay = 60ms;
            h.fetcher.on(links.back(), page);
        }
        h.fetcher.on(host + "/feed.xml", ok(rss(links), "application/rss+xml"));
    }
    h.pass();
    CHECK(h.fetcher.max_active() <= 4);
    for (int i = 0; i < 3; ++i) {
        const std::string host = "http://h" + std::to_string(i) + ".example";
        std::vector<std::chrono::steady_clock::time_point> starts;
        for (const auto& r : h.fetcher.requests())
            if (r.url.rfind(host + "/", 0) == 0) starts.push_back(r.started);
        REQUIRE(starts.size() >= 10);
        // The starts are the engine's own decision times (the shared clock), so the spacing
        // holds exactly, with no slack for the microseconds between a decision and a start.
        for (std::size_t k = 1; k < starts.size(); ++k) CHECK(starts[k] - starts[k - 1] >= 40ms);
    }
    CHECK(h.documents() == 24);
}

TEST_CASE("engine: an outlet's page budget caps what one crawl fetches", "[crawler]") {
    Outlet small = outlet("w", "w.example");
    small.max_pages = 4; // the feed, the home page and two articles
    Harness h({small});
    h.fetcher.on("http://w.example/robots.txt", ok("", "text/plain"));
    std::vector<std::string> links;
    for (int k = 0; k < 6; ++k) {
        links.push_back("http://w.example/news/" + std::to_string(k));
        h.fetcher.on(links.back(), ok(article_html("Story " + std::to_string(k), "Unique " + std::to_string(k) + ".")));
    }
    h.fetcher.on("http://w.example/feed.xml", ok(rss(links), "application/rss+xml"));
    h.pass();
    CHECK(h.fetcher.requests().size() == 5); // robots.txt does not count
    CHECK(h.documents() == 2);
}

TEST_CASE("engine: links of a page committed before a stop are crawled next time, even when the feed "
          "then answers 304",
          "[crawler]") {
    Harness h({outlet("w", "w.example")});
    h.settings.workers = 1;
    h.settings.commit_every = 1; // commit as soon as anything is written
    h.fetcher.on("http://w.example/robots.txt", ok("", "text/plain"));
    std::vector<std::string> links;
    for (int k = 0; k < 5; ++k) {
        links.push_back("http://w.example/news/" + std::to_string(k));
        CannedResponse page = ok(article_html("Story " + std::to_string(k), "Unique " + std::to_string(k) + "."));
        page.delay = 300ms; // still in flight when the stop is seen
        h.fetcher.on(links.back(), page);
    }
    h.fetcher.on("http://w.example/feed.xml", with_etag(ok(rss(links), "application/rss+xml"), "\"f\""));
    // Stop as soon as the first article is requested: the feed is read, its links known.
    h.fetcher.on_start = [](const FetchRequest& r) {
        if (r.url.find("/news/") != std::string::npos) request_crawl_stop();
    };
    const CrawlSummary stopped = h.pass();
    CHECK(stopped.interrupted);
    CHECK(h.documents() < 5);
    h.fetcher.on_start = nullptr;

    std::map<std::string, std::size_t> before;
    for (const auto& url : links) before[url] = h.fetcher.requests_for(url).size();
    const CrawlSummary resumed = h.pass();
    CHECK_FALSE(resumed.interrupted);
    CHECK(resumed.outlets.at("w").not_modified == 1); // the feed: 304, no links in it
    CHECK(h.documents() == 5);
    for (const auto& url : links) CHECK(h.fetcher.requests_for(url).size() - before[url] == 1);

    // Everything is committed now: a third crawl fetches no article at all.
    for (const auto& url : links) before[url] = h.fetcher.requests_for(url).size();
    h.pass();
    for (const auto& url : links) CHECK(h.fetcher.requests_for(url).size() == before[url]);
}

TEST_CASE("engine: with the work queue full the fetch loop waits for a worker instead of spinning", "[crawler]") {
    // One worker and transfers that finish at once: the work queue fills and stays full
    // while the worker extracts. The loop used to poll with no timeout all that time
    // (3.5 ms of CPU per page in the crawl bench); now it sleeps until a worker wakes it.
    Outlet o = outlet("s", "s.example");
    Harness h({o});
    h.settings.workers = 1;
    h.settings.max_poll_wait = 50ms; // long enough that a missing wake() would show as slowness, not spins
    h.fetcher.on("http://s.example/robots.txt", ok("", "text/plain"));
    std::string long_text; // pages that take the worker a while
    for (int i = 0; i < 400; ++i) long_text += "Paragraph " + std::to_string(i) + " of a long report on supply chains. ";
    std::vector<std::string> links;
    for (int k = 0; k < 120; ++k) {
        links.push_back("http://s.example/news/" + std::to_string(k));
        h.fetcher.on(links.back(), ok(article_html("Story " + std::to_string(k), "Unique " + std::to_string(k) + ". " + long_text)));
    }
    h.fetcher.on("http://s.example/feed.xml", ok(rss(links), "application/rss+xml"));
    h.pass();
    CHECK(h.documents() == 120);
    INFO("polls that asked not to wait while nothing ran: " << h.fetcher.idle_spins());
    CHECK(h.fetcher.idle_spins() < 20);
}
