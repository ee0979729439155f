/// \file
/// The frontier: robots.txt first, discovery before pages, per-host and global caps, retries.
#include <catch2/catch.hpp>

#include "crawler/frontier.h"
#include "crawler/outlet_map.h"

using namespace rumorwatch;
using namespace std::chrono_literals;

namespace {

CrawlTask task(const std::string& url, TaskKind kind = TaskKind::page) {
    CrawlTask t;
    t.url = url;
    t.host = host_key(url);
    t.kind = kind;
    return t;
}

const auto kAllowAll = [](const CrawlTask&) { return true; };

} // namespace

TEST_CASE("frontier: a host's robots.txt goes first and its pages wait for it", "[crawler]") {
    Frontier f(8);
    const HostSettings fast{0ms, 2};
    f.push(task("http://a.example/1"), fast);
    f.push(task("http://a.example/feed.xml", TaskKind::discovery), fast);
    const SteadyTime t0{};
    auto first = f.pop_ready(t0, kAllowAll);
    REQUIRE(first);
    CHECK(first->kind == TaskKind::robots);
    CHECK(first->url == "http://a.example/robots.txt");
    CHECK_FALSE(f.pop_ready(t0, kAllowAll)); // pages wait for robots.txt
    f.finished(first->host);
    f.robots_ready(first->host, std::nullopt);
    auto second = f.pop_ready(t0, kAllowAll);
    REQUIRE(second);
    CHECK(second->url == "http://a.example/feed.xml"); // discovery before pages
    auto third = f.pop_ready(t0, kAllowAll);
    REQUIRE(third);
    CHECK(third->url == "http://a.example/1");
    CHECK(f.queued() == 0);
}

TEST_CASE("frontier: spacing per host, connections per host and over all hosts", "[crawler]") {
    Frontier f(3);
    const HostSettings polite{100ms, 2};
    for (const char* host : {"a", "b"}) {
        for (int i = 0; i < 5; ++i) f.push(task(std::string("http://") + host + ".example/" + std::to_string(i)), polite);
        f.robots_ready(std::string("http://") + host + ".example", std::nullopt);
    }
    const SteadyTime t0{};
    // One start per host at t0 (spacing), round robin.
    auto a = f.pop_ready(t0, kAllowAll), b = f.pop_ready(t0, kAllowAll);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->host != b->host);
    CHECK_FALSE(f.pop_ready(t0 + 99ms, kAllowAll));
    CHECK(f.next_ready(t0) == t0 + 100ms);
    // At 100 ms one more fits under the global cap of 3, not two.
    CHECK(f.pop_ready(t0 + 100ms, kAllowAll));
    CHECK_FALSE(f.pop_ready(t0 + 100ms, kAllowAll));
    CHECK(f.in_flight() == 3);
    f.finished(a->host);
    // Host a has one of two connections in use; host b has two when the third went to b.
    auto d = f.pop_ready(t0 + 300ms, kAllowAll);
    REQUIRE(d);
    CHECK(f.in_flight() == 3);
}

TEST_CASE("frontier: retries wait for their time; robots-disallowed tasks are set aside", "[crawler]") {
    Frontier f(4);
    const HostSettings fast{0ms, 4};
    f.push(task("http://a.example/private/x"), fast);
    f.push(task("http://a.example/ok"), fast);
    f.robots_ready("http://a.example", std::nullopt);
    const SteadyTime t0{};
    auto allowed = [](const CrawlTask& t) { return t.url.find("/private/") == std::string::npos; };
    auto got = f.pop_ready(t0, allowed);
    REQUIRE(got);
    CHECK(got->url == "http://a.example/ok");
    const auto denied = f.take_disallowed();
    REQUIRE(denied.size() == 1);
    CHECK(denied[0].url == "http://a.example/private/x");
    f.finished(got->host);
    got->attempt = 1;
    got->not_before = t0 + 2s;
    f.retry(*got);
    CHECK(f.queued() == 1);
    CHECK_FALSE(f.pop_ready(t0 + 1s, allowed));
    CHECK(f.next_ready(t0 + 1s) == t0 + 2s);
    auto again = f.pop_ready(t0 + 2s, allowed);
    REQUIRE(again);
    CHECK(again->attempt == 1);
}

TEST_CASE("frontier: a host whose robots.txt is unavailable loses its queue", "[crawler]") {
    Frontier f(4);
    const HostSettings fast{0ms, 2};
    f.push(task("http://a.example/1"), fast);
    f.push(task("http://a.example/2"), fast);
    auto robots = f.pop_ready(SteadyTime{}, kAllowAll);
    REQUIRE(robots);
    f.finished(robots->host);
    const auto dropped = f.drop_host(robots->host);
    CHECK(dropped.size() == 2);
    CHECK(f.queued() == 0);
}
