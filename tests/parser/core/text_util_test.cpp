#include <catch2/catch.hpp>

#include "parser/core/text_util.h"

using namespace rumorwatch;

TEST_CASE("text: UTF-8 validation and repair", "[parser]") {
    CHECK(text::is_valid_utf8("plain ascii"));
    CHECK(text::is_valid_utf8("中文 and \xF0\x9F\x98\x80"));
    CHECK(text::is_valid_utf8("\xEF\xBF\xBD")); // a real U+FFFD is fine
    CHECK_FALSE(text::is_valid_utf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(text::is_valid_utf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(text::is_valid_utf8("\xE4\xB8"));          // truncated
    CHECK_FALSE(text::is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    CHECK(text::make_valid_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(text::make_valid_utf8(std::string("a\0b", 3)) == "ab");
}

TEST_CASE("text: white space and invisible characters", "[parser]") {
    CHECK(text::collapse_space("  a \n\t b\xC2\xA0\xC2\xA0" "c  ") == "a b c");
    CHECK(text::collapse_space("zero\xE2\x80\x8Bwidth") == "zerowidth");              // U+200B
    CHECK(text::collapse_space("soft\xC2\xADhyphen") == "softhyphen");                 // U+00AD
    CHECK(text::collapse_space("\xEF\xBB\xBF" "bom") == "bom");                        // U+FEFF
    CHECK(text::collapse_space("wide\xE3\x80\x80space") == "wide space");              // U+3000
    CHECK(text::collapse_space("emoji \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x92\xBB") ==
          "emoji \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x92\xBB"); // ZWJ kept inside emoji
    CHECK(text::visible_length("中文 ab") == 4);
}

TEST_CASE("text: entities, terminal escapes, prefixes", "[parser]") {
    CHECK(text::decode_entities("a &amp; b &#39;c&#x27; &hellip; &bogus; &#0;") == "a & b 'c' \xE2\x80\xA6 &bogus; &#0;");
    CHECK(text::strip_controls("red \x1B[31mtext\x1B[0m and \x1B]0;title\x07 bell\x07 \xE2\x80\xAE") == "red text and  bell ");
    CHECK(text::strip_controls("line\nnext\ttab\r") == "line\nnext\ttab");
    CHECK(text::utf8_prefix("中文", 4) == "中");
    CHECK(text::ifind("Hello World", "WORLD") == 6);
    CHECK(text::istarts_with("By Jane", "by "));
}
