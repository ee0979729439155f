/// \file
/// A crawl killed with SIGKILL at random moments, then run again, ends with the same
/// documents as an uninterrupted crawl, with no duplicates and nothing committed fetched
/// twice. Runs the real `rumorwatch` binary as a child process.
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <set>
#include <thread>

#include <signal.h>
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

constexpr int kHosts = 4;
constexpr int kArticles = 14;

/// "r" + number (appended: GCC 12 wrongly warns, -Wrestrict, on "literal" + std::string&&).
std::string outlet_id(int h) {
    std::string id = "r";
    id += std::to_string(h);
    return id;
}

std::string host_name(int h) { return outlet_id(h) + ".example"; }

std::string article(int h, int n) {
    const std::string id = std::to_string(h) + "-" + std::to_string(n);
    return "<!doctype html><html lang=\"en\"><head><title>Story " + id + "</title></head><body><article><h1>Story " +
           id + "</h1><p>Dispatch " + id + ": Apple has chosen Alibaba as its partner for artificial intelligence "
           "features on iPhones sold in mainland China, people familiar with the matter said, in a report "
           "numbered " + id + ".</p><p>The second paragraph of dispatch " + id + " says that neither company "
           "has confirmed the arrangement and that regulators have yet to approve it.</p></article></body></html>";
}

void write_world(const TempDir& site) {
    for (int h = 0; h < kHosts; ++h) {
        const std::string host = host_name(h);
        std::string items;
        for (int n = 0; n < kArticles; ++n) {
            site.write(host + "/news/" + std::to_string(n) + ".html", article(h, n));
            items += "<item><link>http://" + host + "/news/" + std::to_string(n) + ".html</link></item>";
        }
        site.write(host + "/feed.rss", "<rss version=\"2.0\"><channel>" + items + "</channel></rss>");
        site.write(host + "/index.html", "<html><body><a href=\"/news/0.html\">first</a></body></html>");
        site.write(host + "/robots.txt", "User-agent: *\nAllow: /\n");
    }
    nlohmann::json config = {{"user_agent", "rumorwatch-test/1.0 (+https://example.org/contact)"},
                             {"outlets", nlohmann::json::array()}};
    for (int h = 0; h < kHosts; ++h) {
        const std::string host = host_name(h);
        config["outlets"].push_back({{"id", outlet_id(h)},
                                     {"home", "http://" + host + "/"},
                                     {"feeds", {"http://" + host + "/feed.rss"}},
                                     {"allow", {"^http://" + host + "/news/"}},
                                     {"language", "en"},
                                     {"min_delay_ms", 10},
                                     {"max_connections", 2}});
    }
    site.write("outlets.json", config.dump(2));
}

/// The documents of a database: canonical URL -> content hash.
std::map<std::string, std::string> documents(const std::string& db) {
    IndexReader reader({db});
    SearchRequest all;
    all.limit = 10'000;
    all.collapse_duplicates = false;
    all.snippet_bytes = 0;
    std::map<std::string, std::string> out;
    for (const auto& hit : reader.search(all).hits) {
        const auto& r = hit.article.record;
        CHECK(out.emplace(r.article.canonical_url, r.content_hash).second); // no duplicates
    }
    CHECK(static_cast<long long>(out.size()) == reader.document_count());
    return out;
}

/// URLs whose visit is committed in the database (state with a last visit and a 200).
std::set<std::string> committed_pages(const std::string& db) {
    std::set<std::string> out;
    IndexWriter writer(db);
    for (const auto& s : writer.all_url_states())
        if (s.last_visit && s.http_status == 200) out.insert(s.url);
    return out;
}

} // namespace

TEST_CASE("resume: SIGKILL at random moments, then a full run, gives the uninterrupted result", "[crawler][e2e]") {
    TempDir site("rumorwatch-resume-site");
    write_world(site);
    TestServerOptions server_options;
    server_options.root = site.path();
    server_options.latency_ms = 40; // long enough for kills to land mid-crawl
    server_options.max_seconds = 250;
    TestServer server(server_options);

    TempDir dir("rumorwatch-resume-db");
    auto args = [&](const std::string& db) {
        return std::vector<std::string>{"crawl", "--config", site.file("outlets.json"), "--topic",
                                        (source_dir() / "seeds/topics/apple-alibaba.json").string(), "--db", db,
                                        "--connect-to", server.connect_to(), "--workers", "2", "--quiet"};
    };

    // The reference: one uninterrupted crawl.
    const auto reference_started = std::chrono::steady_clock::now();
    const auto binary = binary_dir() / "query/rumorwatch";
    REQUIRE(run_child(binary, args(dir.file("reference")), dir.path(), 120s).exit_code == 0);
    const auto reference_time = std::chrono::steady_clock::now() - reference_started;
    const auto reference = documents(dir.file("reference"));
    REQUIRE(reference.size() == static_cast<std::size_t>(kHosts * kArticles));

    // Kill at random moments within the time a whole crawl takes.
    std::mt19937 rng(std::random_device{}());
    const auto span_ms = std::max<long long>(200, std::chrono::duration_cast<std::chrono::milliseconds>(reference_time).count());
    std::uniform_int_distribution<long long> when(50, span_ms * 9 / 10);
    const std::string db = dir.file("killed");
    int kills_mid_crawl = 0;
    for (int round = 0; round < 4; ++round) {
        const std::set<std::string> committed = std::filesystem::exists(db) ? committed_pages(db) : std::set<std::string>{};
        server.clear_requests();
        ChildProcess child(binary, args(db), dir.path());
        std::this_thread::sleep_for(std::chrono::milliseconds(when(rng)));
        const bool was_running = child.running();
        child.kill(SIGKILL);
        if (was_running && child.wait(30s).signal == SIGKILL) ++kills_mid_crawl;
        // Nothing committed before this run was downloaded again (feeds are asked for every
        // crawl, conditionally, and answer 304).
        for (const auto& r : server.requests()) {
            const std::string url = "http://" + r.host + r.path;
            if (committed.count(url)) {
                INFO("round " << round << ": " << url << " fetched again");
                CHECK((r.conditional && r.status == 304));
            }
        }
    }
    CHECK(kills_mid_crawl >= 2);

    // Then a run to the end.
    const std::set<std::string> committed = committed_pages(db);
    server.clear_requests();
    REQUIRE(run_child(binary, args(db), dir.path(), 120s).exit_code == 0);
    for (const auto& r : server.requests()) {
        const std::string url = "http://" + r.host + r.path;
        if (committed.count(url)) CHECK((r.conditional && r.status == 304));
    }
    CHECK(documents(db) == reference);
}
