/// \file
/// URL parsing, RFC 3986 resolution, canonical form and host helpers, as tables of cases.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parser/core/url.h"

using namespace rumorwatch;

namespace {

struct Case {
    const char* input;
    const char* expected; ///< nullptr: the function must refuse
};

} // namespace

TEST_CASE("url: parse splits the components and str() recomposes them", "[parser]") {
    const auto u = parse_url("HTTPS://user:pw@Host.Example:8080/p/a;x?q=1&r#frag");
    REQUIRE(u);
    CHECK(u->scheme == "https");
    CHECK(u->has_userinfo);
    CHECK(u->userinfo == "user:pw");
    CHECK(u->host == "Host.Example"); // parse keeps the host as written
    CHECK(u->port == "8080");
    CHECK(u->path == "/p/a;x");
    CHECK(u->query == "q=1&r");
    CHECK(u->fragment == "frag");
    CHECK(u->str() == "https://user:pw@Host.Example:8080/p/a;x?q=1&r#frag");

    const auto empty_query = parse_url("http://h/p?#");
    REQUIRE(empty_query);
    CHECK(empty_query->has_query);
    CHECK(empty_query->query.empty());
    CHECK(empty_query->has_fragment);
    CHECK(empty_query->str() == "http://h/p?#");

    const auto relative = parse_url("../a/b?x");
    REQUIRE(relative);
    CHECK_FALSE(relative->is_absolute());
    CHECK_FALSE(relative->has_authority);
    CHECK(relative->path == "../a/b");

    const auto ipv6 = parse_url("http://[2001:db8::1]:8080/");
    REQUIRE(ipv6);
    CHECK(ipv6->host == "[2001:db8::1]");
    CHECK(ipv6->port == "8080");

    const auto spaced = parse_url("  \thttp://h/a\nb \r\n");
    REQUIRE(spaced);
    CHECK(spaced->str() == "http://h/ab");
}

TEST_CASE("url: malformed references are refused", "[parser]") {
    for (const char* bad : {"http://exa mple.com/", "http://example.com:99999/", "http://example.com:8o/",
                            "http://example.com:-1/", "http://[::1/", "http://[::1]x/", "http://[zz]/",
                            "http://a<b/", "http://a\"b/"}) {
        INFO(bad);
        CHECK_FALSE(parse_url(bad));
    }
    for (const char* good : {"http://example.com:65535/", "http://example.com:/", "", "#", "?", "//h",
                             "mailto:someone@example.com", "g:h"}) {
        INFO(good);
        CHECK(parse_url(good));
    }
}

