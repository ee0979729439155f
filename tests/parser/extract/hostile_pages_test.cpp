/// \file
/// Hostile pages: invalid bytes under every charset the decoder knows, NUL bytes, deep
/// nesting, huge attributes and scripts, escape sequences and markup in titles and
/// authors. The parser must not crash, must stay fast enough for a crawl, and must hand
/// on valid UTF-8 (it goes into Xapian and every export).
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "parser/extract/charset.h"
#include "parser/extract/extract.h"
#include "parser/core/core.h"
#include "tests/support/utf8_check.h"

using namespace rumorwatch;
using test::is_valid_utf8;

namespace {

ExtractOptions options() {
    ExtractOptions o;
    o.url = "https://news.example.com/2026/03/07/story.html";
    o.fetched_at = from_unix(1772870400);
    return o;
}

/// Every text field of an article is valid UTF-8 without NUL bytes (a NUL cuts C strings
/// short in terminals and in the tools people pipe our output into).
void check_article_text(const Article& a) {
    const auto check = [](const std::string& s, const char* field) {
        INFO("field: " << field);
        CHECK(is_valid_utf8(s));
        CHECK(s.find('\0') == std::string::npos);
    };
    check(a.title, "title");
    check(a.text, "text");
    check(a.description, "description");
    check(a.site_name, "site_name");
    check(a.section, "section");
    check(a.language, "language");
    for (const auto& s : a.authors) check(s, "authors");
    for (const auto& s : a.organisations) check(s, "organisations");
    for (const auto& s : a.keywords) check(s, "keywords");
}

std::string page(const std::string& head, const std::string& body) {
    return "<!doctype html><html><head>" + head + "</head><body>" + body + "</body></html>";
}

const std::string kParagraph =
    "<p>Apple is working with Alibaba to bring AI features to iPhones sold in China, "
    "people familiar with the matter said on Friday, adding that talks continue.</p>";

/// Bytes that are invalid in most encodings: lone continuation bytes, truncated
/// multi-byte sequences, overlongs, UTF-8 surrogates, 0xFF/0xFE, a stray ESC.
const std::string kBadBytes = std::string("\x80\xBF\xC0\xAF\xE0\x80\xAF\xED\xA0\x80\xF4\x90\x80\x80\xFF\xFE\x81\x30\xA1", 19) +
                              std::string("\xE4\xB8", 2);

} // namespace

TEST_CASE("hostile pages: invalid bytes under every charset come out as valid UTF-8", "[parser][hostile]") {
    for (const char* label : {"utf-8", "gbk", "gb2312", "gb18030", "big5", "shift_jis", "euc-jp", "euc-kr",
                              "iso-8859-1", "windows-1252", "koi8-r", "utf-16le", "utf-16be", "utf-16",
                              "x-unknown-charset", ""}) {
        for (const std::string& bytes :
             {kBadBytes, "<html><head><title>" + kBadBytes + "</title></head><body>" + kBadBytes + "</body></html>",
              std::string("\xEF\xBB\xBF") + kBadBytes,     // UTF-8 BOM, then garbage
              std::string("\xFF\xFE", 2) + kBadBytes + "x", // UTF-16LE BOM, odd length
              std::string("\xFE\xFF", 2) + kBadBytes,       // UTF-16BE BOM
              std::string("<meta charset=\"") + label + "\">" + kBadBytes}) {
            const std::string content_type = std::string("text/html; charset=") + label;
            INFO("charset: " << label << ", " << bytes.size() << " bytes");
            const auto decoded = decode_to_utf8(bytes, content_type);
            CHECK(is_valid_utf8(decoded.utf8));
            const auto sniffed = decode_to_utf8(bytes, "");
            CHECK(is_valid_utf8(sniffed.utf8));
            check_article_text(extract_article(decoded.utf8, options()));
        }
    }
}

TEST_CASE("hostile pages: invalid UTF-8 handed straight to the extractor", "[parser][hostile]") {
    // The extractor's contract is UTF-8 in; a caller that skips decoding must not make it crash
    // or pass the bad bytes on.
    const std::string html = page("<title>Bad " + kBadBytes + " title</title><meta name=\"author\" content=\"" +
                                      kBadBytes + "\">",
                                  "<article><h1>Head " + kBadBytes + "</h1>" + kParagraph + kBadBytes + kParagraph +
                                      "</article>");
    check_article_text(extract_article(html, options()));
}

TEST_CASE("hostile pages: NUL bytes in markup, title and text", "[parser][hostile]") {
    const std::string nul(1, '\0');
    const std::string html = page("<title>Apple" + nul + "Alibaba</title><meta name=\"author\" content=\"Jane" + nul +
                                      "Doe\">",
                                  "<article>" + nul + "<p>Apple" + nul + " and Alibaba " + nul + nul +
                                      "agree.</p>" + kParagraph + "</article>");
    const auto decoded = decode_to_utf8(html, "text/html; charset=utf-8");
    CHECK(is_valid_utf8(decoded.utf8));
    const Article a = extract_article(decoded.utf8, options());
    check_article_text(a);
    CHECK_THAT(a.title, Catch::Contains("Apple"));
}

