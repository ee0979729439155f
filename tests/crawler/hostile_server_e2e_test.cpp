/// \file
/// The real `rumorwatch crawl` against a loopback server that misbehaves in every way
/// rwserve.py knows: resets, truncation, an endless drip, a 10 GB Content-Length, a body
/// without end, a gzip bomb, redirect loops and redirects to file://, ftp:// and another
/// host, wrong content types, broken chunked framing, 5xx, and a 10 MB robots.txt on a
/// second outlet. The crawl must end within its time budget and a memory cap (measured
/// with wait4 on the child), name each failure with its reason in the summary, index the
/// good pages, and request nothing outside the outlets' scope (the server log tells).
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <iostream>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

using namespace rumorwatch;
using namespace std::chrono_literals;

namespace {

/// One hostile page: its path under /news/, the fault rule, the reason the summary gives.
struct FaultCase {
    std::string name;
    nlohmann::json rule; ///< "path" is filled in from the name
    std::string reason;  ///< substring expected in the summary's failure column
};

std::vector<FaultCase> fault_cases() {
    using nlohmann::json;
    return {
        {"reset", {{"mode", "reset"}}, "reset"},
        {"reset-headers", {{"mode", "reset"}, {"at", "headers"}}, "reset"},
        {"truncate", {{"mode", "truncate"}}, "truncated"},
        {"drip", {{"mode", "drip"}, {"chunk_bytes", 16}, {"interval_ms", 1000}}, "timeout"},
        {"ten-gb-length", {{"mode", "oversize"}, {"declared", 10737418240LL}, {"stream", 20'000'000}}, "too_large"},
        {"endless", {{"mode", "oversize"}, {"declared", nullptr}, {"stream", 64'000'000}}, "too_large"},
        {"gzip-bomb", {{"mode", "gzip_bomb"}, {"inflated", 1073741824LL}}, "too_large"},
        {"loop", {{"mode", "redirect_loop"}}, "too_many_redirects"},
        {"to-file", {{"mode", "redirect"}, {"location", "file:///etc/passwd"}}, "bad_protocol"},
        {"to-ftp", {{"mode", "redirect"}, {"location", "ftp://hostile.example/news/x.html"}}, "bad_protocol"},
        {"png", {{"mode", "wrong_type"}}, "content_type"},
        {"octet", {{"mode", "wrong_type"}, {"content_type", "application/octet-stream"}}, "content_type"},
        {"chunk-size", {{"mode", "bad_chunked"}, {"variant", "bad_size"}}, ""},
        {"chunk-short", {{"mode", "bad_chunked"}, {"variant", "short"}}, ""},
        {"chunk-crlf", {{"mode", "bad_chunked"}, {"variant", "no_crlf"}}, ""},
        {"error500", {{"mode", "status500"}}, "http 500"},
    };
}

std::string article_page(const std::string& title) {
    std::string body = "<html><head><title>" + title + "</title><meta property=\"article:published_time\" "
                       "content=\"2026-03-07T10:00:00Z\"></head><body><article><h1>" + title + "</h1>";
    // Distinct paragraphs: an extractor rightly drops text repeated word for word.
    for (int i = 0; i < 6; ++i)
        body += "<p>Apple is working with Alibaba to bring AI features to iPhones sold in China, people "
                "familiar with the matter said in report number " + std::to_string(i) + " about " + title +
                ", adding that talks on model hosting and regulatory review are at stage " +
                std::to_string(i + 2) + ".</p>";
    return body + "</article></body></html>";
}

/// hostile.example (every fault), bigrobots.example (a 10 MB robots.txt), other.example
/// (never to be fetched).
void write_site(const test::TempDir& dir, const std::vector<FaultCase>& cases) {
    std::string links, items;
    for (const auto& c : cases) {
        links += "<li><a href=\"/news/" + c.name + ".html\">" + c.name + "</a></li>";
        items += "<item><title>" + c.name + "</title><link>http://hostile.example/news/" + c.name +
                 ".html</link></item>";
        dir.write("site/hostile.example/news/" + c.name + ".html", article_page("Case " + c.name));
    }
    links += "<li><a href=\"/news/good.html\">good</a></li>";
    items += "<item><title>good</title><link>http://hostile.example/news/good.html</link></item>";
    dir.write("site/hostile.example/news/good.html", article_page("A good page among hostile ones"));
    dir.write("site/hostile.example/index.html", "<html><body><ul>" + links + "</ul></body></html>");
    dir.write("site/hostile.example/rss.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>h</title>" +
                                                  items + "</channel></rss>");
    dir.write("site/hostile.example/robots.txt", "User-agent: *\nAllow: /\n");

    std::string robots = "User-agent: *\n";
    while (robots.size() < 10'000'000) robots += "Disallow: /private/" + std::to_string(robots.size()) + "/\n";
    dir.write("site/bigrobots.example/robots.txt", robots);
    dir.write("site/bigrobots.example/index.html",
              "<html><body><a href=\"/news/fine.html\">fine</a></body></html>");
    dir.write("site/bigrobots.example/news/fine.html", article_page("Behind a huge robots.txt"));
    dir.write("site/other.example/news/stolen.html", article_page("Out of scope"));
}

std::string outlets_json() {
    return R"({"outlets": [
  {"id": "hostile", "home": "http://hostile.example/", "feeds": ["http://hostile.example/rss.xml"],
   "allow": ["^http://hostile\\.example/news/"], "language": "en", "min_delay_ms": 0, "max_connections": 4},
  {"id": "bigrobots", "home": "http://bigrobots.example/",
   "allow": ["^http://bigrobots\\.example/news/"], "language": "en", "min_delay_ms": 0}
]})";
}

