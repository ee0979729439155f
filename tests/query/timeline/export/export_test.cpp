#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "parser/core/core.h"
#include "query/timeline/export/export.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;
using test::run_command;
using test::shell_quote;

namespace {

const std::string kHostileTitle = "Apple <script>document.title='pwned'</script> & \"Alibaba\" \x1b[31mred\x1b[0m";

TimelineEntry entry(const std::string& when, const std::string& outlet, RumorStatus status,
                    const std::string& title, const std::string& evidence) {
    TimelineEntry e;
    e.when = *parse_iso8601(when);
    e.outlet_id = outlet;
    e.outlet_name = outlet + " News";
    e.tier = OutletTier::wire;
    e.status = status;
    e.title = title;
    e.url = "http://" + outlet + ".example/" + when.substr(0, 10) + "/story";
    e.evidence = evidence;
    e.attribution = "people familiar, with \"quotes\"";
    e.date_source = "published (json-ld)";
    e.date_reliable = true;
    return e;
}

Timeline sample() {
    std::vector<TimelineEntry> entries = {
        entry("2025-01-10T09:00:00Z", "wire", RumorStatus::reported, kHostileTitle,
              "Apple is in talks with Alibaba, people familiar said."),
        entry("2025-02-13T10:00:00Z", "ledger", RumorStatus::partially_confirmed, "Alibaba chairman confirms, =1+1",
              "Alibaba's chairman said the companies are working together, line one\nline two."),
        entry("2025-03-02T10:00:00Z", "wire", RumorStatus::stalled, "Deal under scrutiny", "Lawmakers scrutinize it."),
    };
    TimelineOptions options;
    options.topic_id = "apple-alibaba";
    options.bucket = Bucket::month;
    return build_timeline(entries, {}, options);
}

std::string write_file(const test::TempDir& dir, const std::string& name,
                       const std::function<void(std::ostream&)>& writer) {
    std::ostringstream out;
    writer(out);
    return dir.write(name, out.str());
}

ExportContext context() {
    ExportContext c;
    c.topic_name = "Alibaba supplies the AI for iPhones in China";
    c.generated = *parse_iso8601("2026-11-24T00:00:00Z");
    return c;
}

} // namespace

TEST_CASE("timeline export: JSON has the documented shape", "[query]") {
    const auto j = timeline_to_json(sample(), context());
    CHECK(j["topic"] == "apple-alibaba");
    CHECK(j["state"] == "stalled");
    CHECK(j["bucket"] == "month");
    REQUIRE(j["buckets"].size() == 3);
    CHECK(j["buckets"][1]["counts"]["partially_confirmed"] == 1);
    CHECK(j["buckets"][1]["state"] == "partially_confirmed");
    REQUIRE(j["transitions"].size() == 3);
    CHECK(j["transitions"][0]["to"] == "reported");
    CHECK(j["transitions"][0]["first"]["title"] == kHostileTitle);
    CHECK(j["transitions"][0]["first"]["date_reliable"] == true);
    CHECK(j["transitions"][0]["first"]["warc"].is_null());
    for (const char* key : {"first_coverage", "stale", "edits"}) CHECK(j[key].is_array());
}

TEST_CASE("timeline export: text output carries no terminal escapes from the web", "[query]") {
    std::ostringstream out;
    write_timeline_text(sample(), context(), out);
    const std::string text = out.str();
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK_THAT(text, Catch::Contains("none → reported"));
    CHECK_THAT(text, Catch::Contains("State now: stalled"));
}

TEST_CASE("timeline export: CSV reads back with Python's csv module to the same rows", "[query]") {
    test::TempDir dir;
    const Timeline tl = sample();
    const auto path = write_file(dir, "t.csv", [&](std::ostream& o) { write_timeline_csv(tl, o); });
    const auto r = run_command("python3 -c " +
                               shell_quote("import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], "
                                           "newline='')))))") +
                               " " + shell_quote(path));
    REQUIRE(r.exit_code == 0);
    const auto rows = nlohmann::json::parse(r.out);
    REQUIRE(rows.size() == 4); // header + one row per bucket and status
    CHECK(rows[0][0] == "bucket_start");
    CHECK(rows[1] == nlohmann::json::array({"2025-01-01", "2025-02-01", "reported", "1", "1", "reported", "1"}));
    CHECK(rows[3][2] == "stalled");
}

