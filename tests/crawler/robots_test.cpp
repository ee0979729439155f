/// \file
/// robots.txt (RFC 9309): groups, longest match, wildcards, encoding, delays, sitemaps,
/// garbage, the size cap and the fetch-status policy, as tables of cases.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "crawler/robots.h"

using namespace rumorwatch;
using std::chrono::milliseconds;

namespace {

constexpr const char* kAgent = "rumorwatch/1.0 (+https://example.org/contact)";

struct Case {
    const char* robots;
    const char* path;
    bool allowed;
};

void check_cases(const std::vector<Case>& cases, const char* agent = kAgent) {
    for (const auto& c : cases) {
        INFO("robots.txt:\n" << c.robots << "\npath: " << c.path << "\nagent: " << agent);
        CHECK(parse_robots(c.robots, agent).allowed(c.path) == c.allowed);
    }
}

} // namespace

TEST_CASE("robots: product token from a User-Agent string", "[parser]") {
    CHECK(robots_product_token(kAgent) == "rumorwatch");
    CHECK(robots_product_token("rumorwatch-demo/0.1 (+https://example.org/rumorwatch)") == "rumorwatch-demo");
    CHECK(robots_product_token("  Googlebot/2.1") == "googlebot");
    CHECK(robots_product_token("Mozilla/5.0 (compatible)") == "mozilla");
    CHECK(robots_product_token("").empty());
}

TEST_CASE("robots: the group for our product token, else *, else nothing", "[parser]") {
    const char* two_groups =
        "User-agent: *\n"
        "Disallow: /private\n"
        "\n"
        "User-agent: rumorwatch\n"
        "Disallow: /rw-only\n";
    check_cases({
        {two_groups, "/private/x", true}, // our group replaces the * group entirely
        {two_groups, "/rw-only/x", false},
        {two_groups, "/", true},
    });
    check_cases({
        {two_groups, "/private/x", false},
        {two_groups, "/rw-only/x", true},
    }, "otherbot/3.0");
    check_cases({
        // Agent names are case-insensitive, and so are the keys.
        {"USER-AGENT: RumorWatch\nDISALLOW: /x\n", "/x", false},
        // Several User-agent lines open one group.
        {"User-agent: a\nUser-agent: rumorwatch\nUser-agent: b\nDisallow: /x\n", "/x", false},
        // Two groups for the same agent are merged.
        {"User-agent: rumorwatch\nDisallow: /a\n\nUser-agent: other\nDisallow: /b\n\n"
         "User-agent: rumorwatch\nDisallow: /c\n", "/c", false},
        {"User-agent: rumorwatch\nDisallow: /a\n\nUser-agent: other\nDisallow: /b\n\n"
         "User-agent: rumorwatch\nDisallow: /c\n", "/a", false},
        {"User-agent: rumorwatch\nDisallow: /a\n\nUser-agent: other\nDisallow: /b\n\n"
         "User-agent: rumorwatch\nDisallow: /c\n", "/b", true},
        // The value's product token is what counts: a version after it is fine...
        {"User-agent: rumorwatch/2.0\nDisallow: /x\n", "/x", false},
        // ...but a longer token is another crawler, and the * group applies.
        {"User-agent: rumorwatch-news\nDisallow: /x\nUser-agent: *\nDisallow: /y\n", "/x", true},
        {"User-agent: rumorwatch-news\nDisallow: /x\nUser-agent: *\nDisallow: /y\n", "/y", false},
        // No group for us and no * group: everything is allowed.
        {"User-agent: otherbot\nDisallow: /\n", "/anything", true},
        // Rules before any User-agent line belong to no group.
        {"Disallow: /\nUser-agent: *\nDisallow: /x\n", "/y", true},
        // A rule line ends the run of agents: the next User-agent line opens a new group.
        {"User-agent: rumorwatch\nDisallow: /a\nUser-agent: other\nDisallow: /b\n", "/b", true},
    });
}