#if defined(__SANITIZE_ADDRESS__)
constexpr long kRssCapKb = 1'500'000; // ASan shadow memory and quarantine
#else
constexpr long kRssCapKb = 256'000; // the stated cap; 32 MiB measured on the first run
#endif
constexpr auto kTimeBudget = 240s;

} // namespace

TEST_CASE("hostile server: the crawl survives every fault within time and memory caps", "[crawler][hostile][slow]") {
    test::TempDir dir;
    const auto cases = fault_cases();
    write_site(dir, cases);
    const std::string config = dir.write("outlets.json", outlets_json());

    test::TestServerOptions options;
    options.root = dir.file("site");
    options.max_seconds = 400;
    test::TestServer server(options);
    nlohmann::json faults = nlohmann::json::array();
    for (const auto& c : cases) {
        auto rule = c.rule;
        rule["path"] = "^/news/" + c.name + "\\.html$";
        faults.push_back(rule);
    }
    server.set_faults(faults);

    const auto result = test::run_child(test::binary_dir() / "query/rumorwatch",
                                        {"crawl", "--config", config, "--topic",
                                         (test::source_dir() / "seeds/topics/apple-alibaba.json").string(), "--db",
                                         dir.file("db"), "--connect-to", server.connect_to()},
                                        dir.path(), kTimeBudget);
    // The figures issue 9 asks for, in the test log.
    std::cout << "hostile server: " << cases.size() << " faults + 10 MB robots.txt, crawl took " << result.seconds
              << " s, peak RSS " << result.peak_rss_kb / 1024 << " MiB, exit " << result.exit_code << "\n"
              << result.out;
    INFO("stdout:\n" << result.out << "\nstderr:\n" << result.err);
    REQUIRE_FALSE(result.timed_out);
    CHECK(result.signal == 0);
    CHECK((result.exit_code == 0 || result.exit_code == 1));
    CHECK(result.peak_rss_kb < kRssCapKb);

    // Each case is accounted for with its reason.
    for (const auto& c : cases) {
        if (c.reason.empty()) continue;
        INFO("case " << c.name << " expects reason " << c.reason);
        CHECK_THAT(result.out, Catch::Contains(c.reason));
    }

    // Nothing outside the outlets' scope was requested; robots.txt first on each host.
    std::set<std::string> hosts;
    for (const auto& r : server.requests()) {
        hosts.insert(r.host);
        INFO("request " << r.host << r.path);
        CHECK(r.host != "other.example");
        CHECK((r.path == "/robots.txt" || r.path == "/" || r.path.rfind("/news/", 0) == 0 || r.path == "/rss.xml"));
    }
    CHECK(hosts.count("hostile.example") == 1);
    // The 10 MB robots.txt: its first 500 KiB are read (RFC 9309 2.5), the rest never
    // downloaded, and the host is crawled under those rules.
    bool fine_fetched = false;
    for (const auto& r : server.requests())
        fine_fetched = fine_fetched || (r.host == "bigrobots.example" && r.path == "/news/fine.html");
    CHECK(fine_fetched);

    // The good pages made it through.
    const auto search = test::run_child(test::binary_dir() / "query/rumorwatch",
                                        {"search", "--db", dir.file("db"), "--format", "json", "alibaba"}, dir.path(),
                                        60s);
    CHECK(search.exit_code == 0);
    CHECK_THAT(search.out, Catch::Contains("http://hostile.example/news/good.html"));
}

// Regression (issue 9): libcurl once followed redirects itself (CURLOPT_FOLLOWLOCATION), so
// a redirect from an outlet to another host was requested before the scope was checked.
TEST_CASE("hostile server: a redirect to another host is not followed", "[crawler][hostile]") {
    test::TempDir dir;
    const std::vector<FaultCase> cases{
        {"to-other-host", {{"mode", "redirect"}, {"location", "http://other.example/news/stolen.html"}}, ""}};
    write_site(dir, cases);
    const std::string config = dir.write("outlets.json", outlets_json());
    test::TestServerOptions options;
    options.root = dir.file("site");
    test::TestServer server(options);
    server.set_faults(nlohmann::json::array(
        {{{"path", "^/news/to-other-host\\.html$"}, {"mode", "redirect"}, {"location", "http://other.example/news/stolen.html"}}}));
    const auto result = test::run_child(test::binary_dir() / "query/rumorwatch",
                                        {"crawl", "--config", config, "--topic",
                                         (test::source_dir() / "seeds/topics/apple-alibaba.json").string(), "--db",
                                         dir.file("db"), "--connect-to", server.connect_to()},
                                        dir.path(), 120s);
    REQUIRE_FALSE(result.timed_out);
    for (const auto& r : server.requests()) {
        INFO("request " << r.host << r.path);
        CHECK(r.host != "other.example");
    }
}

