#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "query/cli/cli.h"
#include "tests/support/cli_run.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;

namespace {

using rumorwatch::test::CliRun;

CliRun run(const std::vector<std::string>& args, const std::string& input = "") {
    return rumorwatch::test::run_cli_captured(args, input);
}

const std::string kPage =
    "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bridge reopens after repairs | Town News</title>"
    "<meta property=\"article:published_time\" content=\"2025-02-13T09:00:00\">"
    "<link rel=\"canonical\" href=\"/news/bridge-reopens\"></head><body><article>"
    "<h1>Bridge reopens after repairs</h1><p class=\"byline\">By Ann Lee</p>"
    "<p>The old bridge reopened on Thursday after eight months of repairs, the council said, two weeks ahead "
    "of schedule and slightly under budget.</p><p>Buses will return to their usual route from Monday.</p>"
    "</article></body></html>";

} // namespace

TEST_CASE("extract: JSON output carries the stable keys and the source of each", "[query]") {
    test::TempDir dir;
    const auto path = dir.write("page.html", kPage);
    const auto r = run({"extract", path, "--url", "https://town.example/news/bridge-reopens?utm_source=x",
                        "--timezone", "America/New_York", "--fetched-at", "2025-02-20T00:00:00Z", "--format", "json"});
    REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    for (const char* key : {"title", "title_source", "text", "text_source", "published", "modified", "authors",
                            "organisations", "authors_source", "language", "language_source", "canonical_url",
                            "canonical_source", "site_name", "site_name_source", "warnings", "charset",
                            "extractor_version"})
        CHECK(j.contains(key));
    CHECK(j["title"] == "Bridge reopens after repairs");
    CHECK(j["canonical_url"] == "https://town.example/news/bridge-reopens");
    CHECK(j["published"]["time"] == "2025-02-13T14:00:00Z"); // 09:00 in New York
    CHECK(j["published"]["reliable"] == true);
    CHECK(j["authors"] == nlohmann::json::array({"Ann Lee"}));
    CHECK(j["site_name"] == "Town News");
    CHECK(j["text"].get<std::string>().find("\n\nBuses will return") != std::string::npos);
}

TEST_CASE("extract: standard input and the text form, with terminal escapes removed", "[query]") {
    std::string page = kPage;
    page.replace(page.find("Buses"), 5, "\x1b[2J\x1b]0;pwned\x07" "Buses");
    const auto r = run({"extract", "-", "--fetched-at", "2025-02-20T00:00:00Z"}, page);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("Title: Bridge reopens after repairs"));
    CHECK_THAT(r.out, Catch::Contains("Buses will return"));
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find('\x07') == std::string::npos);
}

TEST_CASE("extract: charset header, GBK bytes", "[query]") {
    // "苹果" in GB18030 is C6 BB B9 FB.
    const std::string gbk = "<html><body><p>\xC6\xBB\xB9\xFB</p></body></html>";
    const auto r = run({"extract", "-", "--charset-header", "text/html; charset=gbk", "--format", "json"}, gbk);
    REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["charset"] == "GB18030");
    CHECK(j["text"] == "苹果");
}

TEST_CASE("extract: bad input and bad usage exit 2 with the file or option named", "[query]") {
    auto r = run({"extract", "/nonexistent/page.html"});
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("/nonexistent/page.html"));
    test::TempDir dir;
    const auto path = dir.write("page.html", kPage);
    r = run({"extract", path, "--date-order", "ydm"});
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("--date-order"));
    r = run({"extract", path, "--fetched-at", "yesterday"});
    CHECK(r.code == 2);
    r = run({"extract", path, "--format", "xml"});
    CHECK(r.code == 2);
    r = run({"extract", path, "--outlet", "nope", "--config", "/nonexistent/outlets.json"});
    CHECK(r.code == 2);
}

// Regression (issue 17, finding 15): a program or random bytes came out as an article's
// text, and a 50 MB file was cut at 16 MiB with nothing on stderr.
TEST_CASE("extract: binary input is refused or warned about, a cut page is warned about", "[query]") {
    test::TempDir dir;
    auto r = run({"extract", dir.write("a.out", std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10) + kPage)});
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("a.out: this is an ELF executable, not an HTML page"));
    r = run({"extract", "-"}, std::string("\x1f\x8b\x08\0", 4) + kPage);
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("standard input: this is gzip-compressed (gunzip it first), not an HTML page"));

    r = run({"extract", dir.write("noise.bin", std::string("\x13\0\xa7\0\0\x01", 6) + kPage)});
    CHECK(r.code == 0);
    CHECK_THAT(r.err, Catch::Contains("noise.bin: NUL bytes near the start; this looks like binary data"));
    r = run({"extract", dir.write("page.html", kPage)});
    CHECK(r.code == 0);
    CHECK(r.err.empty());

    std::string big = kPage;
    big.insert(big.find("</body>"), "<!--" + std::string(17u << 20, '-') + "-->");
    r = run({"extract", dir.write("big.html", big)});
    CHECK(r.code == 0);
    CHECK_THAT(r.err, Catch::Contains("big.html: " + std::to_string(big.size()) +
                                      " bytes of text; only the first 16 MiB were read"));
}

TEST_CASE("extract: --outlet applies the outlet's zone, date order and name", "[query]") {
    test::TempDir dir;
    const auto path = dir.write("page.html",
                                "<html><body><div class=\"story\"><h1>Shares rise</h1><p class=\"date\">7/3/2026 10:00</p>"
                                "<div class=\"story-body\"><p>Shares rose sharply in morning trade after the results, "
                                "which beat forecasts for the third quarter in a row.</p></div></div></body></html>");
    const auto r = run({"extract", path, "--outlet", "meridian", "--config",
                        (test::source_dir() / "seeds" / "demo" / "outlets.json").string(), "--fetched-at",
                        "2026-11-24T00:00:00Z", "--format", "json"});
    REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["published"]["time"] == "2026-03-07T10:00:00Z"); // dmy, London winter time
    CHECK(j["site_name"] == "Meridian News Agency");
}