TEST_CASE("robots: longest match wins, Allow wins a tie", "[parser]") {
    check_cases({
        {"User-agent: *\nAllow: /p\nDisallow: /\n", "/page", true},
        {"User-agent: *\nAllow: /p\nDisallow: /\n", "/other", false},
        {"User-agent: *\nAllow: /p\nDisallow: /\n", "/", false},
        {"User-agent: *\nDisallow: /folder/\nAllow: /folder/page\n", "/folder/page.html", true},
        {"User-agent: *\nDisallow: /folder/\nAllow: /folder/page\n", "/folder/other", false},
        {"User-agent: *\nAllow: /folder\nDisallow: /folder\n", "/folder/x", true},
        {"User-agent: *\nDisallow: /folder\nAllow: /folder\n", "/folder/x", true},
        {"User-agent: *\nAllow: /page\nDisallow: /*.html\n", "/page.html", false}, // 7 > 5
        {"User-agent: *\nAllow: /$\nDisallow: /\n", "/", true},
        {"User-agent: *\nAllow: /$\nDisallow: /\n", "/page", false},
        {"User-agent: *\nDisallow: /x\n", "/X", true}, // paths are case-sensitive
        {"User-agent: *\nDisallow:\n", "/anything", true}, // an empty Disallow allows all
        {"User-agent: *\nAllow:\nDisallow: /a\n", "/a", false},
        {"User-agent: *\nDisallow: /\n", "/robots.txt", true}, // always allowed
        {"User-agent: *\nDisallow: private/\n", "/private/x", false}, // missing '/' supplied
        {"User-agent: *\nDisallow: /a?b=1\n", "/a?b=1&c", false}, // the query is part of the match
        {"User-agent: *\nDisallow: /a?b=1\n", "/a?c", true},
        {"User-agent: *\nDisallow: /a\n", "", true}, // "" is "/"
    });
}

TEST_CASE("robots: * and $ patterns", "[parser]") {
    check_cases({
        {"User-agent: *\nDisallow: /*.gif$\n", "/images/a.gif", false},
        {"User-agent: *\nDisallow: /*.gif$\n", "/images/a.gif?size=2", true},
        {"User-agent: *\nDisallow: /*.gif$\n", "/images/a.gifv", true},
        {"User-agent: *\nDisallow: /fish*\n", "/fishheads/yummy.html", false},
        {"User-agent: *\nDisallow: /fish*\n", "/fish", false},
        {"User-agent: *\nDisallow: /fish*\n", "/Fish", true},
        {"User-agent: *\nDisallow: /*/private/\n", "/a/b/private/c", false},
        {"User-agent: *\nDisallow: /*/private/\n", "/private/c", true},
        {"User-agent: *\nDisallow: /*?\n", "/search?q=1", false},
        {"User-agent: *\nDisallow: /*?\n", "/search", true},
        {"User-agent: *\nDisallow: *.php\n", "/index.php", false},
        {"User-agent: *\nDisallow: /a**b\n", "/a-x-b", false},
        {"User-agent: *\nDisallow: /$\n", "/", false},
        {"User-agent: *\nDisallow: /$\n", "/index.html", true},
        {"User-agent: *\nDisallow: /a$b\n", "/a$b", false}, // '$' not at the end is literal
        {"User-agent: *\nDisallow: /a*$\n", "/anything", false},
        {"User-agent: *\nDisallow: /*a*b*c$\n", "/xaxbxc", false},
        {"User-agent: *\nDisallow: /*a*b*c$\n", "/xaxbxcx", true},
        {"User-agent: *\nDisallow: /*a*b*c$\n", "/xcxbxa", true},
    });
}

