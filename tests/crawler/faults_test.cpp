/// \file
/// Every fault mode of the test server against the real crawler: the crawl finishes, what can
/// be retried is, what cannot is not, and the summary names each failure.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "crawler/crawler.h"
#include "index/index.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

using namespace rumorwatch;
using namespace rumorwatch::test;
using nlohmann::json;

namespace {

std::string article(const std::string& name) {
    return "<!doctype html><html lang=\"en\"><head><title>" + name + "</title></head><body><article><h1>" + name +
           "</h1><p>In the " + name + " case, Apple has chosen Alibaba as its partner for artificial intelligence "
           "features on iPhones sold in mainland China, people familiar with the matter said.</p><p>The " + name +
           " page carries a second paragraph so that it reads as an article to the extractor.</p>"
           "</article></body></html>";
}

std::size_t count_requests(const std::vector<RequestLogEntry>& log, const std::string& path) {
    return static_cast<std::size_t>(std::count_if(log.begin(), log.end(), [&](const auto& r) { return r.path == path; }));
}

} // namespace

TEST_CASE("faults: every fault mode is met, the crawl finishes, the summary names each failure", "[crawler][e2e]") {
    // Each case: a page, the fault rule for it, and the failure reason the summary must give
    // ("" when the crawler is expected to get through after retrying).
    struct Case {
        std::string page;
        json rule;
        std::string reason;
    };
    const std::vector<Case> cases = {
        {"ok", nullptr, ""},
        {"status500", {{"mode", "status500"}}, "http 500"},
        {"flaky", {{"mode", "fail_n_times"}, {"n", 2}, {"as", "status500"}}, ""},
        {"busy503", {{"mode", "status503"}, {"retry_after", 1}, {"times", 1}}, ""},
        {"always503", {{"mode", "status503"}, {"retry_after", 1}}, "http 503"},
        {"throttled429", {{"mode", "status429"}, {"retry_after", nullptr}, {"times", 1}}, ""},
        {"teapot", {{"mode", "status"}, {"status", 418}}, "http 418"},
        {"reset", {{"mode", "reset"}, {"at", "headers"}}, "reset"},
        {"reset-start", {{"mode", "reset"}, {"at", "start"}}, "reset"},
        {"truncate", {{"mode", "truncate"}, {"fraction", 0.5}}, "truncated"},
        {"drip", {{"mode", "drip"}, {"chunk_bytes", 8}, {"interval_ms", 200}}, "timeout"},
        {"loop", {{"mode", "redirect_loop"}}, "too_many_redirects"},
        {"to-ftp", {{"mode", "redirect"}, {"location", "ftp://f.example/x"}}, "bad_protocol"},
        {"to-file", {{"mode", "redirect"}, {"location", "file:///etc/passwd"}}, "bad_protocol"},
        {"oversize", {{"mode", "oversize"}}, "too_large"},
        {"oversize-undeclared", {{"mode", "oversize"}, {"declared", nullptr}, {"stream", 20'000'000}}, "too_large"},
        {"bomb", {{"mode", "gzip_bomb"}}, "too_large"},
        {"png", {{"mode", "wrong_type"}, {"content_type", "image/png"}}, "content_type"},
        {"chunked", {{"mode", "bad_chunked"}, {"variant", "bad_size"}}, "bad_response"},
    };

    TempDir site("rumorwatch-faults-site");
    std::string items;
    json faults = json::array();
    for (const auto& c : cases) {
        site.write("f.example/news/" + c.page + ".html", article(c.page));
        items += "<item><link>http://f.example/news/" + c.page + ".html</link></item>";
        if (!c.rule.is_null()) {
            json rule = c.rule;
            rule["path"] = "^/news/" + c.page + "\\.html$";
            faults.push_back(rule);
        }
    }
    site.write("f.example/feed.rss", "<rss version=\"2.0\"><channel>" + items + "</channel></rss>");
    site.write("f.example/robots.txt", "User-agent: *\nAllow: /\n");
    // A second host whose robots.txt fails: nothing of it may be fetched.
    site.write("g.example/feed.rss", "<rss version=\"2.0\"><channel><item><link>http://g.example/news/x.html</link>"
                                     "</item></channel></rss>");
    site.write("g.example/news/x.html", article("x"));
    faults.push_back({{"host", "g\\.example"}, {"path", "^/robots\\.txt$"}, {"mode", "status"}, {"status", 500}});

    TestServerOptions server_options;
    server_options.root = site.path();
    server_options.max_seconds = 200;
    TestServer server(server_options);
    server.set_faults(faults);

    TempDir dir("rumorwatch-faults-db");
    CrawlOptions options;
    options.config.user_agent = "rumorwatch-test/1.0 (+https://example.org/contact)";
    for (const char* host : {"f.example", "g.example"}) {
        Outlet o;
        o.id = std::string(host).substr(0, 1);
        o.home = std::string("http://") + host + "/feed.rss"; // no separate home page
        o.feeds = {o.home};
        o.allow = {std::string("^http://") + host[0] + "\\.example/news/"};
        o.language = "en";
        o.min_delay_ms = 0;
        o.max_connections = 4;
        options.config.outlets.push_back(o);
    }
    options.topics.push_back(load_topic((source_dir() / "seeds/topics/apple-alibaba.json").string()));
    options.db_path = dir.file("db");
    options.connect_to = {server.connect_to()};
    // Long enough that a loaded machine (the whole suite on two cores) never turns an answer
    // into a timeout, which would be retried and break the request counts below; the drip
    // case still takes far longer than this.
    options.transfer_timeout = std::chrono::milliseconds(6000);
    options.max_body_bytes = 1u << 20;
    options.workers = 2;

    std::ostringstream progress;
    const auto started = std::chrono::steady_clock::now();
    const CrawlSummary summary = crawl(options, progress);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(90));
    const auto log = server.requests();

    const OutletSummary& f = summary.outlets.at("f");
    IndexReader reader({options.db_path});
    std::map<std::string, int> expected_reasons;
    for (const auto& c : cases) {
        const std::string url = "http://f.example/news/" + c.page + ".html";
        INFO(c.page);
        if (c.reason.empty()) {
            CHECK(reader.find(url)); // got through, after retries where needed
        } else {
            CHECK_FALSE(reader.find(url));
            ++expected_reasons[c.reason];
        }
    }
    for (const auto& [reason, n] : expected_reasons) {
        INFO(reason);
        REQUIRE(f.failure_reasons.count(reason));
        CHECK(f.failure_reasons.at(reason) == n);
    }
    // Transient faults were retried (the retry budget is 3), permanent ones were not.
    CHECK(count_requests(log, "/news/status500.html") == 4);
    CHECK(count_requests(log, "/news/flaky.html") == 3);
    CHECK(count_requests(log, "/news/busy503.html") == 2);
    CHECK(count_requests(log, "/news/teapot.html") == 1);
    CHECK(count_requests(log, "/news/oversize.html") == 1);
    CHECK(count_requests(log, "/news/png.html") == 1);
    CHECK(count_requests(log, "/news/to-file.html") == 1);
    // Retry-After was waited for.
    std::vector<double> busy;
    for (const auto& r : log)
        if (r.path == "/news/busy503.html") busy.push_back(r.time);
    REQUIRE(busy.size() == 2);
    CHECK(busy[1] - busy[0] >= 0.99);

    // g.example: robots.txt answered 500, so nothing else was asked of it.
    const OutletSummary& g = summary.outlets.at("g");
    CHECK(g.failed >= 1);
    CHECK(g.failure_reasons.count("robots.txt unavailable (http 500)") == 1);
    for (const auto& r : log)
        if (r.host == "g.example") CHECK(r.path == "/robots.txt");

    // The printed summary names every failure.
    std::ostringstream printed;
    print_summary(summary, printed);
    for (const auto& [reason, n] : f.failure_reasons) CHECK(printed.str().find(reason) != std::string::npos);
}
