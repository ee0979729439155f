/// \file
/// Corrections by hand end to end: a small news site served on loopback is crawled into a
/// real index; an analyst corrects one article's status (`label`), and the timeline, show
/// and search follow; the correction survives a re-crawl that rewrites the article, is
/// exported (`labels`) and imported into a database rebuilt from the WARC files, and is
/// carried over by `reindex`.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "query/cli/cli.h"
#include "tests/support/cli_run.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

using namespace rumorwatch;
using namespace rumorwatch::test;
using nlohmann::json;

namespace {

CliRun run(const std::vector<std::string>& args) { return run_cli_captured(args); }

std::string escape_html(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

/// One article page with a JSON-LD date; `extra` is appended to the body (a later edit).
std::string page(const json& a, const std::string& extra = {}) {
    const std::string headline = escape_html(a.at("headline"));
    std::string paragraphs;
    std::istringstream body(a.at("body").get<std::string>() + "\n" + extra);
    for (std::string line; std::getline(body, line);)
        if (!line.empty()) paragraphs += "<p>" + escape_html(line) + "</p>\n";
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + headline +
           " | Test Wire</title><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": " +
           json(a.at("headline")).dump() + ", \"datePublished\": \"" + a.at("published").get<std::string>() +
           "\"}</script></head><body><article><h1>" + headline + "</h1>\n" + paragraphs +
           "</article></body></html>\n";
}

/// The site of one topic world under `dir`/`host`; returns the outlets file.
std::string write_site(const TempDir& dir, const std::string& host, const json& world) {
    const std::string base = "http://" + host + "/";
    std::string items, links;
    for (const auto& a : world.at("articles")) {
        const std::string url = base + "news/" + a.at("slug").get<std::string>() + ".html";
        dir.write(host + "/news/" + a.at("slug").get<std::string>() + ".html", page(a));
        items += "<item><title>" + escape_html(a.at("headline")) + "</title><link>" + url + "</link></item>\n";
        links += "<a href=\"" + url + "\">x</a>\n";
    }
    dir.write(host + "/rss.xml", "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Test "
                                 "Wire</title><link>" + base + "</link>\n" + items + "</channel></rss>\n");
    dir.write(host + "/index.html", "<!doctype html><html><body>" + links + "</body></html>\n");
    dir.write(host + "/robots.txt", "User-agent: *\nAllow: /\n");
    json outlets = {{"user_agent", "rumorwatch-test/1.0 (+https://example.org/contact)"},
                    {"outlets",
                     {{{"id", "test-wire"}, {"name", "Test Wire"}, {"home", base}, {"feeds", {base + "rss.xml"}},
                       {"allow", {"^http://" + host + "/news/"}}, {"language", "en"}, {"tier", "wire"},
                       {"min_delay_ms", 10}, {"max_connections", 2}}}}};
    return dir.write("outlets.json", outlets.dump(2));
}

json timeline(const std::string& db, const std::string& topic_file) {
    const auto r = run({"timeline", "--db", db, "--topic", topic_file, "--format", "json"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    return json::parse(r.out);
}

/// "to:slug" for every transition, in order.
std::vector<std::string> steps(const json& tl) {
    std::vector<std::string> out;
    for (const auto& t : tl.at("transitions")) {
        const std::string url = t.at("first").at("url");
        out.push_back(t.at("to").get<std::string>() + ":" + url.substr(url.rfind('/') + 1));
    }
    return out;
}

std::vector<std::string> warc_files(const std::string& dir) {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

TEST_CASE("corrections by hand: the timeline follows, a re-crawl keeps them, export/import and reindex carry "
          "them into a rebuilt database",
          "[query][corrections]") {
    std::ifstream in(source_dir() / "tests/query/cli/data/topic_worlds.json");
    const json world = json::parse(in).at("worlds").at(0);
    const std::string topic = world.at("topic");
    TempDir dir("rumorwatch-corrections");
    const std::string host = "www.corrections-wire.example";
    const std::string config = write_site(dir, host, world);
    TestServerOptions options;
    options.root = dir.path();
    options.max_seconds = 240;
    TestServer server(options);
    const std::string topic_file = (source_dir() / "seeds/topics" / (topic + ".json")).string();
    const std::string db = dir.file("db"), warc = dir.file("warc");
    int crawls = 0;
    const auto crawl = [&] {
        // The first crawl's WARC files hold every page; the re-crawl writes its own folder.
        const auto r = run({"crawl", "--config", config, "--topic", topic_file, "--db", db, "--once", "--refresh",
                            "--warc", ++crawls == 1 ? warc : dir.file("warc-again"), "--connect-to",
                            server.connect_to()});
        INFO(r.err);
        REQUIRE(r.code == 0);
    };
    crawl();

    // The story as the analysis tells it, and the article that carried its third step.
    const json before = timeline(db, topic_file);
    const std::vector<std::string> analysed = steps(before);
    REQUIRE(analysed.size() >= 3);
    const json& third = before.at("transitions").at(2).at("first");
    const std::string url = third.at("url");
    const std::string analysed_status = before.at("transitions").at(2).at("to");
    REQUIRE(analysed_status != "denied");
    CHECK_FALSE(third.contains("correction"));

    // The analyst says that article denies the story.
    const auto label = run({"label", url, "denied", "--note", "the quote is a denial", "--db", db});
    INFO(label.err);
    REQUIRE(label.code == 0);
    CHECK(label.out.find("denied by hand") != std::string::npos);

    const json after = timeline(db, topic_file);
    const std::vector<std::string> corrected = steps(after);
    CHECK(corrected != analysed);
    const std::string slug = url.substr(url.rfind('/') + 1);
    CHECK(std::find(corrected.begin(), corrected.end(), "denied:" + slug) != corrected.end());
    CHECK(std::find(corrected.begin(), corrected.end(), analysed_status + ":" + slug) == corrected.end());
    bool marked = false;
    for (const auto& t : after.at("transitions"))
        if (t.at("first").at("url") == url) {
            REQUIRE(t.at("first").contains("correction"));
            CHECK(t.at("first").at("correction").at("by_hand") == true);
            CHECK(t.at("first").at("correction").at("analysed_status") == analysed_status);
            CHECK(t.at("first").at("correction").at("note") == "the quote is a denial");
            marked = true;
        }
    CHECK(marked);
    const auto text = run({"timeline", "--db", db, "--topic", topic_file});
    CHECK(text.out.find("corrected by hand: denied (the analysis said " + analysed_status + ")") != std::string::npos);

    // show and search say so too.
    const auto show = run({"show", url, "--db", db, "--format", "json"});
    REQUIRE(show.code == 0);
    CHECK(json::parse(show.out).at("correction").at("status") == "denied");
    const auto search = run({"search", "Intel", "--db", db, "--format", "json", "--limit", "50", "--all-copies"});
    REQUIRE(search.code == 0);
    bool in_search = false;
    const json results = json::parse(search.out); // kept: a loop over a temporary's member would dangle
    for (const auto& hit : results.at("hits"))
        if (hit.at("url") == url) {
            CHECK(hit.at("status") == "denied");
            CHECK(hit.at("correction").at("analysed_status") == analysed_status);
            in_search = true;
        }
    CHECK(in_search);

    // A re-crawl that rewrites the article (its text changed) keeps the correction.
    for (const auto& a : world.at("articles"))
        if (url.ends_with("/" + a.at("slug").get<std::string>() + ".html"))
            dir.write(host + "/news/" + a.at("slug").get<std::string>() + ".html",
                      page(a, "This story was updated with a further paragraph from the newsroom."));
    crawl();
    const json reshown = json::parse(run({"show", url, "--db", db, "--format", "json"}).out);
    CHECK(reshown.at("versions").size() >= 2); // the document was rewritten: an earlier version is kept
    CHECK(reshown.at("correction").at("status") == "denied");
    CHECK(steps(timeline(db, topic_file)) == corrected);

    // Export, and import into a database rebuilt from the WARC files.
    const auto exported = run({"labels", "--db", db, "--format", "jsonl"});
    REQUIRE(exported.code == 0);
    const json line = json::parse(exported.out.substr(0, exported.out.find('\n')));
    CHECK(line.at("url") == url);
    CHECK(line.at("status") == "denied");
    CHECK(std::count(exported.out.begin(), exported.out.end(), '\n') == 1);
    const std::string file = dir.write("labels.jsonl", exported.out);

    const std::string rebuilt = dir.file("rebuilt");
    std::vector<std::string> import_args = {"import-warc", "--config", config, "--topic", topic_file, "--db", rebuilt,
                                            "-q"};
    for (const auto& f : warc_files(warc)) import_args.push_back(f);
    const auto imported = run(import_args);
    INFO(imported.err);
    REQUIRE(imported.code == 0);
    CHECK(steps(timeline(rebuilt, topic_file)) == analysed); // WARC files hold no corrections
    REQUIRE(run({"labels", "--import", file, "--db", rebuilt}).code == 0);
    CHECK(steps(timeline(rebuilt, topic_file)) == corrected);
    CHECK(run({"labels", "--db", rebuilt}).out == exported.out);

    // reindex into a new folder carries the source database's corrections over, and says so.
    const std::string reindexed = dir.file("reindexed");
    const auto reindex = run({"reindex", "--warc", warc, "--config", config, "--topic", topic_file, "--db", reindexed,
                              "--corrections-from", db});
    INFO(reindex.err);
    REQUIRE(reindex.code == 0);
    CHECK(reindex.out.find("Carried 1 correction by hand over from " + db) != std::string::npos);
    CHECK(steps(timeline(reindexed, topic_file)) == corrected);
    const auto unreadable = run({"reindex", "--warc", warc, "--config", config, "--topic", topic_file, "--db",
                                 dir.file("third"), "--corrections-from", dir.file("no-such-db")});
    CHECK(unreadable.code == 0);
    CHECK(unreadable.err.find("no corrections carried over") != std::string::npos);

    // --remove: the analysis applies again.
    REQUIRE(run({"label", url, "--remove", "--db", db}).code == 0);
    CHECK(steps(timeline(db, topic_file)) == analysed);
    CHECK(run({"labels", "--db", db}).out.empty());
}

TEST_CASE("labels --import names the file, line and field of a bad correction and writes nothing", "[query][corrections]") {
    TempDir dir("rumorwatch-corrections-bad");
    const std::string file = dir.write("bad.jsonl", "{\"url\": \"https://a.example/x\", \"status\": \"denied\"}\n"
                                                    "{\"url\": \"https://a.example/y\", \"status\": \"maybe\"}\n");
    const auto r = run({"labels", "--import", file, "--db", dir.file("db")});
    CHECK(r.code == 2);
    CHECK(r.err.find(file + ":2: a correction's \"status\" is not a status: \"maybe\"") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.file("db")));
}
