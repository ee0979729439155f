/// \file
/// WARC capture end to end: a crawl writes WARC/1.1 files that an independent reader
/// (Python's gzip and hashlib) accepts, every indexed version points at its record, and
/// `reindex` from the captures gives the same documents as the crawl. Also: a GBK page and a
/// page whose charset is only in the HTTP header come out as correct UTF-8.
#include <catch2/catch.hpp>

#include <cstdio>
#include <map>
#include <memory>
#include <sstream>

#include <iconv.h>

#include <nlohmann/json.hpp>

#include "crawler/crawler.h"
#include "index/index.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

using namespace rumorwatch;
using namespace rumorwatch::test;

namespace {

const std::string kChineseStory =
    "据两位知情人士透露，苹果公司已选择阿里巴巴作为在中国销售的iPhone提供人工智能功能的合作伙伴。"
    "双方均未就此置评。消息人士称，苹果此前还评估了百度、字节跳动和腾讯的模型，最终选定阿里巴巴。"
    "分析人士表示，这项合作有望帮助苹果在竞争激烈的中国市场重振销量。";

/// UTF-8 -> another charset through glibc's iconv.
std::string encode(const std::string& utf8, const char* charset) {
    std::unique_ptr<void, int (*)(iconv_t)> cd(iconv_open(charset, "UTF-8"), iconv_close);
    REQUIRE(cd.get() != reinterpret_cast<iconv_t>(-1));
    std::string out(utf8.size() * 2 + 16, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size(), out_left = out.size();
    char* o = out.data();
    REQUIRE(iconv(cd.get(), &in, &in_left, &o, &out_left) != static_cast<std::size_t>(-1));
    out.resize(out.size() - out_left);
    return out;
}

std::string zh_page(const std::string& title, const std::string& meta) {
    return "<!doctype html><html lang=\"zh-CN\"><head>" + meta + "<title>" + title + "</title></head><body><article><h1>" +
           title + "</h1><p>" + kChineseStory + "</p><p>" + title + "。" + kChineseStory + "</p></article></body></html>";
}

std::string en_page(int n) {
    const std::string id = std::to_string(n);
    return "<!doctype html><html lang=\"en\"><head><title>English story " + id + "</title></head><body><article>"
           "<h1>English story " + id + "</h1><p>Story " + id + ": Apple has chosen Alibaba as its partner for "
           "artificial intelligence on iPhones sold in China, people familiar with the matter said.</p><p>A second "
           "paragraph for story " + id + " adds that neither company has confirmed it.</p></article></body></html>";
}

std::string run_python(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    REQUIRE(pipe);
    std::string out;
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe.get())) out.append(buffer, n);
    return out;
}

std::map<std::string, std::string> documents(const std::string& db) {
    IndexReader reader({db});
    SearchRequest all;
    all.limit = 10'000;
    all.collapse_duplicates = false;
    all.snippet_bytes = 0;
    std::map<std::string, std::string> out;
    for (const auto& hit : reader.search(all).hits)
        out[hit.article.record.article.canonical_url] = hit.article.record.content_hash;
    return out;
}

} // namespace

TEST_CASE("warc: captures read back by Python's gzip, versions point at records, reindex matches the crawl; "
          "GBK and header-only charsets decode",
          "[crawler][e2e]") {
    TempDir site("rumorwatch-warc-site");
    std::string items;
    for (int n = 0; n < 4; ++n) {
        site.write("a.example/news/" + std::to_string(n) + ".html", en_page(n));
        items += "<item><link>http://a.example/news/" + std::to_string(n) + ".html</link></item>";
    }
    const std::string gbk_title = "苹果选择阿里巴巴";
    const std::string header_title = "阿里巴巴确认合作";
    site.write("a.example/news/gbk.html", encode(zh_page(gbk_title, "<meta charset=\"gbk\">"), "GBK"));
    site.write("a.example/news/header.html", encode(zh_page(header_title, ""), "GB18030"));
    site.write("_headers.json", R"({"a.example/news/header.html": {"Content-Type": "text/html; charset=gb18030"}})");
    items += "<item><link>http://a.example/news/gbk.html</link></item>"
             "<item><link>http://a.example/news/header.html</link></item>";
    site.write("a.example/feed.rss", "<rss version=\"2.0\"><channel>" + items + "</channel></rss>");
    site.write("a.example/robots.txt", "User-agent: *\nAllow: /\n");

    TestServerOptions server_options;
    server_options.root = site.path();
    server_options.max_seconds = 120;
    TestServer server(server_options);

    TempDir dir("rumorwatch-warc-db");
    CrawlOptions options;
    options.config.user_agent = "rumorwatch-test/1.0 (+https://example.org/contact)";
    Outlet a;
    a.id = "a";
    a.home = "http://a.example/feed.rss";
    a.feeds = {a.home};
    a.allow = {"^http://a\\.example/news/"};
    a.language = "en";
    a.min_delay_ms = 0;
    options.config.outlets = {a};
    options.topics.push_back(load_topic((source_dir() / "seeds/topics/apple-alibaba.json").string()));
    options.db_path = dir.file("db");
    options.warc_dir = dir.file("warc");
    options.connect_to = {server.connect_to()};
    options.workers = 2;
    std::ostringstream progress;
    const CrawlSummary summary = crawl(options, progress);
    REQUIRE(summary.outlets.at("a").added == 6);

    // Charsets: GBK declared in <meta>, GB18030 only in the HTTP header.
    {
        IndexReader reader({options.db_path});
        for (const auto& [path, title] : {std::pair{"gbk", gbk_title}, std::pair{"header", header_title}}) {
            INFO(path);
            const auto stored = reader.find(std::string("http://a.example/news/") + path + ".html");
            REQUIRE(stored);
            CHECK(stored->record.article.title == title);
            CHECK(stored->record.article.text.find(kChineseStory.substr(0, 60)) != std::string::npos);
            CHECK(stored->record.article.text.find("\xEF\xBF\xBD") == std::string::npos);
        }
    }

    // The independent reader.
    const auto files = warc_files_in(options.warc_dir);
    REQUIRE_FALSE(files.empty());
    for (const auto& f : files) CHECK_FALSE(f.ends_with(".open")); // closed and renamed
    std::string command = "python3 " + (source_dir() / "tests/crawler/warc_check.py").string();
    for (const auto& f : files) command += " '" + f + "'";
    const auto report = nlohmann::json::parse(run_python(command));
    CHECK(report.at("errors").empty());
    INFO(report.at("errors").dump(1));
    std::map<std::string, nlohmann::json> responses;
    for (const auto& r : report.at("responses")) responses[r.at("id").get<std::string>()] = r;
    CHECK(report.at("requests").get<std::size_t>() == responses.size());
    // Every article in the index names a response record holding its URL.
    IndexReader reader({options.db_path});
    for (const auto& [url, hash] : documents(options.db_path)) {
        INFO(url);
        const auto stored = reader.find(url);
        REQUIRE(stored);
        const auto& rec = stored->record;
        REQUIRE(responses.count(rec.warc_record_id));
        CHECK(responses[rec.warc_record_id].at("uri") == url);
        CHECK(responses[rec.warc_record_id].at("file") == rec.warc_file);
    }

    // reindex from the captures alone gives the same documents.
    server.set_faults(nlohmann::json::array({{{"mode", "status500"}}})); // no network help
    WarcImportOptions import;
    import.config = options.config;
    import.topics = options.topics;
    import.db_path = dir.file("rebuilt");
    import.files = files;
    import.quiet = true;
    import_warc(import, progress);
    CHECK(documents(import.db_path) == documents(options.db_path));
}
