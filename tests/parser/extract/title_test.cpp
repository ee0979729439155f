#include <catch2/catch.hpp>

#include "parser/extract/title.h"

using namespace rumorwatch;

TEST_CASE("title: the site name is stripped from <title>", "[parser]") {
    const std::vector<std::string> site = {"CircuitBeat"};
    CHECK(strip_site_name("Apple picks Alibaba | CircuitBeat", site) == "Apple picks Alibaba");
    CHECK(strip_site_name("Apple picks Alibaba - CircuitBeat", site) == "Apple picks Alibaba");
    CHECK(strip_site_name("Apple picks Alibaba – CircuitBeat", site) == "Apple picks Alibaba");
    CHECK(strip_site_name("Apple picks Alibaba — CircuitBeat.com", site) == "Apple picks Alibaba");
    CHECK(strip_site_name("CircuitBeat: Apple picks Alibaba for China", site) == "Apple picks Alibaba for China");
    CHECK(strip_site_name("Apple picks Alibaba | Tech | CircuitBeat", site) == "Apple picks Alibaba");
    CHECK(strip_site_name("苹果选择阿里巴巴_华玲科技", {"华玲科技"}) == "苹果选择阿里巴巴");
    CHECK(strip_site_name("苹果选择阿里巴巴｜华玲科技", {"华玲科技"}) == "苹果选择阿里巴巴");
    CHECK(strip_site_name("苹果选择阿里巴巴 - 华玲科技网", {"华玲科技"}) == "苹果选择阿里巴巴");
    // A dash inside the headline stays when it is not followed by the site.
    CHECK(strip_site_name("Apple - Alibaba talks stall, sources say", site) == "Apple - Alibaba talks stall, sources say");
    CHECK(strip_site_name("Q&A: what the Apple-Alibaba deal means", site) == "Q&A: what the Apple-Alibaba deal means");
    // Unknown site: a short trailing segment after a strong separator goes.
    CHECK(strip_site_name("Apple picks Alibaba for iPhone AI in China | Example Times", {}) ==
          "Apple picks Alibaba for iPhone AI in China");
}

TEST_CASE("title: candidates are chosen by agreement", "[parser]") {
    TitleCandidates c;
    c.site_names = {"CircuitBeat"};
    c.og = "Apple picks Alibaba to power iPhone AI in China";
    c.h1s = {"CircuitBeat", "Apple picks Alibaba to power iPhone AI in China"};
    c.title_tag = "Apple picks Alibaba to power iPhone AI in China | CircuitBeat";
    c.json_ld = "Apple Alibaba AI deal: everything you need to know"; // an SEO headline alone
    TitleChoice t = choose_title(c);
    CHECK(t.title == "Apple picks Alibaba to power iPhone AI in China");
    CHECK(t.source == "og:title");

    TitleCandidates d;
    d.json_ld = "Apple picks Alibaba to power iPhone AI in China, sources familiar with the...";
    d.h1s = {"Apple picks Alibaba to power iPhone AI in China, sources familiar with the matter say"};
    t = choose_title(d);
    CHECK(t.title == d.h1s[0]); // the truncated JSON-LD headline yields to the full one
    CHECK(t.source == "h1");

    TitleCandidates e;
    e.title_tag = "Only a title tag - Some Site";
    t = choose_title(e);
    CHECK(t.title == "Only a title tag");
    CHECK(t.source == "title");

    CHECK(choose_title(TitleCandidates{}).title.empty());
}
