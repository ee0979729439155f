/// \file
/// Running the crawler as users do, through the real binary: the lock against a second
/// crawl, SIGTERM/SIGINT finishing cleanly, --every, --shard, --log, --quiet.
#include <catch2/catch.hpp>

#include <csignal>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "index/index.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

using namespace rumorwatch;
using namespace rumorwatch::test;
using namespace std::chrono_literals;

namespace {

constexpr int kOutlets = 4;
constexpr int kArticles = 5;

std::string outlet_id(int i) {
    std::string id = "ops";
    id += std::to_string(i);
    return id;
}

std::string page(const std::string& id) {
    return "<!doctype html><html lang=\"en\"><head><title>Story " + id + "</title></head><body><article><h1>Story " +
           id + "</h1><p>Report " + id + ": Apple has chosen Alibaba as its partner for artificial intelligence on "
           "iPhones sold in China, people familiar with the matter said.</p><p>Report " + id + " adds that neither "
           "company has confirmed the arrangement so far.</p></article></body></html>";
}

/// A world of kOutlets hosts with kArticles articles each, and its outlets file.
struct World {
    TempDir site{"rumorwatch-ops-site"};
    World() {
        nlohmann::json config = {{"user_agent", "rumorwatch-test/1.0 (+https://example.org/contact)"},
                                 {"outlets", nlohmann::json::array()}};
        for (int i = 0; i < kOutlets; ++i) {
            const std::string host = outlet_id(i) + ".example";
            std::string items;
            for (int n = 0; n < kArticles; ++n) {
                const std::string path = "news/" + std::to_string(n) + ".html";
                site.write(host + "/" + path, page(outlet_id(i) + "-" + std::to_string(n)));
                items += "<item><link>http://" + host + "/" + path + "</link></item>";
            }
            site.write(host + "/feed.rss", "<rss version=\"2.0\"><channel>" + items + "</channel></rss>");
            site.write(host + "/robots.txt", "User-agent: *\nAllow: /\n");
            config["outlets"].push_back({{"id", outlet_id(i)},
                                         {"home", "http://" + host + "/feed.rss"},
                                         {"feeds", {"http://" + host + "/feed.rss"}},
                                         {"allow", {"^http://" + host + "/news/"}},
                                         {"language", "en"},
                                         {"min_delay_ms", 0},
                                         {"max_connections", 1}});
        }
        site.write("outlets.json", config.dump(2));
    }
};

std::vector<std::string> crawl_args(const World& world, const TestServer& server, const std::string& db) {
    return {"crawl", "--config", world.site.file("outlets.json"), "--topic",
            (source_dir() / "seeds/topics/apple-alibaba.json").string(), "--db", db, "--connect-to",
            server.connect_to(), "--workers", "1"};
}

TestServerOptions slow_server(const World& world, int latency_ms) {
    TestServerOptions o;
    o.root = world.site.path();
    o.latency_ms = latency_ms;
    o.max_seconds = 200;
    return o;
}

/// Waits (bounded) until `path` exists.
bool wait_for_file(const std::string& path, std::chrono::milliseconds timeout = 10s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!std::filesystem::exists(path)) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(10ms);
    }
    return true;
}

long long document_count(const std::string& db) { return IndexReader({db}).document_count(); }

std::filesystem::path binary() { return binary_dir() / "query/rumorwatch"; }

ChildResult run(const std::vector<std::string>& args, const TempDir& dir) {
    return run_child(binary(), args, dir.path(), 120s);
}

} // namespace

TEST_CASE("operations: a second crawl of the same database exits with a clear message", "[crawler][e2e]") {
    World world;
    TestServer server(slow_server(world, 300));
    TempDir dir("rumorwatch-ops");
    const std::string db = dir.file("db");
    ChildProcess first(binary(), crawl_args(world, server, db), dir.path());
    REQUIRE(wait_for_file(db + "/crawl.lock"));
    std::this_thread::sleep_for(200ms);
    const ChildResult second = run(crawl_args(world, server, db), dir);
    CHECK(second.exit_code == 1);
    CHECK(second.err.find("another crawl (pid " + std::to_string(first.pid()) + ") is using " + db) !=
          std::string::npos);
    CHECK(first.running());
    CHECK(first.wait(120s).exit_code == 0);
    CHECK(document_count(db) == kOutlets * kArticles);
}

TEST_CASE("operations: SIGTERM and SIGINT finish the batch in hand, commit and exit 0", "[crawler][e2e]") {
    World world;
    TestServer server(slow_server(world, 400));
    for (int signal_number : {SIGTERM, SIGINT}) {
        INFO("signal " << signal_number);
        TempDir dir("rumorwatch-ops-signal");
        const std::string db = dir.file("db");
        ChildProcess crawl(binary(), crawl_args(world, server, db), dir.path());
        // Let it get past robots.txt and the feeds into the articles.
        std::this_thread::sleep_for(1800ms);
        REQUIRE(crawl.running());
        crawl.kill(signal_number);
        const auto signalled = std::chrono::steady_clock::now();
        const ChildResult result = crawl.wait(30s);
        CHECK(result.exit_code == 0);
        CHECK(std::chrono::steady_clock::now() - signalled < 10s);
        CHECK(result.out.find("interrupted") != std::string::npos);
        // What was done is committed; the next run completes the rest.
        const long long committed = document_count(db);
        CHECK(committed < kOutlets * kArticles);
        CHECK(run(crawl_args(world, server, db), dir).exit_code == 0);
        CHECK(document_count(db) == kOutlets * kArticles);
    }
}