// A page or an outlets file can name a loopback or private address (or a name resolving
// to one); without --connect-to or --allow-private-addresses nothing is sent there.
TEST_CASE("hostile server: private addresses are refused unless allowed", "[crawler][hostile]") {
    test::TempDir dir;
    dir.write("site/index.html", "<html><body><a href=\"/news/a.html\">a</a></body></html>");
    test::TestServerOptions options;
    options.root = dir.file("site");
    test::TestServer server(options);
    const std::string home = "http://127.0.0.1:" + std::to_string(server.port()) + "/";
    const std::string config = dir.write(
        "outlets.json", R"({"outlets": [{"id": "local", "home": ")" + home + R"(", "language": "en", "min_delay_ms": 0}]})");
    const auto crawl = [&](std::vector<std::string> extra) {
        std::vector<std::string> args{"crawl", "--config", config, "--db", dir.file("db")};
        args.insert(args.end(), extra.begin(), extra.end());
        return test::run_child(test::binary_dir() / "query/rumorwatch", args, dir.path(), 60s);
    };
    const auto refused = crawl({});
    REQUIRE_FALSE(refused.timed_out);
    CHECK(server.requests().empty());
    CHECK_THAT(refused.out + refused.err, Catch::Contains("private_address"));

    const auto allowed = crawl({"--allow-private-addresses", "--refresh"});
    REQUIRE_FALSE(allowed.timed_out);
    CHECK_FALSE(server.requests().empty());
}

namespace {

/// Crawls the outlet "redir" (http://redir.test/, mapped to `server` by the one
/// --connect-to mapping the operator gave) whose page /news/hop.html redirects to `target`;
/// the allow patterns take the target in, so only the address guard stands in the way.
/// The tree of http://redir.test/ (written before its server starts).
void write_redirect_site(const test::TempDir& dir) {
    dir.write("site/redir.test/index.html", "<html><body><a href=\"/news/hop.html\">hop</a></body></html>");
    dir.write("site/redir.test/robots.txt", "User-agent: *\nAllow: /\n");
    dir.write("site/redir.test/news/hop.html", article_page("Hop"));
}

test::ChildResult crawl_redirect_to(const test::TempDir& dir, test::TestServer& server, const std::string& target) {
    server.set_faults(nlohmann::json::array({{{"path", "^/news/hop\\.html$"}, {"mode", "redirect"}, {"location", target}}}));
    const std::string config = dir.write("outlets.json", R"({"outlets": [{"id": "redir", "home": "http://redir.test/",
  "allow": ["^http://redir\\.test/news/", "^http://127\\.0\\.0\\.1:", "^http://169\\.254\\."],
  "language": "en", "min_delay_ms": 0}]})");
    return test::run_child(test::binary_dir() / "query/rumorwatch",
                           {"crawl", "--config", config, "--db", dir.file("db"), "--connect-to",
                            server.connect_to("redir.test", "127.0.0.1")},
                           dir.path(), 60s);
}

} // namespace

// Regression (issue 17, finding 1): one --connect-to mapping lifted the private-address
// guard for every connection, so a redirect reached another loopback port and was stored.
TEST_CASE("hostile server: a --connect-to mapping does not open other loopback ports", "[crawler][hostile]") {
    test::TempDir dir;
    write_redirect_site(dir);
    test::TestServerOptions options;
    options.root = dir.file("site");
    test::TestServer server(options);
    test::TempDir other_dir;
    other_dir.write("site/news/b.html", article_page("Another loopback port"));
    test::TestServerOptions other_options;
    other_options.root = other_dir.file("site");
    other_options.vhost = false;
    test::TestServer other(other_options);

    const auto result = crawl_redirect_to(dir, server, other.base_url() + "/news/b.html");
    REQUIRE_FALSE(result.timed_out);
    CHECK(other.requests().empty());
    CHECK_THAT(result.out + result.err, Catch::Contains("private_address"));
    CHECK_FALSE(server.requests().empty());
}

// The metadata address is refused by the open-socket callback, before any packet is sent:
// the failure is private_address, which only that callback reports.
TEST_CASE("hostile server: a --connect-to mapping does not open link-local addresses", "[crawler][hostile]") {
    test::TempDir dir;
    write_redirect_site(dir);
    test::TestServerOptions options;
    options.root = dir.file("site");
    test::TestServer server(options);
    const auto result = crawl_redirect_to(dir, server, "http://169.254.169.254/latest/meta-data/");
    REQUIRE_FALSE(result.timed_out);
    CHECK_THAT(result.out + result.err, Catch::Contains("private_address"));
}
