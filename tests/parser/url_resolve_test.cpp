#include <catch2/catch.hpp>

#include "parser/url_resolve.h"

using namespace rumorwatch;

TEST_CASE("url: references are resolved against the page", "[parser]") {
    const std::string base = "https://www.example.com/news/2025/02/13/story.html?x=1#top";
    CHECK(resolve_url(base, "https://Other.COM/a#frag") == "https://other.com/a");
    CHECK(resolve_url(base, "//cdn.example.com/i.jpg") == "https://cdn.example.com/i.jpg");
    CHECK(resolve_url(base, "/canonical/story") == "https://www.example.com/canonical/story");
    CHECK(resolve_url(base, "other.html") == "https://www.example.com/news/2025/02/13/other.html");
    CHECK(resolve_url(base, "../12/older.html") == "https://www.example.com/news/2025/02/12/older.html");
    CHECK(resolve_url(base, "?page=2") == "https://www.example.com/news/2025/02/13/story.html?page=2");
    CHECK(resolve_url(base, "#comments") == "https://www.example.com/news/2025/02/13/story.html?x=1");
    CHECK(resolve_url(base, "http://www.example.com:80/a/./b/../c") == "http://www.example.com/a/c");
    CHECK(resolve_url(base, "  https://www.example.com/spaced  ") == "https://www.example.com/spaced");
    CHECK(resolve_url(base, "javascript:void(0)") == "");
    CHECK(resolve_url(base, "data:image/png;base64,AAAA") == "");
    CHECK(resolve_url(base, "") == "");
    CHECK(resolve_url("", "/relative") == "");
    CHECK(resolve_url("", "https://ok.example/") == "https://ok.example/");
}