TEST_CASE("operations: --every crawls again after the interval until stopped", "[crawler][e2e]") {
    World world;
    TestServer server(slow_server(world, 0));
    TempDir dir("rumorwatch-ops-every");
    auto args = crawl_args(world, server, dir.file("db"));
    args.insert(args.end(), {"--every", "1s"});
    ChildProcess crawl(binary(), args, dir.path());
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    auto feed_requests = [&] {
        int n = 0;
        for (const auto& r : server.requests())
            if (r.path == "/feed.rss" && r.host == "ops0.example") ++n;
        return n;
    };
    while (feed_requests() < 3 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(50ms);
    CHECK(feed_requests() >= 3); // three cycles
    REQUIRE(crawl.running());
    crawl.kill(SIGTERM);
    CHECK(crawl.wait(20s).exit_code == 0);
    // Later cycles asked conditionally and got 304s.
    int conditional = 0;
    for (const auto& r : server.requests())
        if (r.path == "/feed.rss" && r.conditional && r.status == 304) ++conditional;
    CHECK(conditional >= kOutlets);
    CHECK(document_count(dir.file("db")) == kOutlets * kArticles);
}

TEST_CASE("operations: --shard K/N splits the outlets; --log writes JSON lines; --quiet prints nothing",
          "[crawler][e2e]") {
    World world;
    TestServer server(slow_server(world, 0));
    TempDir dir("rumorwatch-ops-shard");
    std::set<std::string> seen_outlets;
    long long total = 0;
    for (const char* shard : {"1/2", "2/2"}) {
        INFO(shard);
        const std::string db = dir.file(std::string("db-") + shard[0]);
        auto args = crawl_args(world, server, db);
        args.insert(args.end(), {"--shard", shard, "--log", dir.file(std::string("log-") + shard[0]), "--quiet"});
        const ChildResult result = run(args, dir);
        CHECK(result.exit_code == 0);
        CHECK(result.out.empty());
        CHECK(result.err.empty());
        std::ifstream log(dir.file(std::string("log-") + shard[0]));
        std::set<std::string> outlets;
        int lines = 0;
        for (std::string line; std::getline(log, line);) {
            const auto j = nlohmann::json::parse(line);
            ++lines;
            CHECK(j.contains("time"));
            CHECK(j.contains("url"));
            if (j.contains("outlet")) outlets.insert(j["outlet"].get<std::string>());
        }
        CHECK(lines > 0);
        for (const auto& o : outlets) CHECK(seen_outlets.insert(o).second); // no outlet in both shards
        total += std::filesystem::exists(db) ? document_count(db) : 0;
    }
    CHECK(seen_outlets.size() == kOutlets);
    CHECK(total == kOutlets * kArticles);

    // A bad shard is bad usage.
    auto bad = crawl_args(world, server, dir.file("db-bad"));
    bad.insert(bad.end(), {"--shard", "3/2"});
    const ChildResult refused = run(bad, dir);
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("--shard") != std::string::npos);
}

// Regression (issue 17, finding 12): a crawl in which no outlet answered exited 0 and,
// under --quiet, printed nothing, so cron never told anyone. Port 1 on loopback refuses
// every connection: nothing listens there.
TEST_CASE("operations: a crawl that reaches no outlet exits 1 and --quiet still names the failures",
          "[crawler][e2e]") {
    const World world;
    TempDir dir;
    const auto result = run({"crawl", "--config", world.site.file("outlets.json"), "--topic",
                             (source_dir() / "seeds/topics/apple-alibaba.json").string(), "--db", dir.file("db"),
                             "--connect-to", "::127.0.0.1:1", "--quiet"},
                            dir);
    REQUIRE_FALSE(result.timed_out);
    CHECK(result.exit_code == 1);
    CHECK(result.out.empty());
    CHECK_THAT(result.err, Catch::Contains("no outlet could be fetched"));
    for (int i = 0; i < kOutlets; ++i) CHECK_THAT(result.err, Catch::Contains("outlet \"" + outlet_id(i) + "\""));
}

// Regression (issue 17, finding 4): Retry-After: 120 on every article kept a --once crawl
// (and its lock) alive for minutes. The child's 100 s limit bounds the old behaviour.
TEST_CASE("operations: a --once crawl defers a host that asks to wait minutes, and says so", "[crawler][e2e]") {
    const World world;
    TestServer server(slow_server(world, 0));
    server.set_faults(nlohmann::json::array({{{"path", "^/news/"}, {"mode", "status503"}, {"retry_after", 120}}}));
    TempDir dir;
    std::vector<std::string> args = crawl_args(world, server, dir.file("db"));
    args.push_back("--once");
    const auto result = run_child(binary(), args, dir.path(), 100s);
    REQUIRE_FALSE(result.timed_out);
    CHECK_THAT(result.out, Catch::Contains("deferred to the next run (http 503"));
    // One 503 per host, then its other articles wait for the next run without a request.
    int news = 0;
    for (const auto& r : server.requests()) news += r.path.starts_with("/news/") ? 1 : 0;
    CHECK(news == kOutlets);
}