TEST_CASE("url: RFC 3986 section 5.4 reference resolution examples", "[parser]") {
    const char* base = "http://a/b/c/d;p?q";
    const std::vector<Case> cases{
        // 5.4.1 normal examples
        {"g:h", "g:h"},
        {"g", "http://a/b/c/g"},
        {"./g", "http://a/b/c/g"},
        {"g/", "http://a/b/c/g/"},
        {"/g", "http://a/g"},
        {"//g", "http://g"},
        {"?y", "http://a/b/c/d;p?y"},
        {"g?y", "http://a/b/c/g?y"},
        {"#s", "http://a/b/c/d;p?q#s"},
        {"g#s", "http://a/b/c/g#s"},
        {"g?y#s", "http://a/b/c/g?y#s"},
        {";x", "http://a/b/c/;x"},
        {"g;x", "http://a/b/c/g;x"},
        {"g;x?y#s", "http://a/b/c/g;x?y#s"},
        {"", "http://a/b/c/d;p?q"},
        {".", "http://a/b/c/"},
        {"./", "http://a/b/c/"},
        {"..", "http://a/b/"},
        {"../", "http://a/b/"},
        {"../g", "http://a/b/g"},
        {"../..", "http://a/"},
        {"../../", "http://a/"},
        {"../../g", "http://a/g"},
        // 5.4.2 abnormal examples
        {"../../../g", "http://a/g"},
        {"../../../../g", "http://a/g"},
        {"/./g", "http://a/g"},
        {"/../g", "http://a/g"},
        {"g.", "http://a/b/c/g."},
        {".g", "http://a/b/c/.g"},
        {"g..", "http://a/b/c/g.."},
        {"..g", "http://a/b/c/..g"},
        {"./../g", "http://a/b/g"},
        {"./g/.", "http://a/b/c/g/"},
        {"g/./h", "http://a/b/c/g/h"},
        {"g/../h", "http://a/b/c/h"},
        {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
        {"g;x=1/../y", "http://a/b/c/y"},
        {"g?y/./x", "http://a/b/c/g?y/./x"},
        {"g?y/../x", "http://a/b/c/g?y/../x"},
        {"g#s/./x", "http://a/b/c/g#s/./x"},
        {"g#s/../x", "http://a/b/c/g#s/../x"},
        {"http:g", "http:g"}, // strict parser
    };
    for (const auto& c : cases) {
        INFO(c.input);
        const auto resolved = resolve_url(base, c.input);
        REQUIRE(resolved);
        CHECK(*resolved == c.expected);
    }
}

TEST_CASE("url: resolution details beyond the RFC table", "[parser]") {
    struct Resolution {
        const char* base;
        const char* reference;
        const char* expected;
    };
    const std::vector<Resolution> cases{
        {"http://a.example", "x", "http://a.example/x"},        // empty base path merges under "/"
        {"http://a.example/dir/", "?q=1", "http://a.example/dir/?q=1"},
        {"http://a.example/p?old", "#top", "http://a.example/p?old#top"},
        {"https://a.example/x/y", "//b.example/z", "https://b.example/z"},
        {"http://a.example/x/y", "\\\\evil.example\\p", "http://evil.example/p"}, // as browsers do
        {"http://a.example/x/y", "z\\w?a\\b", "http://a.example/x/z/w?a\\b"},
        {"http://a.example/x/", " ./page.html\n", "http://a.example/x/page.html"},
        {"http://a.example/x/", "mailto:me@a.example", "mailto:me@a.example"},
        {"http://a.example/x/", "javascript:void(0)", "javascript:void(0)"},
        {"http://a.example/x/", "HTTPS://B.example/", "https://B.example/"},
    };
    for (const auto& c : cases) {
        INFO(c.base << " + " << c.reference);
        const auto resolved = resolve_url(c.base, c.reference);
        REQUIRE(resolved);
        CHECK(*resolved == c.expected);
    }
    CHECK_FALSE(resolve_url("relative/base", "x"));
    CHECK_FALSE(resolve_url("http://a.example/", "http://bad host/"));
}

TEST_CASE("url: remove_dot_segments", "[parser]") {
    const std::vector<Case> cases{
        {"/a/b/c/./../../g", "/a/g"}, {"mid/content=5/../6", "mid/6"}, {"", ""},
        {"/", "/"}, {"/..", "/"}, {"/.", "/"}, {"/a/..", "/"}, {"/a/b/..", "/a/"},
        {"../x", "x"}, {"./x", "x"}, {"/a//../b", "/a/b"}, {"/a/.b/..c", "/a/.b/..c"},
    };
    for (const auto& c : cases) {
        INFO(c.input);
        CHECK(remove_dot_segments(c.input) == c.expected);
    }
}

TEST_CASE("url: canonical form", "[parser]") {
    const std::vector<Case> cases{
        // case, default ports, empty path, fragment
        {"HTTP://Example.COM/", "http://example.com/"},
        {"http://example.com", "http://example.com/"},
        {"http://example.com:80/a", "http://example.com/a"},
        {"https://example.com:443/a", "https://example.com/a"},
        {"http://example.com:443/a", "http://example.com:443/a"},
        {"https://example.com:8443/a", "https://example.com:8443/a"},
        {"http://example.com:0080/", "http://example.com/"},
        {"http://example.com:/a", "http://example.com/a"},
        {"http://example.com/a#frag", "http://example.com/a"},
        {"http://example.com/A/B", "http://example.com/A/B"}, // the path keeps its case
        {"http://Example.COM./x", "http://example.com/x"},
        // dot segments and percent-encoding
        {"http://example.com/a/./b/../c", "http://example.com/a/c"},
        {"http://example.com/a/b/../../../c", "http://example.com/c"},
        {"http://example.com/%7Euser/%41bc%2d", "http://example.com/~user/Abc-"},
        {"http://example.com/a%2fb", "http://example.com/a%2Fb"},
        {"http://example.com/a%2Fb", "http://example.com/a%2Fb"},
        {"http://example.com/a b", "http://example.com/a%20b"},
        {"http://example.com/\xC3\xA9t\xC3\xA9", "http://example.com/%C3%A9t%C3%A9"},
        {"http://example.com/%e4%b8%ad%e6%96%87", "http://example.com/%E4%B8%AD%E6%96%87"},
        {"http://example.com/100%", "http://example.com/100%25"},
        {"http://example.com/%zz", "http://example.com/%25zz"},
        {"http://example.com/%2E%2E/x", "http://example.com/x"},
        {"http://example.com/a/%2e/b", "http://example.com/a/b"},
        {"http://example.com/{x}|^`", "http://example.com/%7Bx%7D%7C%5E%60"},
        {"http://example.com/a;b,c=d:e@f!$&'()*+", "http://example.com/a;b,c=d:e@f!$&'()*+"},
        {"http://example.com\\a\\b", "http://example.com/a/b"},
        {"  http://example.com/a\n", "http://example.com/a"},
        // query: tracking removed, empty pieces dropped, sorted stably by name
        {"http://example.com/?b=2&a=1", "http://example.com/?a=1&b=2"},
        {"http://example.com/?utm_source=rss&utm_medium=feed&id=5", "http://example.com/?id=5"},
        {"http://example.com/?fbclid=IwAR0abc", "http://example.com/"},
        {"http://example.com/?a=1&&b=2&", "http://example.com/?a=1&b=2"},
        {"http://example.com/?b=1&a=2&b=0", "http://example.com/?a=2&b=1&b=0"},
        {"http://example.com/?gclid=x&mc_cid=1&mc_eid=2&ref_src=twsrc&cmpid=rss&q=apple",
         "http://example.com/?q=apple"},
        {"http://example.com/?UTM_Source=x&x=1", "http://example.com/?x=1"},
        {"http://example.com/?utm%5Fsource=x&x=1", "http://example.com/?x=1"},
        {"http://example.com/?spm=a2c4g.1&id=9&xtor=RSS-1", "http://example.com/?id=9"},
        {"http://example.com/?", "http://example.com/"},
        {"http://example.com/p?q=a+b&r=%7e&s=%3d", "http://example.com/p?q=a+b&r=~&s=%3D"},
        {"http://example.com/p?flag&a=", "http://example.com/p?a=&flag"},
        {"http://example.com/p?x=a b", "http://example.com/p?x=a%20b"},
        {"http://example.com/p?utm=1&utmost=2", "http://example.com/p?utm=1&utmost=2"},
        {"http://example.com/p?q=1#a?b=2", "http://example.com/p?q=1"},
        // hosts: IDN kept, IP literals, userinfo kept
        {"http://XN--BCHER-KVA.example/", "http://xn--bcher-kva.example/"},
        {"http://b\xC3\xBC" "cher.example/", "http://b\xC3\xBC" "cher.example/"},
        {"http://[::1]:8080/", "http://[::1]:8080/"},
        {"http://[2001:DB8::1]/", "http://[2001:db8::1]/"},
        {"http://127.0.0.2:8080/x", "http://127.0.0.2:8080/x"},
        {"http://user:pw@example.com/", "http://user:pw@example.com/"},
        // refused: other schemes, no host, relative, malformed
        {"ftp://example.com/", nullptr},
        {"mailto:a@example.com", nullptr},
        {"javascript:alert(1)", nullptr},
        {"file:///etc/passwd", nullptr},
        {"data:text/html,hi", nullptr},
        {"http:///path", nullptr},
        {"http://./", nullptr},
        {"http:path", nullptr},
        {"//example.com/", nullptr},
        {"/just/a/path", nullptr},
        {"http://exa mple.com/", nullptr},
        {"http://example.com:99999/", nullptr},
        {"", nullptr},
    };
    for (const auto& c : cases) {
        INFO(c.input);
        const auto canonical = canonical_url(c.input);
        if (c.expected == nullptr) {
            CHECK_FALSE(canonical);
            continue;
        }
        REQUIRE(canonical);
        CHECK(*canonical == c.expected);
        // Idempotent: the canonical form is its own canonical form.
        const auto again = canonical_url(*canonical);
        REQUIRE(again);
        CHECK(*again == *canonical);
    }
}

TEST_CASE("url: links found in a page, resolved and made canonical", "[parser]") {
    const char* page = "http://www.pacific-wire.example/2025/02/11/story/";
    const std::vector<Case> cases{
        {"../../12/other/?utm_source=x#c", "http://www.pacific-wire.example/2025/02/12/other/"},
        {"//cdn.example/x.js", "http://cdn.example/x.js"},
        {"?page=2", "http://www.pacific-wire.example/2025/02/11/story/?page=2"},
        {"#comments", "http://www.pacific-wire.example/2025/02/11/story/"},
        {"", "http://www.pacific-wire.example/2025/02/11/story/"},
        {"https://Other.example", "https://other.example/"},
        {"/rss/technology.xml", "http://www.pacific-wire.example/rss/technology.xml"},
        {"\\\\evil.example/x", "http://evil.example/x"},
        {"mailto:tips@pacific-wire.example", nullptr},
        {"javascript:void(0)", nullptr},
        {"ftp://www.pacific-wire.example/file", nullptr},
        {"tel:+15551234", nullptr},
    };
    for (const auto& c : cases) {
        INFO(c.input);
        const auto canonical = canonical_url(page, c.input);
        if (c.expected == nullptr) {
            CHECK_FALSE(canonical);
        } else {
            REQUIRE(canonical);
            CHECK(*canonical == c.expected);
        }
    }
}

TEST_CASE("url: schemes and tracking parameters", "[parser]") {
    CHECK(is_http_scheme("http"));
    CHECK(is_http_scheme("HTTPS"));
    for (const char* other : {"ftp", "file", "mailto", "javascript", "data", "httpx", "", "http:"}) {
        INFO(other);
        CHECK_FALSE(is_http_scheme(other));
    }
    for (const char* tracking : {"utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content",
                                 "utm_id", "UTM_SOURCE", "fbclid", "gclid", "mc_cid", "mc_eid", "ref_src",
                                 "cmpid", "msclkid", "igshid", "_ga", "spm"}) {
        INFO(tracking);
        CHECK(is_tracking_parameter(tracking));
    }
    for (const char* kept : {"id", "page", "q", "p", "utm", "ref", "source", "story", "article_id"}) {
        INFO(kept);
        CHECK_FALSE(is_tracking_parameter(kept));
    }
}

TEST_CASE("url: host, origin and robots helpers", "[parser]") {
    CHECK(url_host("http://WWW.Example.com:8080/x") == "www.example.com");
    CHECK(url_host("https://[::1]:8443/") == "[::1]");
    CHECK(url_host("/relative").empty());
    CHECK(url_host("not a url at all").empty());

    const std::vector<Case> origins{
        {"HTTP://WWW.Example.com:80/x?y", "http://www.example.com"},
        {"https://a.example:8443/", "https://a.example:8443"},
        {"https://a.example:443/", "https://a.example"},
        {"http://127.0.0.2:8080/p", "http://127.0.0.2:8080"},
        {"ftp://a.example/", ""},
        {"/x", ""},
    };
    for (const auto& c : origins) {
        INFO(c.input);
        CHECK(url_origin(c.input) == c.expected);
    }
    CHECK(robots_url("http://www.a.example/x/y?z#f") == "http://www.a.example/robots.txt");
    CHECK(robots_url("https://A.example:8443/") == "https://a.example:8443/robots.txt");
    CHECK(robots_url("mailto:x@y.example").empty());

    CHECK(url_path_and_query("http://a.example") == "/");
    CHECK(url_path_and_query("http://a.example/p/q?x=1&y#frag") == "/p/q?x=1&y");
    CHECK(url_path_and_query("http://a.example/p?") == "/p?");
}

TEST_CASE("url: registrable domain and same site", "[parser]") {
    const std::vector<Case> cases{
        {"www.bbc.co.uk", "bbc.co.uk"},
        {"news.sina.com.cn", "sina.com.cn"},
        {"www.scmp.com.hk", "scmp.com.hk"},
        {"www.pacific-wire.example", "pacific-wire.example"},
        {"blog.lakesidecapital.example", "lakesidecapital.example"},
        {"example.com", "example.com"},
        {"a.b.c.example.org", "example.org"},
        {"WWW.Example.COM.", "example.com"},
        {"abc.net", "abc.net"},
        {"www.abc.net.au", "abc.net.au"},
        {"t.co", "t.co"},
        {"co.uk", "co.uk"},
        {"localhost", "localhost"},
        {"127.0.0.2", "127.0.0.2"},
        {"[::1]", "[::1]"},
        {"", ""},
    };
    for (const auto& c : cases) {
        INFO(c.input);
        CHECK(registrable_domain(c.input) == c.expected);
    }
    CHECK(same_site("http://www.a.example/", "https://news.a.example/x"));
    CHECK_FALSE(same_site("http://www.a.example/", "http://www.b.example/"));
    CHECK_FALSE(same_site("/relative", "/relative"));
}
