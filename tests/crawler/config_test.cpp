#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "crawler/config.h"
#include "parser/core/core.h"

using namespace rumorwatch;

namespace {

const char* kValid = R"json({
  "user_agent": "rumorwatch-test/1.0 (+https://example.org/contact)",
  "outlets": [
    {
      "id": "pacific-wire",
      "name": "Pacific Wire",
      "home": "https://www.example-wire.com/",
      "feeds": ["https://www.example-wire.com/rss/tech.xml"],
      "sitemaps": ["https://www.example-wire.com/sitemap-news.xml"],
      "allow": ["^https://www\\.example-wire\\.com/\\d{4}/"],
      "language": "en",
      "date_order": "mdy",
      "timezone": "America/New_York",
      "tier": "wire",
      "min_delay_ms": 1000,
      "max_connections": 2,
      "max_pages": 2000
    }
  ]
})json";

std::string error_of(const std::string& text) {
    try {
        parse_config(text, "outlets.json");
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("config: the design card's example loads with every field", "[parser]") {
    const CrawlConfig c = parse_config(kValid, "outlets.json");
    REQUIRE(c.outlets.size() == 1);
    const Outlet& o = c.outlets[0];
    CHECK(c.user_agent == "rumorwatch-test/1.0 (+https://example.org/contact)");
    CHECK(o.id == "pacific-wire");
    CHECK(o.feeds == std::vector<std::string>{"https://www.example-wire.com/rss/tech.xml"});
    CHECK(o.date_order == DateOrder::mdy);
    CHECK(o.tier == OutletTier::wire);
    CHECK(o.timezone == "America/New_York");
    CHECK(o.max_pages == 2000);
}

TEST_CASE("config: a syntax error names the file and the line", "[parser]") {
    const std::string broken = "{\n  \"outlets\": [\n    {\"id\": \"a\",,}\n  ]\n}\n";
    const std::string message = error_of(broken);
    CHECK_THAT(message, Catch::StartsWith("outlets.json:3:"));
    CHECK_THAT(message, Catch::Contains("syntax error"));
}

TEST_CASE("config: field errors name the outlet and the field", "[parser]") {
    struct Case {
        std::string from, to, expected;
    };
    const Case cases[] = {
        {"\"tier\": \"wire\"", "\"tier\": \"tabloid\"", "outlet \"pacific-wire\": field \"tier\""},
        {"\"date_order\": \"mdy\"", "\"date_order\": \"dm\"", "field \"date_order\""},
        {"\"max_pages\": 2000", "\"max_pages\": \"many\"", "field \"max_pages\": expected a whole number"},
        {"\"language\": \"en\"", "\"langauge\": \"en\"", "field \"langauge\": unknown field"},
        {"\"home\": \"https://www.example-wire.com/\"", "\"home\": \"ftp://x/\"", "field \"home\""},
        {"\\\\d{4}/", "(\\\\d{4}/", "field \"allow\""},
        // RE2 matches the patterns: what it cannot take (lookahead, backreference) is refused.
        {"\\\\d{4}/", "(?=\\\\d{4}/)", "field \"allow\": \"^https://www\\.example-wire\\.com/(?="},
        {"\\\\d{4}/", "(\\\\d)\\\\1/", "is not a regular expression RE2 accepts"},
        {"\"id\": \"pacific-wire\",", "", "field \"id\": is required"},
    };
    for (const auto& c : cases) {
        std::string text = kValid;
        const auto at = text.find(c.from);
        REQUIRE(at != std::string::npos);
        text.replace(at, c.from.size(), c.to);
        INFO(c.to);
        CHECK_THAT(error_of(text), Catch::Contains(c.expected) && Catch::StartsWith("outlets.json: "));
    }
}

TEST_CASE("config: duplicate outlet ids are rejected", "[parser]") {
    const std::string one = R"({"id": "a", "home": "http://a.example/", "language": "en"})";
    CHECK_THAT(error_of("{\"outlets\": [" + one + "," + one + "]}"), Catch::Contains("appears twice"));
}

// Regression (issue 17, finding 13): each of these loaded before, silently.
TEST_CASE("config: what the loader once accepted is refused with file and field", "[parser]") {
    struct Case {
        std::string from, to, expected;
    };
    const Case cases[] = {
        {"\"home\": \"https://www.example-wire.com/\"", "\"home\": \"https://www.example-wire.com:99999/\"",
         "outlet \"pacific-wire\": field \"home\""},
        {"\"feeds\": [\"https://www.example-wire.com/", "\"feeds\": [\"http://www.example-wire.com:65536/",
         "field \"feeds\""},
        {"\"timezone\": \"America/New_York\"", "\"timezone\": \"Mars/Olympus_Mons\"", "field \"timezone\""},
        {"rumorwatch-test/1.0", "rumorwatch-test/1.0" + std::string(1100, 'x'), "field \"user_agent\": is longer"},
        {"rumorwatch-test/1.0", "rumorwatch\\u0000test", "field \"user_agent\""},
        {"rumorwatch-test/1.0", "rumorwatch\\u001b]0;pwned\\u0007", "field \"user_agent\""},
        {"\"tier\": \"wire\",", "\"tier\": \"wire\", \"tier\": \"blog\",", "field \"tier\": appears twice"},
        {"\"user_agent\"", "\"outlets\": [], \"user_agent\"", "field \"outlets\": appears twice"},
    };
    for (const auto& c : cases) {
        std::string text = kValid;
        const auto at = text.find(c.from);
        REQUIRE(at != std::string::npos);
        text.replace(at, c.from.size(), c.to);
        INFO(c.to.substr(0, 80));
        CHECK_THAT(error_of(text), Catch::Contains(c.expected) && Catch::StartsWith("outlets.json: "));
    }
    CHECK_THAT(error_of(R"({"outlets": []})"), Catch::StartsWith("outlets.json: field \"outlets\": is empty"));
    CHECK_NOTHROW(parse_config(R"({"outlets": [{"id": "a", "home": "http://a.example:8080/", "language": "en",
                                   "timezone": "UTC"}]})", "outlets.json"));
}