TEST_CASE("robots: percent-encoding equivalence", "[parser]") {
    check_cases({
        {"User-agent: *\nDisallow: /path/%7Efile\n", "/path/~file", false},
        {"User-agent: *\nDisallow: /path/~file\n", "/path/%7efile", false},
        {"User-agent: *\nDisallow: /foo/\xE3\x83\x84\n", "/foo/%E3%83%84", false},
        {"User-agent: *\nDisallow: /foo/%E3%83%84\n", "/foo/\xE3\x83\x84", false},
        {"User-agent: *\nDisallow: /foo/%e3%83%84\n", "/foo/%E3%83%84", false},
        {"User-agent: *\nDisallow: /a%2Fb\n", "/a/b", true}, // an escaped '/' is not a '/'
        {"User-agent: *\nDisallow: /a%2Fb\n", "/a%2fb", false},
        {"User-agent: *\nDisallow: /a b\n", "/a%20b", false},
        {"User-agent: *\nDisallow: /%61bc\n", "/abc", false},
    });
}

TEST_CASE("robots: crawl-delay per group", "[parser]") {
    const auto delay = [](const char* robots, const char* agent = kAgent) {
        return parse_robots(robots, agent).crawl_delay();
    };
    CHECK(delay("User-agent: *\nCrawl-delay: 5\n") == milliseconds(5000));
    CHECK(delay("User-agent: *\nCrawl-delay: 0.5\nDisallow: /x\n") == milliseconds(500));
    CHECK(delay("User-agent: *\ncrawl-delay:2\n") == milliseconds(2000));
    CHECK_FALSE(delay("User-agent: *\nCrawl-delay: soon\n"));
    CHECK_FALSE(delay("User-agent: *\nCrawl-delay: -3\n"));
    CHECK_FALSE(delay("User-agent: *\nDisallow: /\n"));
    CHECK_FALSE(delay("Crawl-delay: 9\nUser-agent: *\nDisallow: /\n")); // before any group
    CHECK(delay("User-agent: *\nCrawl-delay: 100000000\n") == milliseconds(86400000)); // clamped
    const char* per_group =
        "User-agent: rumorwatch\nCrawl-delay: 3\n\n"
        "User-agent: *\nCrawl-delay: 10\n\n"
        "User-agent: rumorwatch\nCrawl-delay: 4\n";
    CHECK(delay(per_group) == milliseconds(4000)); // our merged groups: the larger delay
    CHECK(delay(per_group, "otherbot") == milliseconds(10000));
    CHECK_FALSE(delay("User-agent: otherbot\nCrawl-delay: 7\n"));
}

TEST_CASE("robots: sitemaps anywhere in the file", "[parser]") {
    const auto rules = parse_robots(
        "Sitemap: http://www.a.example/sitemap-news.xml\n"
        "User-agent: otherbot\n"
        "SITEMAP: http://www.a.example/sitemap-index.xml\n"
        "Disallow: /\n"
        "sitemap:   https://cdn.a.example/s.xml   # trailing comment\n"
        "Sitemap:\n",
        kAgent);
    CHECK(rules.sitemaps() == std::vector<std::string>{"http://www.a.example/sitemap-news.xml",
                                                       "http://www.a.example/sitemap-index.xml",
                                                       "https://cdn.a.example/s.xml"});
    CHECK(rules.allowed("/")); // the otherbot group does not apply to us
    // A Sitemap line between User-agent lines does not split the group.
    CHECK_FALSE(parse_robots("User-agent: a\nSitemap: http://x/s.xml\nUser-agent: rumorwatch\nDisallow: /x\n",
                             kAgent).allowed("/x"));
}

