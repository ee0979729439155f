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
#include "parser/core/core.h"
#include "query/cli/cli.h"
#include "tests/support/run_command.h"
#include "tests/support/cli_run.h"
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

test::CliRun run(const std::vector<std::string>& args) { return test::run_cli_captured(args); }

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

/// The shipped topic, named explicitly so the test does not depend on where the binary looks.
std::string topic_file() { return (test::source_dir() / "seeds/topics/apple-alibaba.json").string(); }

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
    // JSON escapes every C0 control (ESC as \u001b); other characters are data, as JSON says.
    CHECK(test::is_valid_utf8(r.out));
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find('\x07') == std::string::npos);
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
        const auto r = run({"timeline", "--db", index.db(), "--topic", topic_file(), "--format", format});
        INFO(format << ": " << r.err);
        REQUIRE(r.code == 0);
        check_no_controls(r.out);
        if (std::string(format) == "md") check_no_raw_markup(r.out);
    }
}

namespace {

std::string timeline_file(const HostileIndex& index, const std::string& format) {
    const auto path = index.dir().file("timeline." + format);
    const auto r = run({"timeline", "--db", index.db(), "--topic", topic_file(), "--format", format, "-o", path});
    INFO(format << ": " << r.err);
    REQUIRE(r.code == 0);
    std::ifstream in(path, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
}

/// No C0 control but tab/LF/CR: XML 1.0 forbids them and HTML calls them parse errors.
std::size_t control_bytes(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7F) ++n;
    return n;
}

} // namespace

TEST_CASE("hostile output: timeline HTML escapes markup", "[query][hostile]") {
    HostileIndex index;
    const std::string html = timeline_file(index, "html");
    CHECK(test::is_valid_utf8(html));
    check_no_raw_markup(html);
    CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert(1)"));
}

// Regression (issue 9): control bytes (ESC, BEL) from a title once reached the HTML file
// raw: a parse error for the browser, and live when the file is printed in a terminal.
TEST_CASE("hostile output: timeline HTML drops control bytes", "[query][hostile]") {
    HostileIndex index;
    CHECK(control_bytes(timeline_file(index, "html")) == 0);
}

TEST_CASE("hostile output: timeline Atom escapes markup, drops controls, and is well-formed", "[query][hostile]") {
    HostileIndex index;
    const std::string atom = timeline_file(index, "atom");
    CHECK(test::is_valid_utf8(atom));
    CHECK(control_bytes(atom) == 0);
    check_no_raw_markup(atom);
    CHECK_THAT(atom, Catch::Contains("&lt;script&gt;alert(1)"));
    const auto path = index.dir().write("check.atom", atom);
    const auto parsed = run_command("python3 -c " +
                                    shell_quote("import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1]); print('ok')") +
                                    " " + shell_quote(path));
    CHECK(parsed.exit_code == 0);
}

TEST_CASE("hostile output: timeline CSV and JSON read back with Python", "[query][hostile]") {
    HostileIndex index;
    const auto csv_path = index.dir().file("timeline.csv");
    const auto json_path = index.dir().file("timeline.json");
    REQUIRE(run({"timeline", "--db", index.db(), "--topic", topic_file(), "--format", "csv", "-o", csv_path}).code == 0);
    REQUIRE(run({"timeline", "--db", index.db(), "--topic", topic_file(), "--format", "json", "-o", json_path}).code == 0);
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
