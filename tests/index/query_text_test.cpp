#include <catch2/catch.hpp>

#include "index/query_text.h"

using namespace rumorwatch::index_detail;

namespace {

const std::vector<std::vector<std::string>> kGroups = {
    {"Alibaba", "阿里巴巴", "阿里", "Qwen", "通义千问"},
    {"Apple", "苹果", "iPhone maker"},
};

} // namespace

TEST_CASE("expand: an alias becomes the field of its whole group", "[index]") {
    CHECK(expand_aliases("qwen", kGroups) == "rwalias:0");
    CHECK(expand_aliases("Alibaba deal", kGroups) == "rwalias:0 deal");
    CHECK(expand_aliases("阿里巴巴合作", kGroups) == "rwalias:0 合作"); // longest alias wins
    CHECK(expand_aliases("苹果阿里巴巴", kGroups) == "rwalias:1 rwalias:0");
    CHECK(expand_aliases("the iphone maker and qwen", kGroups) == "the rwalias:1 and rwalias:0");
    CHECK(expand_aliases("-qwen (apple OR x)", kGroups) == "-rwalias:0 (rwalias:1 OR x)");
}

TEST_CASE("expand: an alias that holds another of its group is not searched for", "[index]") {
    CHECK(essential_aliases({"Alibaba", "Alibaba Group", "阿里巴巴", "阿里", "Qwen", "通义千问"}) ==
          std::vector<std::string>{"alibaba", "阿里", "qwen", "通义千问"});
    CHECK(essential_aliases({"Apple", "Apple Inc.", "the iPhone maker", "苹果", "苹果公司"}) ==
          std::vector<std::string>{"apple", "the iphone maker", "苹果"});
    // Only whole words count for Latin aliases.
    CHECK(essential_aliases({"Apple", "Pineapple Corp"}) == std::vector<std::string>{"apple", "pineapple corp"});
}

TEST_CASE("expand: words that only contain an alias, quotes and fields are left alone", "[index]") {
    CHECK(expand_aliases("applesauce pineapple", kGroups) == "applesauce pineapple");
    CHECK(expand_aliases("\"apple pie\"", kGroups) == "\"apple pie\"");
    CHECK(expand_aliases("entity:apple", kGroups) == "entity:apple");
    CHECK(expand_aliases("apple*", kGroups) == "apple*");
    CHECK(expand_aliases("qwen", {}) == "qwen");
}

TEST_CASE("expand: operands of NEAR and ADJ are searched as written", "[index]") {
    // Xapian runs NEAR and ADJ over terms only; an alias group there failed the search
    // (found by fuzz_search with "qwen NEAR siri").
    CHECK(expand_aliases("qwen NEAR siri", kGroups) == "qwen NEAR siri");
    CHECK(expand_aliases("siri NEAR/3 qwen", kGroups) == "siri NEAR/3 qwen");
    CHECK(expand_aliases("(x ADJ apple) qwen", kGroups) == "(x ADJ apple) rwalias:0");
    CHECK(expand_aliases("apple NEAR qwen NEAR siri", kGroups) == "apple NEAR qwen NEAR siri");
    // The whole word stays: 阿里巴巴 must not become 阿里's group followed by 巴巴.
    CHECK(expand_aliases("阿里巴巴 NEAR apple", kGroups) == "阿里巴巴 NEAR apple");
    CHECK(expand_aliases("合作阿里巴巴 ADJ/2 x", kGroups) == "合作阿里巴巴 ADJ/2 x");
    // Words further away and lower-case "near" are not operands.
    CHECK(expand_aliases("qwen x NEAR y", kGroups) == "rwalias:0 x NEAR y");
    CHECK(expand_aliases("qwen near siri", kGroups) == "rwalias:0 near siri");
    // An operator glued to a CJK alias would be set apart by the expansion.
    CHECK(expand_aliases("阿里巴巴NEAR a b", kGroups) == "阿里巴巴NEAR a b");
    CHECK(expand_aliases("x ADJ/2苹果", kGroups) == "x ADJ/2苹果");
    CHECK(expand_aliases("阿里巴巴and x", kGroups) == "rwalias:0 and x");
}

