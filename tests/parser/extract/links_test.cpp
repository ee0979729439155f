/// \file
/// Link extraction from HTML pages.
#include <catch2/catch.hpp>

#include "parser/extract/links.h"

using namespace rumorwatch;

TEST_CASE("links: resolved, canonical, deduplicated, non-web schemes dropped", "[parser]") {
    const auto page = extract_links(R"html(<html><head>
        <link rel="canonical" href="/2025/02/11/story/?utm_source=x">
      </head><body>
        <a href="/2025/02/11/story/#comments">Story</a>
        <a href="2025/02/12/next">Next <b>one</b></a>
        <a href="https://Other.Example:443/a?b=2&a=1&utm_medium=email">Other</a>
        <a href="javascript:void(0)">js</a><a href="mailto:x@y.example">mail</a>
        <a href="/2025/02/11/story/">Again</a>
        <a rel="nofollow sponsored" href="/ad">Ad</a>
        <a>no href</a>
        <map><area href="/area"></map>
      </body></html>)html",
                                    "http://www.w.example/tech/");
    CHECK(page.canonical == "http://www.w.example/2025/02/11/story/");
    REQUIRE(page.links.size() == 5);
    CHECK(page.links[0].url == "http://www.w.example/2025/02/11/story/");
    CHECK(page.links[0].text == "Story");
    CHECK(page.links[1].url == "http://www.w.example/tech/2025/02/12/next");
    CHECK(page.links[1].text == "Next one");
    CHECK(page.links[2].url == "https://other.example/a?a=1&b=2");
    CHECK(page.links[3].url == "http://www.w.example/ad");
    CHECK(page.links[3].nofollow);
    CHECK_FALSE(page.links[0].nofollow);
    CHECK(page.links[4].url == "http://www.w.example/area");
}

TEST_CASE("links: <base href> changes what relative links resolve against", "[parser]") {
    const auto page = extract_links(R"(<head><base href="http://cdn.w.example/news/"></head>
        <body><a href="a.html">a</a></body>)",
                                    "http://www.w.example/x/y");
    REQUIRE(page.links.size() == 1);
    CHECK(page.links[0].url == "http://cdn.w.example/news/a.html");
}

TEST_CASE("links: broken markup still yields its links", "[parser]") {
    const auto page = extract_links("<div><a href='/one'>one<a href=/two>two</div></span><p><a href=\"/three",
                                    "http://w.example/");
    REQUIRE(page.links.size() >= 2);
    CHECK(page.links[0].url == "http://w.example/one");
    CHECK(page.links[1].url == "http://w.example/two");
    CHECK(extract_links("", "http://w.example/").links.empty());
}

// Regression (issue 16): link extraction had its own Gumbo parse without the nesting guard
// and a recursive walk; a 3.3 MB home page of 300,000 nested <div>s kept `crawl --once` busy
// for over 5 minutes (and can overflow a worker's stack). The test harness's time limit
// bounds it; the check is that the links are still found.
TEST_CASE("links: a home page of 300,000 nested <div>s still gives its links", "[parser][hostile]") {
    std::string html = "<html><head><title>Home</title></head><body>"
                       "<a href=\"/news/first\">First</a>";
    html.reserve(3'500'000);
    for (int i = 0; i < 300'000; ++i) html += "<div>";
    html += "<a href=\"/news/deep\">Deep story</a>";
    for (int i = 0; i < 300'000; ++i) html += "</div>";
    html += "<a href=\"/news/last\">Last</a></body></html>";
    const PageLinks page = extract_links(html, "http://www.example.com/");
    std::vector<std::string> urls;
    for (const auto& l : page.links) urls.push_back(l.url);
    CHECK(urls == std::vector<std::string>{"http://www.example.com/news/first", "http://www.example.com/news/deep",
                                           "http://www.example.com/news/last"});
    CHECK(page.links[1].text == "Deep story");
}