TEST_CASE("robots: garbage, comments, BOM and line endings are tolerated", "[parser]") {
    check_cases({
        {"<!doctype html><html><body><h1>Not found</h1></body></html>", "/x", true},
        {"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "/x", true},
        {"\xEF\xBB\xBFUser-agent: *\nDisallow: /x\n", "/x", false},
        {"User-agent: *\rDisallow: /x\r", "/x", false},
        {"User-agent: *\r\nDisallow: /x\r\n", "/x", false},
        {"# comment only\nUser-agent: * # all\nDisallow: /x # not /y\n", "/x", false},
        {"# comment only\nUser-agent: * # all\nDisallow: /x # not /y\n", "/y", true},
        {"   User-agent :  *  \n\t Disallow :  /x  \n", "/x", false},
        {"User-agent: *\nDisallow /x\n", "/x", false},           // missing colon, known key
        // Regression (issue 17, finding 17): Google's parser reads two-word lines without a
        // colon as key and value, the User-agent line included.
        {"user-agent *\ndisallow /\n", "/x", false},
        {"User-agent rumorwatch\nDisallow /x\nUser-agent: *\nAllow: /\n", "/x", false},
        {"User-agent: *\nDisallow /x here please\n", "/x", true}, // three words: prose
        {"User-agent: *\nDissallow: /x\n", "/x", false},         // common misspelling
        {"User agent: *\nDisallow: /x\n", "/x", false},
        {"User-agent: *\nthis line means nothing\nDisallow: /x\n", "/x", false},
        {"User-agent: *\nNoindex: /x\nDisallow: /y\n", "/x", true}, // unknown keys ignored
        {"User-agent: *\nDisallow: /x", "/x", false},            // no final newline
        {"", "/x", true},
    });
}

TEST_CASE("robots: only the first 500 KiB are parsed", "[parser]") {
    std::string padding;
    while (padding.size() < kRobotsMaxBytes) padding += "# padding padding padding padding padding\n";
    const auto after_cap = padding + "User-agent: *\nDisallow: /late\n";
    CHECK(parse_robots(after_cap, kAgent).allowed("/late"));

    const auto before_cap = "User-agent: *\nDisallow: /early\n" + padding + "Allow: /early\n";
    CHECK_FALSE(parse_robots(before_cap, kAgent).allowed("/early/x"));

    // A rule cut by the cap is dropped, not read as a shorter (broader) pattern.
    std::string cut = "User-agent: *\nDisallow: /keep\n";
    cut += std::string(kRobotsMaxBytes - cut.size() - 30, '#') + "\n";
    cut += "Allow: /keep/this-rule-is-cut-by-the-limit\n";
    REQUIRE(cut.size() > kRobotsMaxBytes);
    const auto rules = parse_robots(cut, kAgent);
    CHECK(rules.rule_count() == 1);
    CHECK_FALSE(rules.allowed("/keep/x"));
}

TEST_CASE("robots: pathological patterns stay cheap and correct", "[parser]") {
    std::string pattern = "/";
    for (int i = 0; i < 1000; ++i) pattern += "*a";
    pattern += "$";
    const auto rules = parse_robots("User-agent: *\nDisallow: " + pattern + "\n", kAgent);
    CHECK(rules.allowed("/" + std::string(999, 'a')));
    CHECK_FALSE(rules.allowed("/" + std::string(1000, 'a')));
    CHECK(rules.allowed("/" + std::string(2000, 'a') + "b"));
    // Patterns beyond the size limit are dropped.
    const auto huge = parse_robots("User-agent: *\nDisallow: /" + std::string(5000, 'x') + "\n", kAgent);
    CHECK(huge.rule_count() == 0);
}

TEST_CASE("robots: fetch status policy", "[parser]") {
    const char* body = "User-agent: *\nDisallow: /private\n";
    struct StatusCase {
        int status;
        bool public_allowed;
        bool private_allowed;
    };
    const std::vector<StatusCase> cases{
        {200, true, false}, {203, true, false},
        {301, true, true},  {308, true, true},  // unresolved redirects: unavailable
        {400, true, true},  {401, true, true},  {403, true, true}, {404, true, true}, {410, true, true},
        {429, false, false},                    // treated as a server error
        {500, false, false}, {502, false, false}, {503, false, false},
        {0, false, false},                      // unreachable
        {100, false, false}, {-1, false, false},
    };
    for (const auto& c : cases) {
        INFO("status " << c.status);
        const auto rules = robots_for_response(c.status, body, kAgent);
        CHECK(rules.allowed("/public") == c.public_allowed);
        CHECK(rules.allowed("/private/x") == c.private_allowed);
        CHECK(rules.allowed("/robots.txt"));
    }
    CHECK(RobotsRules::disallow_all().disallows_everything());
    CHECK_FALSE(RobotsRules::allow_all().disallows_everything());
    CHECK(RobotsRules().allowed("/anything"));
}