TEST_CASE("expand: a CJK alias after Latin letters stands apart from them", "[index]") {
    CHECK(expand_aliases("x阿里巴巴", kGroups) == "x rwalias:0");
    CHECK(expand_aliases("ai苹果合作", kGroups) == "ai rwalias:1 合作");
}

TEST_CASE("expand: the alias field typed by hand is found", "[index]") {
    CHECK_FALSE(find_alias_field("qwen NEAR siri").has_value());
    const auto spot = find_alias_field("苹果 rwalias:0 NEAR a b");
    REQUIRE(spot.has_value());
    CHECK(spot->column == 4);
    CHECK(spot->what == "rwalias: is reserved for --expand");
}

TEST_CASE("syntax: CJK runs outside quotes go in brackets", "[index]") {
    CHECK(bracket_cjk_runs("apple 苹果 iphone") == "apple (苹果) iphone");
    CHECK(bracket_cjk_runs("apple 苹果iphone，阿里") == "apple (苹果)iphone(，阿里)");
    CHECK(bracket_cjk_runs("-苹果 OR +阿里巴巴") == "-(苹果) OR +(阿里巴巴)");
    CHECK(bracket_cjk_runs("a\xE3\x80\x80苹果") == "a\xE3\x80\x80(苹果)"); // ideographic space
    // Free-text fields take a bracketed value; boolean fields' values stay as written.
    CHECK(bracket_cjk_runs("x title:苹果 author:王") == "x title:(苹果) author:(王)");
    CHECK(bracket_cjk_runs("x entity:苹果 outlet:新华") == "x entity:苹果 outlet:新华");
    CHECK(bracket_cjk_runs("x site:www.例子.cn -host:新华.cn") == "x site:www.例子.cn -host:新华.cn");
    CHECK(bracket_cjk_runs("x -title:苹果 title:ai苹果") == "x -title:(苹果) title:ai苹果");
    // Quotes, wildcards and NEAR operands are left alone.
    CHECK(bracket_cjk_runs("x \"苹果 阿里\" y") == "x \"苹果 阿里\" y");
    CHECK(bracket_cjk_runs("x 苹果* y") == "x 苹果* y");
    CHECK(bracket_cjk_runs("x 苹果 NEAR y") == "x 苹果 NEAR y");
    CHECK(bracket_cjk_runs("apple iphone") == "apple iphone");
}

TEST_CASE("syntax: what NEAR and ADJ cannot take is found", "[index]") {
    CHECK_FALSE(find_proximity_error("apple NEAR iphone 苹果").has_value());
    CHECK_FALSE(find_proximity_error("z -a NEAR/3 title:b NEAR c (x ADJ y)").has_value());
    CHECK_FALSE(find_proximity_error("\"苹果 NEAR 阿里\" apple").has_value()); // inside quotes
    const auto cjk = find_proximity_error("apple 苹果 NEAR iphone");
    REQUIRE(cjk.has_value());
    CHECK(cjk->column == 7);
    CHECK(cjk->what == "NEAR takes single words, not CJK text, which Xapian reads as character pairs; "
                       "search it as a phrase in quotes instead");
    CHECK(find_proximity_error("x ADJ/2 阿里巴巴")->column == 9);
    CHECK(find_proximity_error("\"a b\" NEAR c")->what == "NEAR takes single words, not a phrase");
    CHECK(find_proximity_error("(a OR b) NEAR c")->what == "NEAR takes single words, not a bracketed group");
    CHECK(find_proximity_error("launch* NEAR c")->what == "NEAR takes single words, not a wildcard");
    CHECK(find_proximity_error("a NEAR outlet:x")->what == "NEAR takes single words, not a filter");
    CHECK(find_proximity_error("a NEAR -b")->column == 8);
    CHECK(find_proximity_error("a NEAR b NEAR")->what == "NEAR needs a word on both sides");
    CHECK(find_proximity_error("(NEAR b)")->column == 2);
    CHECK(find_proximity_error("a NEAR NEAR b")->what == "NEAR takes single words, not an operator");
    CHECK(find_proximity_error("a NEAR b ADJ c")->what == "NEAR and ADJ cannot be mixed in one chain of words");
    CHECK_FALSE(find_proximity_error("a NEAR b c ADJ d").has_value()); // two chains
    // Punctuation breaks words as Xapian's parser sees them.
    CHECK(find_proximity_error("阿里巴巴 NEAR[apple=")->column == 1);
    CHECK(bracket_proximity_chains("x a NEAR[b] y") == "x (a NEAR[b)] y"); // "]" is a break
}

