/// \file
/// A hostile article (terminal escapes, bidi override, markup, broken UTF-8, a CSV formula
/// and quotes in its title, author, outlet name and evidence sentence) is indexed for real,
/// then read back through every CLI output: search text/CSV/JSON and timeline
/// text/Markdown/HTML/Atom/CSV/JSON. Each must escape it for its medium; independent
/// parsers (Python's csv, json and xml modules) read the files back.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "index/index.h"
#include "parser/time.h"
#include "query/cli.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"
#include "tests/support/utf8_check.h"

using namespace rumorwatch;
using test::run_command;
using test::shell_quote;

namespace {

const std::string kHostileTitle = "\x1b[31mRED\x1b]0;owned\x07 <script>alert(1)</script> \"Apple\" & 'Alibaba', "
                                  "\xE2\x80\xAEreversed\xE2\x80\xAC \xC0\xAF bad";
const std::string kHostileAuthor = "<img src=x onerror=alert(2)>\x1b[2J";
const std::string kHostileSentence =
    "Apple has chosen Alibaba \x1b[8mhidden\x1b[0m <b>bold</b>, people familiar said; =HYPERLINK(\"http://x\")";

ArticleRecord hostile_record() {
    ArticleRecord r;
    r.outlet_id = "wire";
    r.tier = OutletTier::wire;
    r.article.url = "http://wire.example/2025/02/11/story?a=1&b=<2>";
    r.article.canonical_url = r.article.url;
    r.article.title = kHostileTitle;
    r.article.text = kHostileSentence + "\n\nMore about Apple and Alibaba \x1b[5m.";
    r.article.authors = {kHostileAuthor};
    r.article.language = "en";
    r.article.site_name = "Wire </title><script>alert(3)</script>";
    r.article.published = ArticleDate{*parse_iso8601("2025-02-11T10:00:00Z"), "json-ld", true, true};
    r.crawled_at = *parse_iso8601("2025-02-11T12:00:00Z");
    r.content_hash = "hostile";
    r.analysis.topic_id = "apple-alibaba";
    r.analysis.status = RumorStatus::reported;
    r.analysis.entities = {"apple", "alibaba"};
    Mention m;
    m.sentence = kHostileSentence;
    m.status = RumorStatus::reported;
    m.attribution = "people familiar \x1b[1m";
    m.entities = {"apple", "alibaba"};
    r.analysis.mentions = {m};
    r.analysis.evidence = 0;
    return r;
}

struct Run {
    int code;
    std::string out, err;
};

Run run(const std::vector<std::string>& args) {
    std::istringstream in;
    std::ostringstream out, err;
    Io io{in, out, err, false};
    const int code = run_cli(args, io);
    return {code, out.str(), err.str()};
}

/// No byte that can drive a terminal: C0 controls but tab/LF/CR, DEL, and the bidi
/// override U+202E.
void check_no_controls(const std::string& s) {
    CHECK(test::is_valid_utf8(s));
    std::size_t bad = 0;
    for (unsigned char c : s)
        if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7F) ++bad;
    CHECK(bad == 0);
    CHECK(s.find("\xE2\x80\xAE") == std::string::npos);
}

/// Markup from the page never appears as markup.
void check_no_raw_markup(const std::string& s) {
    CHECK(s.find("<script>alert") == std::string::npos);
    CHECK(s.find("<img src=x") == std::string::npos);
    CHECK(s.find("</title><script>") == std::string::npos);
}

std::string write(const test::TempDir& dir, const std::string& name, const std::string& content) {
    return dir.write(name, content);
}

class HostileIndex {
public:
    HostileIndex() : db_(dir_.file("db")) {
        IndexWriter writer(db_);
        writer.upsert(hostile_record());
        writer.commit();
    }
    const std::string& db() const { return db_; }
    const test::TempDir& dir() const { return dir_; }

private:
    test::TempDir dir_;
    std::string db_;
};

} // namespace

