/// \file
/// Crash safety and concurrent use of the real binary on the demo world:
/// - SIGKILL at random points (at least 20 kills) across a crawl, resuming each time: the
///   final database holds the same documents, versions and crawl state as one
///   uninterrupted crawl, and xapian-check finds nothing wrong after every kill;
/// - a second crawl on a database in use exits at once with a message saying so;
/// - search, timeline and stats run in a loop during a crawl never fail, and the number
///   of documents they see never goes down (no half-written batch).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "index/index.h"
#include "tests/support/child_process.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

using namespace rumorwatch;
using namespace std::chrono_literals;

namespace {

std::filesystem::path rumorwatch_binary() { return test::binary_dir() / "query/rumorwatch"; }

/// Named explicitly: the binary's default topic path depends on where it was built.
std::string topic_file() { return (test::source_dir() / "seeds/topics/apple-alibaba.json").string(); }

test::TestServerOptions demo_server_options() {
    test::TestServerOptions options;
    options.root = test::source_dir() / "seeds/demo/site";
    options.max_seconds = 900;
    return options;
}

/// The demo outlets without their politeness delays: the same pages, a shorter crawl, so
/// twenty kills and resumes fit in the test's time limit.
std::string fast_demo_config() {
    static const std::string path = [] {
        std::ifstream in(test::source_dir() / "seeds/demo/outlets.json");
        auto config = nlohmann::json::parse(in);
        for (auto& outlet : config["outlets"]) outlet["min_delay_ms"] = 0;
        const auto file = std::filesystem::temp_directory_path() /
                          ("rumorwatch-fast-demo-" + std::to_string(::getpid()) + ".json");
        std::ofstream(file) << config.dump(2);
        return file.string();
    }();
    return path;
}

std::vector<std::string> crawl_args(const std::string& db, const test::TestServer& server) {
    return {"crawl", "--config", fast_demo_config(), "--topic", topic_file(), "--db", db, "--connect-to",
            server.connect_to(), "-q"};
}

/// What must survive a crash: per URL, its crawl state and the article stored under it.
std::map<std::string, std::string> database_fingerprint(const std::string& db) {
    std::map<std::string, std::string> out;
    std::vector<UrlState> states;
    {
        IndexWriter writer(db);
        states = writer.all_url_states();
    }
    IndexReader reader({db});
    for (const auto& s : states) {
        std::string line = "status=" + std::to_string(s.http_status) + " hash=" + s.content_hash +
                           " etag=" + s.etag + " failures=" + std::to_string(s.failures);
        if (const auto a = reader.find(s.url)) {
            line += " doc=" + a->record.article.canonical_url + " text=" + a->record.content_hash + " status=" +
                    std::string(to_string(a->record.analysis.status)) +
                    " versions=" + std::to_string(a->versions.size());
        }
        out[s.url] = line;
    }
    out["#documents"] = std::to_string(reader.document_count());
    return out;
}

/// The URLs whose fingerprint lines differ, each with both lines: Catch cannot print maps.
std::string fingerprint_diff(const std::map<std::string, std::string>& a, const std::map<std::string, std::string>& b) {
    std::ostringstream out;
    std::set<std::string> keys;
    for (const auto& [k, v] : a) keys.insert(k);
    for (const auto& [k, v] : b) keys.insert(k);
    for (const auto& k : keys) {
        const auto ia = a.find(k), ib = b.find(k);
        const std::string va = ia == a.end() ? "(absent)" : ia->second;
        const std::string vb = ib == b.end() ? "(absent)" : ib->second;
        if (va != vb) out << k << "\n  " << va << "\n  " << vb << "\n";
    }
    return out.str();
}

bool xapian_check_clean(const std::string& db, std::string& report) {
    const auto r = test::run_command("xapian-check " + test::shell_quote(db) + " 2>&1");
    report = r.out;
    return r.exit_code == 0 && r.out.find("No errors found") != std::string::npos;
}

} // namespace