TEST_CASE("syntax: NEAR and ADJ chains go in brackets", "[index]") {
    CHECK(bracket_proximity_chains("launch NEAR delayed") == "(launch NEAR delayed)");
    CHECK(bracket_proximity_chains("z launch NEAR delayed y") == "z (launch NEAR delayed) y");
    CHECK(bracket_proximity_chains("-a NEAR/3 b NEAR c x") == "-(a NEAR/3 b NEAR c) x");
    CHECK(bracket_proximity_chains("a ADJ b c NEAR d") == "(a ADJ b) (c NEAR d)");
    CHECK(bracket_proximity_chains("(x OR a NEAR b)") == "(x OR (a NEAR b))");
    CHECK(bracket_proximity_chains("\"a NEAR b\" c") == "\"a NEAR b\" c");
    CHECK(bracket_proximity_chains("a near b") == "a near b");
}

TEST_CASE("syntax: a byte that is not UTF-8 is found by its column", "[index]") {
    CHECK_FALSE(find_invalid_utf8("阿里巴巴 apple").has_value());
    CHECK_FALSE(find_invalid_utf8("").has_value());
    CHECK_FALSE(find_invalid_utf8("\xEF\xBF\xBD").has_value()); // a real U+FFFD is text
    const auto latin1 = find_invalid_utf8("caf\xE9 apple");          // ISO-8859-1 é
    REQUIRE(latin1.has_value());
    CHECK(latin1->column == 4);
    CHECK(latin1->what == "this byte is not UTF-8");
    // Columns count characters before it, and one per earlier bad byte.
    CHECK(find_invalid_utf8("苹果 \xFF")->column == 4);
    CHECK(find_invalid_utf8("\x80\x80x\xC0")->column == 1);
    // Truncated and overlong sequences, surrogates.
    CHECK(find_invalid_utf8("ab\xE9\x98")->column == 3);
    CHECK(find_invalid_utf8("\xC0\xAF").has_value());
    CHECK(find_invalid_utf8("\xED\xA0\x80").has_value());
}

TEST_CASE("syntax: control characters become spaces", "[index]") {
    CHECK(blank_control_characters(std::string("a\0b\vc\x7F\td", 8)) == "a b c  d");
    CHECK(blank_control_characters("阿里巴巴\napple") == "阿里巴巴 apple");
}

TEST_CASE("syntax: the position of a malformed query's error", "[index]") {
    CHECK(locate_syntax_error("apple AND").column == 7);
    CHECK(locate_syntax_error("apple AND").what == "AND needs a term on both sides");
    CHECK(locate_syntax_error("OR apple").column == 1);
    CHECK(locate_syntax_error("apple AND OR pear").column == 11);
    CHECK(locate_syntax_error("apple AND NOT pear").what == "the query ends too early"); // valid
    CHECK(locate_syntax_error("(apple OR pear").column == 1);
    CHECK(locate_syntax_error("(apple OR pear").what == "this bracket is never closed");
    CHECK(locate_syntax_error("apple) pear").column == 6);
    CHECK(locate_syntax_error("apple \"pear").column == 7);
    CHECK(locate_syntax_error("苹果 AND").column == 4); // columns count characters, not bytes
    CHECK(locate_syntax_error("apple NOT").what == "NOT needs a term after it");
    CHECK(locate_syntax_error("a NEAR/3").column == 3);
}