TEST_CASE("hostile output: search text strips terminal controls", "[query][hostile]") {
    HostileIndex index;
    const auto r = run({"search", "--db", index.db(), "alibaba"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("Apple"));
    check_no_controls(r.out);
}

TEST_CASE("hostile output: search JSON parses back to the stored title, controls as escapes", "[query][hostile]") {
    HostileIndex index;
    const auto r = run({"search", "--db", index.db(), "--format", "json", "alibaba"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    check_no_controls(r.out); // JSON writes ESC as \u001b
    const auto j = nlohmann::json::parse(r.out);
    CHECK_THAT(j.dump(), Catch::Contains("alert(1)"));
}

TEST_CASE("hostile output: search CSV reads back with Python's csv module", "[query][hostile]") {
    HostileIndex index;
    const auto r = run({"search", "--db", index.db(), "--format", "csv", "alibaba"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(test::is_valid_utf8(r.out));
    const auto path = write(index.dir(), "search.csv", r.out);
    const auto parsed = run_command("python3 -c " +
                                    shell_quote("import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], "
                                                "newline='', encoding='utf-8')))))") +
                                    " " + shell_quote(path));
    REQUIRE(parsed.exit_code == 0);
    const auto rows = nlohmann::json::parse(parsed.out);
    REQUIRE(rows.size() == 2); // header and the one hit: the quotes and commas did not split it
    CHECK(rows[1].size() == rows[0].size());
    CHECK_THAT(rows[1].dump(), Catch::Contains("alert(1)"));
}

TEST_CASE("hostile output: timeline text and Markdown strip terminal controls", "[query][hostile]") {
    HostileIndex index;
    for (const char* format : {"text", "md"}) {
        const auto r = run({"timeline", "--db", index.db(), "--format", format});
        INFO(format << ": " << r.err);
        REQUIRE(r.code == 0);
        check_no_controls(r.out);
        if (std::string(format) == "md") check_no_raw_markup(r.out);
    }
}

TEST_CASE("hostile output: timeline HTML and Atom escape markup; Atom is well-formed XML", "[query][hostile]") {
    HostileIndex index;
    for (const char* format : {"html", "atom"}) {
        const auto path = index.dir().file(std::string("timeline.") + format);
        const auto r = run({"timeline", "--db", index.db(), "--format", format, "-o", path});
        INFO(format << ": " << r.err);
        REQUIRE(r.code == 0);
        std::ifstream in(path, std::ios::binary);
        std::stringstream content;
        content << in.rdbuf();
        check_no_controls(content.str());
        check_no_raw_markup(content.str());
        CHECK_THAT(content.str(), Catch::Contains("&lt;script&gt;alert(1)"));
        if (std::string(format) == "atom") {
            const auto parsed = run_command("python3 -c " +
                                            shell_quote("import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1]); print('ok')") +
                                            " " + shell_quote(path));
            CHECK(parsed.exit_code == 0);
        }
    }
}

TEST_CASE("hostile output: timeline CSV and JSON read back with Python", "[query][hostile]") {
    HostileIndex index;
    const auto csv_path = index.dir().file("timeline.csv");
    const auto json_path = index.dir().file("timeline.json");
    REQUIRE(run({"timeline", "--db", index.db(), "--format", "csv", "-o", csv_path}).code == 0);
    REQUIRE(run({"timeline", "--db", index.db(), "--format", "json", "-o", json_path}).code == 0);
    const auto csv = run_command("python3 -c " +
                                 shell_quote("import csv,sys; rows=list(csv.reader(open(sys.argv[1], newline='', "
                                             "encoding='utf-8'))); assert len(set(map(len, rows))) == 1, rows; print(len(rows))") +
                                 " " + shell_quote(csv_path));
    CHECK(csv.exit_code == 0);
    const auto json = run_command("python3 -c " +
                                  shell_quote("import json,sys; json.load(open(sys.argv[1], encoding='utf-8')); print('ok')") +
                                  " " + shell_quote(json_path));
    CHECK(json.exit_code == 0);
}
