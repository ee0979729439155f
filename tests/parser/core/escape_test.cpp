#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "parser/core/core.h"

using namespace rumorwatch;

TEST_CASE("escape: terminal text loses escape sequences and controls, keeps text", "[query]") {
    CHECK(terminal_escape("plain 文字") == "plain 文字");
    CHECK(terminal_escape("red\x1b[31mALERT\x1b[0m") == "redALERT");
    CHECK(terminal_escape("title\x1b]0;pwned\x07 end") == "title end");     // OSC set-title
    CHECK(terminal_escape("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b") == "alinkb"); // OSC 8 hyperlink
    CHECK(terminal_escape("x\x1b" "cy") == "xy");                             // ESC c: reset
    CHECK(terminal_escape("bell\x07 nul\x01 del\x7f") == "bell nul del");
    CHECK(terminal_escape("c1\xc2\x9b" "31m") == "c131m"); // C1 CSI dropped; its parameters are inert
    CHECK(terminal_escape("safe\xe2\x80\xae" "evil") == "safeevil");           // U+202E RLO
    CHECK(terminal_escape("bad \xff\xfe utf8") == "bad \xEF\xBF\xBD\xEF\xBF\xBD utf8");
    CHECK(terminal_escape("two\nlines\tand\r\n") == "two lines and ");
    CHECK(terminal_escape("two\nlines", true) == "two\nlines");
    CHECK(terminal_line("  a \n\n b\t c  ") == "a b c");
    CHECK(terminal_escape("trail\x1b[") == "trail");
}

TEST_CASE("escape: CSV fields follow RFC 4180", "[query]") {
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("line\nbreak") == "\"line\nbreak\"");
    CHECK(csv_field(" padded") == "\" padded\"");
    CHECK(csv_field("") == "");
    CHECK(csv_field("阿里巴巴") == "阿里巴巴");
    CHECK(csv_row({"1", "a,b", ""}) == "1,\"a,b\",\r\n");
}

// Regression (issue 9): a crawled title such as =HYPERLINK(...) ran as a formula when the
// CSV export was opened in a spreadsheet.
TEST_CASE("escape: CSV cells that a spreadsheet would run are defused", "[query][hostile]") {
    CHECK(csv_field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_field("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0");
    CHECK(csv_field("-2+3") == "'-2+3");
    CHECK(csv_field("\tx") == "'\tx");
    CHECK(csv_field("-12") == "-12");
    CHECK(csv_field("+3.5") == "+3.5");
    CHECK(csv_field("a=b") == "a=b");
}

TEST_CASE("escape: HTML and XML", "[query]") {
    CHECK(html_escape("<script>alert('x')</script> & \"q\"") ==
          "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    CHECK(xml_escape("a\x01" "b\x0b" "c\td\xef\xbf\xbe") == "abc\td");
    CHECK(html_escape("\xff") == "\xEF\xBF\xBD");
    // Regression (issue 9): ESC and BEL once passed into the HTML timeline.
    CHECK(html_escape("a\x1b[31mb\x07" "c\td\n\xc2\x9b") == "a[31mbc\td\n");
}

TEST_CASE("escape: JSON output never throws on broken UTF-8", "[query]") {
    const nlohmann::json j = {{"title", std::string("bad \xff")}};
    CHECK(json_dump(j, -1) == "{\"title\":\"bad \xEF\xBF\xBD\"}");
    CHECK(json_dump(nlohmann::json{{"s", "\x1b[31m"}}, -1) == "{\"s\":\"\\u001b[31m\"}");
}

TEST_CASE("escape: marked snippets rendered for each medium", "[query]") {
    const std::string marked = "Apple and \x01" "Alibaba\x02 <b>talk</b>, \x01阿里\x02";
    auto term = [](std::string_view s) { return terminal_escape(s); };
    CHECK(render_marked(marked, '\x01', '\x02', "[", "]", term) == "Apple and [Alibaba] <b>talk</b>, [阿里]");
    auto html = [](std::string_view s) { return html_escape(s); };
    CHECK(render_marked(marked, '\x01', '\x02', "<mark>", "</mark>", html) ==
          "Apple and <mark>Alibaba</mark> &lt;b&gt;talk&lt;/b&gt;, <mark>阿里</mark>");
    const auto spans = marked_spans(marked, '\x01', '\x02');
    CHECK(spans.plain == "Apple and Alibaba <b>talk</b>, 阿里");
    CHECK(spans.spans == std::vector<std::pair<std::size_t, std::size_t>>{{10, 17}, {31, 33}});
    // Hostile text cannot forge a highlight: markers inside pieces are the index's only.
    CHECK(render_marked("\x01open", '\x01', '\x02', "[", "]", term) == "[open]");
}

TEST_CASE("escape: messages show controls as escapes, on one line", "[query][hostile]") {
    CHECK(message_escape("plain 文字 \"x\"") == "plain 文字 \"x\"");
    CHECK(message_escape("a\x1b]0;pwned\x07z") == "a\\x1B]0;pwned\\x07z");
    CHECK(message_escape("two\nlines\ttab\r") == "two\\x0Alines\\x09tab\\x0D");
    CHECK(message_escape("c1\xc2\x9b" "31m") == "c1\\u{009B}31m");
    CHECK(message_escape("safe\xe2\x80\xae" "evil") == "safe\\u{202E}evil");
    CHECK(message_escape("bad \xff utf8 \x7f") == "bad \\xFF utf8 \\x7F");
}
