#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "parser/extract/json_ld.h"
#include "parser/extract/lenient_json.h"

using namespace rumorwatch;

TEST_CASE("json-ld: lenient parsing of what pages ship", "[parser]") {
    CHECK(parse_lenient_json(R"({"a": 1, "b": [1, 2,],})").size() == 1);
    CHECK(parse_lenient_json("// comment\n{\"a\": /* inline */ 1}").size() == 1);
    CHECK(parse_lenient_json("<!--\n{\"a\": 1}\n-->").size() == 1);
    CHECK(parse_lenient_json("//<![CDATA[\n{\"a\": 1}\n//]]>").size() == 1);
    CHECK(parse_lenient_json("{\"a\": 1}{\"b\": 2}").size() == 2);
    CHECK(parse_lenient_json("{\"a\": 1},\n{\"b\": 2};").size() == 2);
    CHECK(parse_lenient_json("{&quot;a&quot;: &quot;x &amp; y&quot;}").at(0)["a"] == "x & y");
    const auto raw_newline = parse_lenient_json("{\"body\": \"line one\nline\ttwo\", \"q\": \"it\\'s\"}");
    REQUIRE(raw_newline.size() == 1);
    CHECK(raw_newline[0]["body"] == "line one\nline\ttwo");
    CHECK(raw_newline[0]["q"] == "it's");
    CHECK(parse_lenient_json("{\"url\": \"https://a.example/x\"} // trailing").size() == 1);
    CHECK(parse_lenient_json("{\"a\": {\"b\": 1}").size() == 1); // truncated: closed for it
    CHECK(parse_lenient_json("not json at all").empty());
    CHECK(parse_lenient_json(std::string(1000, '[')).empty());
}

TEST_CASE("json-ld: the article object is found in @graph, lists and references", "[parser]") {
    const std::string graph = R"({
      "@context": "https://schema.org",
      "@graph": [
        {"@type": "WebSite", "@id": "https://x.example/#site", "name": "Example Times"},
        {"@type": "WebPage", "@id": "https://x.example/a#page", "datePublished": "2025-02-10"},
        {"@type": ["NewsArticle", "Article"], "headline": "Apple picks Alibaba &amp; more",
         "datePublished": "2025-02-11T08:00:00-05:00", "dateModified": "2025-02-12T09:00:00-05:00",
         "author": [{"@id": "https://x.example/#/person/1"}, {"@type": "Organization", "name": "Example Wire"}],
         "publisher": {"@type": "NewsMediaOrganization", "name": "Example Times"},
         "articleSection": ["Technology", "Asia"], "keywords": "Apple, Alibaba,AI",
         "image": {"@type": "ImageObject", "url": "https://x.example/i.jpg"},
         "inLanguage": "en-US", "mainEntityOfPage": {"@id": "https://x.example/a"},
         "articleBody": "Para one.\n\nPara two."},
        {"@type": "Person", "@id": "https://x.example/#/person/1", "name": "Jane Doe"},
      ]
    })";
    const JsonLdArticle a = read_json_ld({graph});
    REQUIRE(a.found);
    CHECK(a.type == "NewsArticle");
    CHECK(a.headline == "Apple picks Alibaba & more");
    CHECK(a.date_published == "2025-02-11T08:00:00-05:00");
    CHECK(a.date_modified == "2025-02-12T09:00:00-05:00");
    REQUIRE(a.authors.size() == 2);
    CHECK(a.authors[0] == PersonName{"Jane Doe", false});
    CHECK(a.authors[1] == PersonName{"Example Wire", true});
    CHECK(a.publisher == "Example Times");
    CHECK(a.site_name == "Example Times");
    CHECK(a.section == "Technology");
    CHECK(a.keywords == std::vector<std::string>{"Apple", "Alibaba", "AI"});
    CHECK(a.image == "https://x.example/i.jpg");
    CHECK(a.language == "en-US");
    CHECK(a.url == "https://x.example/a");
    CHECK(a.article_body == "Para one.\n\nPara two.");
}

TEST_CASE("json-ld: several blocks, related articles in lists are not the article", "[parser]") {
    const std::string breadcrumbs = R"({"@type": "BreadcrumbList", "itemListElement": []})";
    const std::string list = R"({"@type": "ItemList", "itemListElement": [
        {"@type": "ListItem", "item": {"@type": "NewsArticle", "headline": "Related story", "datePublished": "2020-01-01"}}]})";
    const std::string article = R"({"@type": "BlogPosting", "headline": "The post", "author": "Jane Doe and John Roe"})";
    const JsonLdArticle a = read_json_ld({breadcrumbs, list, article, "{broken"});
    CHECK(a.found);
    CHECK(a.headline == "The post");
    CHECK(a.blocks == 4);
    REQUIRE(a.authors.size() == 1);
    CHECK(a.authors[0].name == "Jane Doe and John Roe"); // split later, with the other bylines
    CHECK_FALSE(read_json_ld({}).found);
    CHECK(read_json_ld({"garbage"}).unreadable_blocks == 1);
}