TEST_CASE("timeline export: the Atom feed is well-formed and a real parser reads its entries", "[query]") {
    test::TempDir dir;
    const auto path =
        write_file(dir, "t.atom", [&](std::ostream& o) { write_timeline_atom(sample(), context(), o); });
    const auto r = run_command(
        "python3 -c " +
        shell_quote("import sys, json, xml.etree.ElementTree as ET\n"
                    "ns={'a':'http://www.w3.org/2005/Atom'}\n"
                    "root=ET.parse(sys.argv[1]).getroot()\n"
                    "print(json.dumps([[e.find('a:title',ns).text, e.find('a:link',ns).get('href'), "
                    "e.find('a:updated',ns).text] for e in root.findall('a:entry',ns)]))") +
        " " + shell_quote(path));
    REQUIRE(r.exit_code == 0);
    const auto entries = nlohmann::json::parse(r.out);
    REQUIRE(entries.size() == 3);
    CHECK(entries[0][0] == "partially_confirmed → stalled: Deal under scrutiny"); // newest first
    CHECK(entries[2][1] == "http://wire.example/2025-01-10/story");
    CHECK(entries[2][2] == "2025-01-10T09:00:00Z");
    // The hostile title arrives as text: the parser gives it back unchanged but for controls.
    const auto first_title = entries[2][0].get<std::string>();
    CHECK_THAT(first_title, Catch::Contains("<script>document.title='pwned'</script>"));
}

TEST_CASE("timeline export: Markdown escapes link syntax in titles", "[query]") {
    std::vector<TimelineEntry> entries = {
        entry("2025-01-10T09:00:00Z", "wire", RumorStatus::reported, "[click](http://evil.example) *bold*", "x")};
    std::ostringstream out;
    write_timeline_markdown(build_timeline(entries, {}, {}), context(), out);
    CHECK_THAT(out.str(), Catch::Contains("\\[click\\]\\(http://evil.example\\) \\*bold\\*"));
}

TEST_CASE("timeline export: HTML has no script and no external resource", "[query]") {
    std::ostringstream out;
    write_timeline_html(sample(), context(), out);
    const std::string html = out.str();
    CHECK(html.find("<script") == std::string::npos);
    CHECK_THAT(html, Catch::Contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
    CHECK(html.find("src=\"http") == std::string::npos);
    CHECK_THAT(html, Catch::Contains("Content-Security-Policy"));
    CHECK_THAT(html, Catch::Contains("<svg"));
}

TEST_CASE("timeline export: HTML loads in headless Chromium with no console error or request", "[query][chromium]") {
    test::TempDir dir;
    const auto path =
        write_file(dir, "timeline.html", [&](std::ostream& o) { write_timeline_html(sample(), context(), o); });
    const auto script = (test::source_dir() / "tests/support/chromium_check.py").string();
    const auto r = run_command("python3 " + shell_quote(script) + " " + shell_quote(path) + " --screenshot " +
                               shell_quote(dir.file("timeline.png")));
    REQUIRE(r.exit_code == 0);
    const auto result = nlohmann::json::parse(r.out);
    CHECK(result["exit"] == 0);
    CHECK(result["console"] == nlohmann::json::array());
    CHECK(result["requests"] == nlohmann::json::array());
    const std::string dom = result["dom"];
    // The title was shown as text, and nothing ran: the document title is ours.
    CHECK_THAT(dom, Catch::Contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"));
    CHECK_THAT(dom, Catch::Contains("<title>Alibaba supplies the AI for iPhones in China — rumorwatch timeline</title>"));
    REQUIRE(result["screenshot"].is_string());
    std::ifstream png(result["screenshot"].get<std::string>(), std::ios::binary);
    char magic[8] = {};
    png.read(magic, 8);
    CHECK(std::string(magic + 1, 3) == "PNG");
}

TEST_CASE("timeline export: text prints each transition in its outlet's local time, --utc in UTC", "[query]") {
    std::vector<TimelineEntry> entries = {
        entry("2024-12-19T01:30:00Z", "jinghai", RumorStatus::reported, "Talks stumble", "People familiar said so."),
    };
    entries[0].utc_offset_minutes = 480;
    TimelineOptions options;
    options.topic_id = "apple-alibaba";
    const Timeline tl = build_timeline(entries, {}, options);
    std::ostringstream local;
    write_timeline_text(tl, context(), local);
    CHECK_THAT(local.str(), Catch::Contains("2024-12-19 09:30 +08:00  none → reported"));
    ExportContext utc = context();
    utc.utc = true;
    std::ostringstream in_utc;
    write_timeline_text(tl, utc, in_utc);
    CHECK_THAT(in_utc.str(), Catch::Contains("2024-12-19 01:30 UTC  none → reported"));
    const auto j = timeline_to_json(tl, context());
    CHECK(j["transitions"][0]["first"]["local_date"] == "2024-12-19 09:30 +08:00");
    CHECK(j["transitions"][0]["rule"] == "start");
}
