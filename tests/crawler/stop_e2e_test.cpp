/// \file
/// SIGTERM stops a crawl within seconds whatever a worker is doing (issue 17, finding 5):
/// the real `rumorwatch crawl` against the loopback server, busy on a page whose reading
/// takes over a minute, commits what was done and exits.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <thread>

#include <csignal>

#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

using namespace rumorwatch;
using namespace std::chrono_literals;

namespace {

std::string article_page(const std::string& title, int paragraphs) {
    std::string body = "<html><head><title>" + title + "</title><meta property=\"article:published_time\" "
                       "content=\"2026-03-07T10:00:00Z\"></head><body><article><h1>" + title + "</h1>";
    for (int i = 0; i < paragraphs; ++i)
        body += "<p>Apple is working with Alibaba to bring AI features to iPhones sold in China, people "
                "familiar with the matter said in report number " + std::to_string(i) + ".</p>";
    return body + "</article></body></html>";
}

bool served(const test::TestServer& server, const std::string& path) {
    for (const auto& r : server.requests())
        if (r.path == path && r.status == 200) return true;
    return false;
}

} // namespace

TEST_CASE("stop: SIGTERM ends a crawl busy on a huge page within seconds, with the work done committed",
          "[crawler][hostile][stop]") {
    test::TempDir dir;
    // 6 MB of sentences that all speak of the rumor: over a minute of extraction and
    // analysis on one worker (77 s measured with `rumorwatch extract --topic` on main).
    dir.write("site/busy.example/news/huge.html", article_page("A page that takes long to read", 55'000));
    dir.write("site/busy.example/news/good.html", article_page("A good page read before the stop", 6));
    dir.write("site/busy.example/index.html",
              "<html><body><a href=\"/news/good.html\">good</a> <a href=\"/news/huge.html\">huge</a></body></html>");
    dir.write("site/busy.example/robots.txt", "User-agent: *\nAllow: /\n");
    const std::string config = dir.write("outlets.json", R"({"outlets": [
  {"id": "busy", "home": "http://busy.example/", "allow": ["^http://busy\\.example/news/"],
   "language": "en", "min_delay_ms": 0, "max_connections": 2}]})");
    test::TestServerOptions options;
    options.root = dir.file("site");
    test::TestServer server(options);

    test::ChildProcess crawl(test::binary_dir() / "query/rumorwatch",
                             {"crawl", "--config", config, "--topic",
                              (test::source_dir() / "seeds/topics/apple-alibaba.json").string(), "--db",
                              dir.file("db"), "--connect-to", server.connect_to(), "--workers", "2", "--quiet"},
                             dir.path());
    // Bounded by the CTest timeout, and by the crawl ending on its own.
    while (!(served(server, "/news/huge.html") && served(server, "/news/good.html")) && crawl.running())
        std::this_thread::sleep_for(100ms);
    REQUIRE(crawl.running());
    std::this_thread::sleep_for(5s); // the small page is read and committed; the huge one is in hand
    REQUIRE(crawl.running());
    const auto signalled = std::chrono::steady_clock::now();
    crawl.kill(SIGTERM);
    const auto result = crawl.wait(300s);
    const double stop_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - signalled).count();
    INFO("stderr:\n" << result.err << "\nstopped " << stop_seconds << " s after SIGTERM");
    REQUIRE_FALSE(result.timed_out);
    CHECK(result.signal == 0);
    CHECK(result.exit_code == 0);
    // "Within a few seconds": the bound is generous for a loaded machine, and far below the
    // minute the page takes.
    CHECK(stop_seconds < 20);

    // The database is readable and holds what was done before the stop.
    const auto search = test::run_child(test::binary_dir() / "query/rumorwatch",
                                        {"search", "--db", dir.file("db"), "--format", "json", "alibaba"}, dir.path(),
                                        120s);
    INFO(search.err);
    CHECK(search.exit_code == 0);
    CHECK_THAT(search.out, Catch::Contains("http://busy.example/news/good.html"));
    CHECK_THAT(search.out, !Catch::Contains("http://busy.example/news/huge.html"));
}
