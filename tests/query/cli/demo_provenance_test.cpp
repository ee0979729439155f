/// \file
/// The demo world through the real pipeline (loopback server -> crawl -> index, both phases)
/// and the timeline's provenance checked against seeds/demo/provenance.json, which was written
/// from the pages before the provenance code: per transition, the status it moves to and the
/// article version (outlet, instant) that first broke it.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "crawler/crawler.h"
#include "parser/core/core.h"
#include "tests/support/cli_run.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

using namespace rumorwatch;

namespace {

nlohmann::json read_json(const std::filesystem::path& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

/// "2024-09-10T10:05+08:00" (provenance.json's form) -> the instant.
std::optional<Timestamp> instant(const std::string& text) {
    return parse_iso8601(text);
}

/// The demo world crawled twice (phase 1, then phase 2 with the edits), once per test program.
const std::string& demo_db() {
    static test::TempDir dir("rumorwatch-provenance");
    static const std::string db = [] {
        const auto source = test::source_dir();
        nlohmann::json config = read_json(source / "seeds/demo/outlets.json");
        for (auto& outlet : config["outlets"]) outlet["min_delay_ms"] = 0;
        const std::string config_file = dir.write("outlets.json", config.dump());
        test::TestServerOptions server_options;
        server_options.root = source / "seeds/demo/site";
        server_options.overlay = source / "seeds/demo/phase2";
        server_options.max_seconds = 280;
        test::TestServer server(server_options);
        CrawlOptions options;
        options.config = load_config(config_file);
        options.topics.push_back(load_topic((source / "seeds/topics/apple-alibaba.json").string()));
        options.db_path = dir.file("db");
        options.connect_to = {server.connect_to()};
        options.workers = 2;
        std::ostringstream progress;
        crawl(options, progress);
        server.set_phase(2);
        options.revisit_all = true;
        crawl(options, progress);
        return options.db_path;
    }();
    return db;
}

/// URL (as fetched, and canonical) -> labels.json article id.
std::map<std::string, std::string> label_ids() {
    std::map<std::string, std::string> ids;
    const auto labels = read_json(test::source_dir() / "seeds/demo/labels.json"); // alive for the loop
    for (const auto& a : labels.at("articles")) {
        ids[a.at("url").get<std::string>()] = a.at("id");
        if (a.contains("canonical_url")) ids.emplace(a["canonical_url"].get<std::string>(), a.at("id"));
    }
    return ids;
}

} // namespace

TEST_CASE("demo provenance: every transition is credited to the outlet and time that first broke it",
          "[query][crawl][provenance]") {
    const auto provenance = read_json(test::source_dir() / "seeds/demo/provenance.json");
    const auto& truth = provenance.at("transitions");
    const auto ids = label_ids();
    const auto run = test::run_cli_captured({"timeline", "--db", demo_db(), "--topic",
                                             (test::source_dir() / "seeds/topics/apple-alibaba.json").string(),
                                             "--format", "json"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    const auto got = nlohmann::json::parse(run.out).at("transitions");

    std::ostringstream seen;
    for (const auto& t : got) {
        const std::string url = t["first"]["url"];
        seen << t["from"].get<std::string>() << " -> " << t["to"].get<std::string>() << " at "
             << t["date"].get<std::string>() << " by " << (ids.count(url) ? ids.at(url) : url) << "\n";
    }
    INFO("timeline transitions:\n" << seen.str());
    CHECK(got.size() == truth.size());
    for (std::size_t i = 0; i < std::min(got.size(), truth.size()); ++i) {
        const auto& want = truth[i];
        const auto& have = got[i];
        INFO("transition " << want["n"] << ": " << (want["from"].is_null() ? "none" : want["from"].get<std::string>())
                           << " -> " << want["to"].get<std::string>() << ", first "
                           << want["first_article"].get<std::string>() << " at " << want["first_at"].get<std::string>());
        CHECK(have["to"] == want["to"]);
        CHECK(have["from"] == (want["from"].is_null() ? "none" : want["from"].get<std::string>()));
        const std::string url = have["first"]["url"];
        CHECK((ids.count(url) ? ids.at(url) : url) == want["first_article"].get<std::string>());
        CHECK(have["first"]["outlet"] == want["first_outlet"]);
        const auto when = instant(have["date"].get<std::string>());
        const auto first_at = instant(have["first"]["date"].get<std::string>());
        REQUIRE(when);
        REQUIRE(first_at);
        CHECK(format_iso8601(*when) == format_iso8601(*instant(want["at"].get<std::string>())));
        CHECK(format_iso8601(*first_at) == format_iso8601(*instant(want["first_at"].get<std::string>())));
    }
}

TEST_CASE("demo provenance: wire copies are documents of their own, marked as echoes, never sources",
          "[query][crawl][provenance]") {
    const std::string origin = "http://www.pacific-wire.example/2025/02/11/apple-picks-alibaba-ai-china/";
    const std::string by_canonical =
        "http://www.dailyledger.example/tech/apple-chooses-alibaba-ai-partner-china-pacific-wire-7c02d1";
    std::string by_dateline;
    const auto labels = read_json(test::source_dir() / "seeds/demo/labels.json");
    for (const auto& a : labels.at("articles"))
        if (a.at("id") == "ht-2025-02-12-apple-taps-alibaba-pw-copy") by_dateline = a.at("url");
    REQUIRE_FALSE(by_dateline.empty());

    // The copy whose rel=canonical names the wire is a document of its own.
    const auto copy = test::run_cli_captured({"show", by_canonical, "--db", demo_db(), "--format", "json"});
    INFO(copy.err);
    REQUIRE(copy.code == 0);
    const auto c = nlohmann::json::parse(copy.out);
    CHECK(c["outlet"] == "daily-ledger");
    CHECK(c["echo_of"] == origin);
    CHECK(c["echo_signal"] == "canonical to other outlet");

    const auto dateline = test::run_cli_captured({"show", by_dateline, "--db", demo_db(), "--format", "json"});
    REQUIRE(dateline.code == 0);
    CHECK(nlohmann::json::parse(dateline.out)["echo_signal"] == "dateline credit: Pacific Wire");

    // The origin lists where it was republished.
    const auto wire = test::run_cli_captured({"show", origin, "--db", demo_db(), "--format", "json"});
    REQUIRE(wire.code == 0);
    const std::string republished = nlohmann::json::parse(wire.out)["republished_by"].dump();
    CHECK_THAT(republished, Catch::Contains(by_canonical));

    // In the timeline, both copies are reach (echoes), not independent sources.
    const auto run = test::run_cli_captured({"timeline", "--db", demo_db(), "--topic",
                                             (test::source_dir() / "seeds/topics/apple-alibaba.json").string(),
                                             "--format", "json"});
    REQUIRE(run.code == 0);
    const auto tl = nlohmann::json::parse(run.out);
    int as_echo = 0, as_source = 0;
    for (const auto& t : tl["transitions"]) {
        for (const auto& e : t["echoes"])
            if (e["entry"]["url"] == by_canonical || e["entry"]["url"] == by_dateline) ++as_echo;
        for (const auto& s : t["corroborations"])
            if (s["url"] == by_canonical || s["url"] == by_dateline) ++as_source;
        CHECK(t["first"]["url"] != by_canonical);
        CHECK(t["first"]["url"] != by_dateline);
        CHECK(t["reach"] == t["echoes"].size());
        CHECK(t["independent_sources"] == t["corroborations"].size() + 1);
    }
    CHECK(as_echo == 2);
    CHECK(as_source == 0);
}
