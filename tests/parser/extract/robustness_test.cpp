#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include <nlohmann/json.hpp>

#include "parser/extract/extract.h"
#include "parser/extract/html_prescan.h"
#include "parser/core/core.h"

using namespace rumorwatch;

namespace {

/// Every string the extractor returns must be valid UTF-8, whatever it was fed.
void check_valid(const Article& a) {
    for (const std::string* s : {&a.url, &a.canonical_url, &a.title, &a.title_source, &a.text, &a.text_source,
                                 &a.language, &a.language_source, &a.site_name, &a.description, &a.image, &a.section})
        CHECK(text::is_valid_utf8(*s));
    for (const auto* v : {&a.authors, &a.organisations, &a.keywords, &a.warnings, &a.captions})
        for (const auto& s : *v) CHECK(text::is_valid_utf8(s));
    // The JSON form must serialise (nlohmann throws on invalid UTF-8).
    CHECK_NOTHROW(nlohmann::json(a).dump());
}

std::string pseudo_random_bytes(std::size_t n, unsigned seed) {
    std::string s;
    s.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        seed = seed * 1103515245u + 12345u;
        s.push_back(static_cast<char>(seed >> 16));
    }
    return s;
}

double seconds(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

TEST_CASE("robustness: empty and tiny inputs", "[parser]") {
    ExtractOptions options;
    options.url = "https://example.com/a";
    for (const char* html : {"", " ", "<", "<html", "<!--", "<script>", "<style", "&", "\xEF\xBB\xBF", "<p>x"}) {
        INFO(html);
        const Article a = extract_article(html, options);
        check_valid(a);
        CHECK(a.canonical_url == "https://example.com/a");
    }
}

TEST_CASE("robustness: binary garbage", "[parser]") {
    for (unsigned seed : {1u, 2u, 3u}) {
        const Article a = extract_article(pseudo_random_bytes(200000, seed), ExtractOptions{});
        check_valid(a);
    }
    // Garbage with tags sprinkled in, and NUL bytes.
    std::string mixed;
    for (int i = 0; i < 2000; ++i) mixed += "<div class=\"" + pseudo_random_bytes(8, i) + "\">" + pseudo_random_bytes(30, i + 7) + std::string(1, '\0');
    check_valid(extract_article(mixed, ExtractOptions{}));
}

TEST_CASE("robustness: 50 MB of nested <div> neither overflows the stack nor hangs", "[parser]") {
    std::string html = "<html><body><p>The first paragraph, with enough words in it to be an article of sorts.</p>";
    const std::size_t target = 50u << 20;
    html.reserve(target + 64);
    while (html.size() < target) html += "<div>";
    html += "<p>The deepest paragraph, past the size limit.</p>";
    const auto t0 = std::chrono::steady_clock::now();
    const Article a = extract_article(html, ExtractOptions{});
    check_valid(a);
    CHECK(seconds(t0) < 60.0);
    CHECK(a.text.find("first paragraph") != std::string::npos);
    bool flattened = false;
    for (const auto& w : a.warnings) flattened = flattened || w.find("nested") != std::string::npos || w.find("16 MiB") != std::string::npos;
    CHECK(flattened);
}

TEST_CASE("robustness: deep nesting of inline and table elements", "[parser]") {
    for (const std::string open : {"<span>", "<b><i>", "<table><tr><td>", "<ul><li>", "<blockquote>", "<custom-el>"}) {
        INFO(open);
        std::string html = "<body>";
        for (int i = 0; i < 100000; ++i) html += open;
        html += "text at the bottom";
        const auto t0 = std::chrono::steady_clock::now();
        const Article a = extract_article(html, ExtractOptions{});
        check_valid(a);
        CHECK(seconds(t0) < 20.0);
    }
}

TEST_CASE("robustness: unclosed everything", "[parser]") {
    std::string html = "<html><head><title>Unclosed <meta name=description content=\"x";
    html += "<body><div class=article><p>First paragraph without an end <b>bold <i>italic <a href='/x'>link";
    for (int i = 0; i < 2000; ++i) html += "<p>Paragraph " + std::to_string(i) + ", still open, and <span>a span";
    html += "<script>var s = '</div>'; <!-- never closed";
    const Article a = extract_article(html, ExtractOptions{});
    check_valid(a);
}

TEST_CASE("robustness: pathological JSON-LD and attributes", "[parser]") {
    std::string html = "<html><head><script type=\"application/ld+json\">";
    for (int i = 0; i < 100000; ++i) html += "[";
    html += "</script><script type=application/ld+json>{\"headline\": \"a\\u12\", \"@type\": \"NewsArticle\", ";
    html += pseudo_random_bytes(5000, 9);
    html += "</script></head><body><div ";
    for (int i = 0; i < 20000; ++i) {
        const std::string n = std::to_string(i);
        html.append("a").append(n).append("=\"").append(n).append("\" ");
    }
    html += "><p>text</p></div></body></html>";
    check_valid(extract_article(html, ExtractOptions{}));
}

TEST_CASE("robustness: the prescan keeps what it must and drops what it may", "[parser]") {
    const auto pre = prescan_html(
        "<html><head><script>if (a < b) { document.write('</div><p>'); }</script>"
        "<style>p { color: red } </style>"
        "<script type=\"application/ld+json\">{\"headline\": \"H\"}</script>"
        "<SCRIPT>var s = \"</ScRiPt>\"; var t = 1;</SCRIPT >"
        "<!-- a comment <p>hidden</p> -->"
        "</head><body><p>Kept &amp; <b>well</b></p><svg><svg><path/></svg><text>icon</text></svg>"
        "<iframe src=x><p>fallback</p></iframe><textarea><script>not a script</script></textarea>"
        "<p title=\"a > b\" class=\"x > y\" data-track=\"1\">after</p>"
        "<select><option>Afghanistan</option></select><button><svg></svg>Share</button><button>unclosed"
        "</body></html>");
    CHECK(pre.json_ld.size() == 1);
    CHECK(pre.json_ld[0] == "{\"headline\": \"H\"}");
    CHECK(pre.html.find("document.write") == std::string::npos);
    CHECK(pre.html.find("color: red") == std::string::npos);
    CHECK(pre.html.find("\"; var t = 1;") != std::string::npos); // the HTML rule: the first </script ends it
    CHECK(pre.html.find("var s") == std::string::npos);
    CHECK(pre.html.find("a comment") == std::string::npos);
    CHECK(pre.html.find("<p>Kept &amp; <b>well</b></p>") != std::string::npos);
    CHECK(pre.html.find("icon") == std::string::npos);
    CHECK(pre.html.find("fallback") == std::string::npos);
    CHECK(pre.html.find("<script>not a script</script>") != std::string::npos);
    CHECK(pre.html.find("<p class=\"x > y\">after</p>") != std::string::npos); // only attributes the extractor reads
    CHECK(pre.html.find("Afghanistan") == std::string::npos);
    CHECK(pre.html.find("Share") == std::string::npos);
    CHECK(pre.html.find("<button>unclosed") != std::string::npos); // no end tag: left to the parser
}