TEST_CASE("crash safety: SIGKILL at random points, then resume, equals an uninterrupted crawl",
          "[crawler][crash][slow]") {
    test::TempDir dir;
    test::TestServer server(demo_server_options());

    const auto started = std::chrono::steady_clock::now();
    const auto reference = test::run_child(rumorwatch_binary(), crawl_args(dir.file("ref"), server), dir.path(), 600s);
    INFO("reference crawl stderr:\n" << reference.err);
    REQUIRE(reference.exit_code == 0);
    const auto full = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);

    const std::string db = dir.file("killed");
    std::mt19937 rng(20261124); // fixed seed: a failure can be replayed
    // Each resumed crawl goes on from where the last one died, so short random lives
    // spread the kill points over the whole crawl (and keep the test within its limit).
    std::uniform_int_distribution<long> delay_ms(0, std::clamp<long>(full.count() / 8, 300, 4000));
    int kills = 0, attempts = 0;
    while (kills < 20 && attempts < 80) {
        ++attempts;
        test::ChildProcess crawl(rumorwatch_binary(), crawl_args(db, server), dir.path());
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(rng)));
        if (crawl.running()) {
            crawl.kill(SIGKILL);
            ++kills;
        }
        const auto r = crawl.wait(600s);
        INFO("attempt " << attempts << " stderr:\n" << r.err);
        CHECK((r.signal == SIGKILL || r.exit_code == 0));
        if (std::filesystem::exists(db + "/iamglass")) {
            std::string report;
            INFO("xapian-check after attempt " << attempts << ":\n" << report);
            CHECK(xapian_check_clean(db, report));
        }
    }
    // Resume to the end.
    const auto last = test::run_child(rumorwatch_binary(), crawl_args(db, server), dir.path(), 600s);
    INFO("final crawl stderr:\n" << last.err);
    REQUIRE(last.exit_code == 0);
    std::string report;
    CHECK(xapian_check_clean(db, report));
    std::cout << "crash safety: " << kills << " SIGKILLs survived in " << attempts
              << " attempts over a demo crawl of " << full.count() << " ms\n";
    CHECK(kills >= 20);
    const auto resumed = database_fingerprint(db);
    const auto uninterrupted = database_fingerprint(dir.file("ref"));
    INFO("differences (resumed vs uninterrupted):\n" << fingerprint_diff(resumed, uninterrupted));
    CHECK(resumed == uninterrupted);
}

TEST_CASE("concurrency: a second crawl on a busy database exits with a clear message", "[crawler][concurrency]") {
    test::TempDir dir;
    test::TestServer server(demo_server_options());
    server.set_latency_ms(100); // a slow server keeps the first crawl running
    const std::string db = dir.file("db");
    test::ChildProcess first(rumorwatch_binary(), crawl_args(db, server), dir.path());
    for (int i = 0; i < 200 && !std::filesystem::exists(db + "/crawl.lock"); ++i) std::this_thread::sleep_for(50ms);
    std::this_thread::sleep_for(300ms);
    REQUIRE(first.running());
    const auto second = test::run_child(rumorwatch_binary(), crawl_args(db, server), dir.path(), 60s);
    INFO("second crawl stderr:\n" << second.err);
    CHECK_FALSE(second.timed_out);
    CHECK(second.exit_code != 0);
    CHECK(second.seconds < 30);
    CHECK_THAT(second.err, Catch::Contains("another crawl"));
    CHECK_THAT(second.err, Catch::Contains(db));
    first.kill(SIGTERM); // finishes the batch in hand and commits
    const auto r = first.wait(120s);
    CHECK_FALSE(r.timed_out);
}

TEST_CASE("concurrency: search, timeline and stats in a loop during a crawl never fail",
          "[crawler][concurrency][slow]") {
    test::TempDir dir;
    test::TestServer server(demo_server_options());
    server.set_latency_ms(20);
    const std::string db = dir.file("db");
    test::ChildProcess crawl(rumorwatch_binary(), crawl_args(db, server), dir.path());
    // Readers start once the crawl has created the database.
    for (int i = 0; i < 400 && !std::filesystem::exists(db + "/iamglass"); ++i) std::this_thread::sleep_for(25ms);
    REQUIRE(std::filesystem::exists(db + "/iamglass"));

    int rounds = 0, failures = 0;
    long long last_documents = 0;
    const auto deadline = std::chrono::steady_clock::now() + 500s;
    while (crawl.running() && std::chrono::steady_clock::now() < deadline) {
        ++rounds;
        const auto stats = test::run_child(rumorwatch_binary(), {"stats", "--db", db, "--format", "json"}, dir.path(), 60s);
        const auto search = test::run_child(rumorwatch_binary(), {"search", "--db", db, "--format", "json", "alibaba"},
                                            dir.path(), 60s);
        const auto timeline = test::run_child(rumorwatch_binary(), {"timeline", "--db", db, "--topic", topic_file(), "--format", "json"},
                                              dir.path(), 60s);
        for (const auto* r : {&stats, &search, &timeline}) {
            if (r->exit_code != 0) {
                ++failures;
                UNSCOPED_INFO("round " << rounds << " failed: " << r->err);
            }
        }
        if (stats.exit_code == 0) {
            const auto documents = nlohmann::json::parse(stats.out).value("documents", 0LL);
            CHECK(documents >= last_documents); // committed batches only ever add
            last_documents = documents;
        }
    }
    const auto r = crawl.wait(600s);
    std::cout << "concurrency: " << rounds << " rounds of stats+search+timeline during the crawl, " << failures
              << " failures\n";
    CHECK(r.exit_code == 0);
    CHECK(rounds >= 3);
    CHECK(failures == 0);
}
