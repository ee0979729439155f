/// \file
/// The whole path against the real test server: the demo world's feeds and sitemaps ->
/// libcurl -> charset decoding -> extraction -> analysis -> a real Xapian index, then a
/// conditional re-crawl (304s, no body twice) and the phase-2 edits as new versions.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "crawler/crawler.h"
#include "index/index.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

using namespace rumorwatch;
using namespace rumorwatch::test;

namespace {

struct Label {
    std::string id, outlet, url, canonical_url, title, text_file;
    bool edited = false;
    std::vector<std::string> traps;
};

std::vector<Label> demo_labels() {
    std::vector<Label> labels;
    for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "seeds/demo")) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with("labels") || entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path());
        const auto j = nlohmann::json::parse(in);
        for (const auto& a : j.at("articles")) {
            Label l;
            l.id = a.at("id");
            l.outlet = a.at("outlet");
            l.url = a.at("url");
            l.canonical_url = a.value("canonical_url", l.url);
            l.title = a.value("title", "");
            l.text_file = a.value("text_file", "");
            l.edited = a.contains("status_phase2") && !a["status_phase2"].is_null();
            if (a.contains("traps")) l.traps = a["traps"].get<std::vector<std::string>>();
            labels.push_back(std::move(l));
        }
    }
    return labels;
}

bool has_trap(const Label& l, const std::string& trap) {
    return std::find(l.traps.begin(), l.traps.end(), trap) != l.traps.end();
}

/// The first `n` characters (UTF-8 code points) of the first paragraph of a labeled text.
std::string text_start(const std::string& text_file, std::size_t n) {
    std::ifstream in(source_dir() / "seeds/demo" / text_file, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::size_t i = 0, count = 0;
    while (i < text.size() && count < n && text[i] != '\n') {
        const auto b = static_cast<unsigned char>(text[i]);
        i += b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : 4;
        ++count;
    }
    return text.substr(0, i);
}

CrawlOptions demo_options(const TempDir& dir, const TestServer& server) {
    CrawlOptions options;
    options.config = load_config((source_dir() / "seeds/demo/outlets.json").string());
    options.topics.push_back(load_topic((source_dir() / "seeds/topics/apple-alibaba.json").string()));
    options.db_path = dir.file("db");
    options.warc_dir = dir.file("warc");
    options.connect_to = {server.connect_to()};
    options.workers = 2;
    return options;
}

int total(const CrawlSummary& s, int OutletSummary::*field) {
    int n = 0;
    for (const auto& [id, o] : s.outlets) n += o.*field;
    return n;
}

} // namespace

TEST_CASE("crawl: the demo world end to end into a real Xapian index, re-crawled with 304s, edits "
          "kept as versions",
          "[crawler][e2e]") {
    const auto labels = demo_labels();
    REQUIRE(labels.size() >= 12);
    TempDir dir("rumorwatch-demo-crawl");
    TestServerOptions server_options;
    server_options.root = source_dir() / "seeds/demo/site";
    server_options.overlay = source_dir() / "seeds/demo/phase2";
    server_options.max_seconds = 280;
    TestServer server(server_options);

    std::ostringstream progress;
    const CrawlOptions options = demo_options(dir, server);
    const CrawlSummary first = crawl(options, progress);
    std::set<std::string> canonical_urls;
    for (const Label& l : labels) canonical_urls.insert(l.canonical_url);
    // A copy whose rel=canonical names the original is not a document of its own.
    CHECK(total(first, &OutletSummary::added) >= static_cast<int>(canonical_urls.size()));
    CHECK(first.outlets.size() == options.config.outlets.size());

    // Every labeled article is in the index under its canonical URL, with its outlet, and its
    // text decoded right (GBK, GB18030 named only in the HTTP header, UTF-8): no U+FFFD, and
    // the labeled text's opening words are there.
    {
        IndexReader reader({options.db_path});
        for (const Label& l : labels) {
            INFO(l.id << " " << l.canonical_url);
            const auto stored = reader.find(l.canonical_url);
            REQUIRE(stored);
            if (l.url == l.canonical_url) CHECK(stored->record.outlet_id == l.outlet);
            CHECK_FALSE(stored->record.article.title.empty());
            CHECK(stored->record.article.text.find("\xEF\xBF\xBD") == std::string::npos);
            CHECK(stored->record.article.title.find("\xEF\xBF\xBD") == std::string::npos);
            CHECK_FALSE(stored->record.warc_file.empty());
            CHECK_FALSE(stored->record.content_hash.empty());
            if (!l.text_file.empty() && (has_trap(l, "gbk") || has_trap(l, "header-charset")))
                CHECK(stored->record.article.text.find(text_start(l.text_file, 12)) != std::string::npos);
        }
    }

    // The same world again, every known URL asked for again: conditional requests, and no
    // page that came with a body the first time sends one again.
    std::set<std::string> had_body;
    for (const auto& r : server.requests())
        if (r.status == 200 && r.path != "/robots.txt") had_body.insert(r.host + r.path);
    REQUIRE(had_body.size() >= canonical_urls.size());
    server.clear_requests();
    CrawlOptions again = options;
    again.revisit_all = true;
    const CrawlSummary second = crawl(again, progress);
    CHECK(total(second, &OutletSummary::added) == 0);
    CHECK(total(second, &OutletSummary::not_modified) >= static_cast<int>(had_body.size()));
    std::size_t checked = 0;
    for (const auto& r : server.requests()) {
        if (!had_body.count(r.host + r.path)) continue;
        INFO(r.host << r.path);
        CHECK(r.conditional);
        CHECK(r.status == 304);
        CHECK(r.bytes == 0);
        ++checked;
    }
    CHECK(checked >= had_body.size());

    // Phase 2: some stories were edited. A re-crawl finds them and keeps the old versions.
    server.set_phase(2);
    const CrawlSummary third = crawl(again, progress);
    int edited = 0;
    IndexReader reader({options.db_path});
    for (const Label& l : labels) {
        if (!l.edited) continue;
        ++edited;
        INFO(l.id);
        const auto stored = reader.find(l.canonical_url);
        REQUIRE(stored);
        CHECK_FALSE(stored->versions.empty());
    }
    CHECK(edited > 0);
    CHECK(total(third, &OutletSummary::updated) >= edited);
}