TEST_CASE("hostile pages: 100,000 nested elements neither crash nor stall", "[parser][hostile]") {
    std::string html = "<html><head><title>Deep</title></head><body>";
    html.reserve(1'500'000);
    for (int i = 0; i < 100'000; ++i) html += i % 2 ? "<div>" : "<span>";
    html += kParagraph;
    const auto started = std::chrono::steady_clock::now();
    const Article a = extract_article(html, options());
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    check_article_text(a);
    CHECK(a.title == "Deep");
    CHECK(seconds < 30); // generous for a sanitizer build on a loaded machine
}

TEST_CASE("hostile pages: 1 MB attribute values", "[parser][hostile]") {
    const std::string mega(1 << 20, 'A');
    const std::string html = page("<title>Big attributes</title><meta property=\"og:title\" content=\"" + mega +
                                      "\"><meta name=\"author\" content=\"" + mega + "\"><link rel=\"canonical\" href=\"https://news.example.com/" +
                                      mega + "\">",
                                  "<article class=\"" + mega + "\"><a href=\"/" + mega + "\" title=\"" + mega + "\">x</a>" +
                                      kParagraph + kParagraph + "</article>");
    const Article a = extract_article(html, options());
    check_article_text(a);
    for (const auto& author : a.authors) CHECK(author.size() < 100'000);
}

// Regression (issue 9): a 1 MB og:title once became the article's title whole.
TEST_CASE("hostile pages: a 1 MB og:title is not kept whole", "[parser][hostile]") {
    const std::string mega(1 << 20, 'A');
    const std::string html = page("<meta property=\"og:title\" content=\"" + mega + "\">",
                                  "<article>" + kParagraph + kParagraph + "</article>");
    CHECK(extract_article(html, options()).title.size() < 100'000);
}

TEST_CASE("hostile pages: huge script and style content stays out of the text", "[parser][hostile]") {
    std::string script = "<script>var s = \"";
    script.append(2 << 20, 'x');
    script += "</p><p>Apple confirms Alibaba deal</p>\";</script>";
    std::string style = "<style>";
    for (int i = 0; i < 50'000; ++i) style += ".c" + std::to_string(i) + "{color:red}";
    style += "</style>";
    const std::string html = page("<title>Scripted</title>" + style + script,
                                  "<article>" + script + kParagraph + style + kParagraph + "</article>" + script);
    const Article a = extract_article(html, options());
    check_article_text(a);
    CHECK(a.text.find("xxxxxxxx") == std::string::npos);
    CHECK(a.text.find("color:red") == std::string::npos);
    CHECK(a.text.find("Apple confirms Alibaba deal") == std::string::npos);
}

TEST_CASE("hostile pages: escape sequences and markup in title and author stay plain text", "[parser][hostile]") {
    const std::string html =
        page("<title>\x1b[31mRED\x1b]0;owned\x07 &lt;script&gt;alert(1)&lt;/script&gt; Apple taps Alibaba</title>"
             "<meta name=\"author\" content=\"&lt;script&gt;alert(2)&lt;/script&gt;\x1b[2J Jane Doe\">",
             "<article><h1>\x1b[31mRED\x1b]0;owned\x07 &lt;script&gt;alert(1)&lt;/script&gt; Apple taps Alibaba</h1>" +
                 kParagraph + kParagraph + "</article>");
    const Article a = extract_article(html, options());
    check_article_text(a);
    // The extractor keeps text as text (escaping is each output's job, see
    // tests/query/cli/hostile_output_test.cpp); what matters here is that nothing breaks.
    CHECK_THAT(a.title, Catch::Contains("Apple taps Alibaba"));
}

namespace {

/// Half a million of one start tag, never closed, then an article. The prescan looked for
/// each one's end tag to the end of the page: quadratic, some 20 minutes for this page.
/// The CTest timeout is what fails the case when the scan turns quadratic again.
std::string unclosed_run(const std::string& start_tag) {
    constexpr int kCopies = 500'000;
    std::string body;
    body.reserve(kCopies * (start_tag.size() + 1) + 1000);
    for (int i = 0; i < kCopies; ++i) body += start_tag + "x";
    return page("<title>Unclosed</title>", body + kParagraph);
}

} // namespace

// Regression (issue 17, finding 3): 100k unclosed <select> in 800 KB took 33 s in `extract`.
TEST_CASE("hostile pages: half a million unclosed <select>", "[parser][hostile]") {
    const Article a = extract_article(unclosed_run("<select>"), options());
    check_article_text(a);
    CHECK(a.title == "Unclosed");
}

TEST_CASE("hostile pages: half a million unclosed <button>", "[parser][hostile]") {
    const Article a = extract_article(unclosed_run("<button>"), options());
    check_article_text(a);
    CHECK(a.title == "Unclosed");
}

TEST_CASE("hostile pages: half a million unclosed <template>", "[parser][hostile]") {
    const Article a = extract_article(unclosed_run("<template>"), options());
    check_article_text(a);
    CHECK(a.title == "Unclosed");
}

TEST_CASE("hostile pages: half a million unclosed <datalist>", "[parser][hostile]") {
    const Article a = extract_article(unclosed_run("<datalist>"), options());
    check_article_text(a);
    CHECK(a.title == "Unclosed");
}

// Nested icons closed at the end: each <svg> looked for its end tag from where it stood,
// and every one of them lies past the half-million openings.
TEST_CASE("hostile pages: half a million nested <svg> closed at the end", "[parser][hostile]") {
    constexpr int kCopies = 500'000;
    std::string body;
    body.reserve(kCopies * 12 + 1000);
    for (int i = 0; i < kCopies; ++i) body += "<svg>";
    for (int i = 0; i < kCopies; ++i) body += "</svg>";
    const Article a = extract_article(page("<title>Unclosed</title>", "<article>" + body + kParagraph + kParagraph + "</article>"), options());
    check_article_text(a);
    CHECK(a.title == "Unclosed");
    CHECK_THAT(a.text, Catch::Contains("Apple is working with Alibaba")); // the svg is skipped, not the page
}
