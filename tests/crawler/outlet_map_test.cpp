/// \file
/// Outlet lookup, scope and the crawlable form of URLs.
#include <catch2/catch.hpp>

#include "crawler/outlet_map.h"

using namespace rumorwatch;

namespace {

Outlet wire() {
    Outlet o;
    o.id = "wire";
    o.home = "https://wire.example/";
    o.feeds = {"https://feeds.wire.example/rss.xml"};
    o.allow = {"^https://wire\\.example/(news|business)/.+"};
    return o;
}

} // namespace

TEST_CASE("outlet map: allow patterns and the outlet's own hosts decide the scope", "[crawler]") {
    const OutletMap map({wire()});
    const Outlet& o = map.outlets()[0];
    CHECK(map.allows(o, "https://wire.example/news/a.html"));
    CHECK_FALSE(map.allows(o, "https://wire.example/about"));
    CHECK_FALSE(map.allows(o, "https://other.example/news/a.html"));
    CHECK(map.on_outlet_host(o, "https://feeds.wire.example/other.xml"));
    CHECK_FALSE(map.on_outlet_host(o, "https://other.example/"));
    CHECK(map.outlet_for("https://wire.example/news/a.html") == &o);
    CHECK(map.outlet_for("https://elsewhere.example/news/a.html") == nullptr);
}

// Regression (issue 9): a 50 KB link went straight into std::regex_search, which recurses
// per character and overflowed the stack.
TEST_CASE("outlet map: a hostile 50 KB URL is refused, not matched", "[crawler][hostile]") {
    const OutletMap map({wire()});
    const std::string huge = "https://wire.example/news/" + std::string(50'000, 'a');
    CHECK(crawl_url(huge).empty());
    CHECK_FALSE(map.allows(map.outlets()[0], huge));
    CHECK(map.outlet_for(huge) == &map.outlets()[0]); // still the wire's host, by host key
    const std::string longest = "https://wire.example/news/" + std::string(kMaxCrawlUrlBytes - 26, 'b');
    REQUIRE(longest.size() == kMaxCrawlUrlBytes);
    CHECK(crawl_url(longest) == longest);
    CHECK(map.allows(map.outlets()[0], longest));
}

// Regression (issue 17, finding 2): std::regex took this pattern and URL to 100% CPU for
// over ten minutes (the test's CTest TIMEOUT ends it on such code); RE2 is linear.
TEST_CASE("outlet map: a catastrophic allow pattern is matched at once", "[crawler]") {
    Outlet o = wire();
    o.allow = {"^http://x/(a+)+$"};
    const OutletMap map({o});
    const std::string hostile = "http://x/" + std::string(40, 'a') + "!";
    CHECK_FALSE(map.allows(map.outlets()[0], hostile));
    CHECK(map.allows(map.outlets()[0], "http://x/" + std::string(40, 'a')));
    CHECK(map.outlet_for(hostile) != &map.outlets()[0]);
}

TEST_CASE("outlet map: a pattern RE2 cannot take is refused with the outlet and field", "[crawler]") {
    Outlet o = wire();
    o.allow = {"^https://wire\\.example/(a)\\1"};
    CHECK_THROWS_WITH(OutletMap({o}), Catch::Contains("outlet \"wire\": field \"allow\""));
}
