#include <catch2/catch.hpp>

#include "crawler/feeds.h"
#include "parser/core/core.h"

using namespace rumorwatch;

namespace {

std::string iso(const std::optional<Timestamp>& t) { return t ? format_iso8601(*t) : "none"; }

} // namespace

TEST_CASE("feeds: RSS 2.0 items with link, guid fallback, dates and CDATA titles", "[parser]") {
    const auto doc = parse_feed(R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
 <channel><title>Tech</title><link>https://w.example/</link>
  <item><title><![CDATA[Apple & Alibaba]]></title>
    <link> https://w.example/2025/02/11/a/ </link>
    <pubDate>Tue, 11 Feb 2025 14:30:00 GMT</pubDate></item>
  <item><title>Guid only</title><guid>https://w.example/2025/02/12/b</guid>
    <pubDate>Wed, 12 Feb 2025 09:00:00 +0800</pubDate></item>
  <item><title>Not a permalink</title><guid isPermaLink="false">https://w.example/x</guid></item>
  <item><title>dc date</title><link>https://w.example/c</link><dc:date>2025-02-13T01:02:03Z</dc:date></item>
  <item><title>Duplicate</title><link>https://w.example/2025/02/11/a/</link></item>
 </channel></rss>)");
    CHECK(doc.kind == FeedKind::rss);
    CHECK(doc.error.empty());
    REQUIRE(doc.links.size() == 3);
    CHECK(doc.links[0].url == "https://w.example/2025/02/11/a/");
    CHECK(doc.links[0].title == "Apple & Alibaba");
    CHECK(iso(doc.links[0].published) == "2025-02-11T14:30:00Z");
    CHECK(doc.links[1].url == "https://w.example/2025/02/12/b");
    CHECK(iso(doc.links[1].published) == "2025-02-12T01:00:00Z");
    CHECK(doc.links[2].url == "https://w.example/c");
    CHECK(iso(doc.links[2].published) == "2025-02-13T01:02:03Z");
}

TEST_CASE("feeds: Atom entries use the alternate link, not self or edit", "[parser]") {
    const auto doc = parse_feed(R"(<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Business</title>
  <link rel="self" href="https://m.example/feeds/business.atom"/>
  <entry><title type="text">One</title>
    <link rel="edit" href="https://m.example/edit/1"/>
    <link rel="alternate" type="text/html" href="https://m.example/news/one"/>
    <published>2025-02-13T08:00:00+01:00</published><updated>2025-02-14T08:00:00Z</updated></entry>
  <entry><title>Two</title><link href="https://m.example/news/two"/>
    <updated>2025-03-01T00:00:00Z</updated></entry>
  <entry><title>Three</title><id>https://m.example/news/three</id></entry>
</feed>)");
    CHECK(doc.kind == FeedKind::atom);
    REQUIRE(doc.links.size() == 3);
    CHECK(doc.links[0].url == "https://m.example/news/one");
    CHECK(iso(doc.links[0].published) == "2025-02-13T07:00:00Z");
    CHECK(iso(doc.links[0].modified) == "2025-02-14T08:00:00Z");
    CHECK(doc.links[1].url == "https://m.example/news/two");
    CHECK(iso(doc.links[1].published) == "2025-03-01T00:00:00Z"); // updated stands in
    CHECK(doc.links[2].url == "https://m.example/news/three");
}

TEST_CASE("feeds: RSS 1.0 (RDF) items sit beside the channel", "[parser]") {
    const auto doc = parse_feed(R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://h.example/"><title>Asia</title></channel>
  <item rdf:about="https://h.example/asia/1"><title>First</title><link>https://h.example/asia/1</link>
    <dc:date>2025-02-13T16:10:00+08:00</dc:date></item>
  <item rdf:about="https://h.example/asia/2"><title>Second</title><link>https://h.example/asia/2</link></item>
</rdf:RDF>)");
    CHECK(doc.kind == FeedKind::rdf);
    REQUIRE(doc.links.size() == 2);
    CHECK(doc.links[0].url == "https://h.example/asia/1");
    CHECK(iso(doc.links[0].published) == "2025-02-13T08:10:00Z");
    CHECK(doc.links[1].title == "Second");
}

TEST_CASE("feeds: news sitemap with publication dates and titles", "[parser]") {
    const auto doc = parse_feed(R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://w.example/2025/02/11/a/</loc>
    <news:news><news:publication><news:name>W</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2025-02-11T09:30:00-05:00</news:publication_date>
      <news:title>Apple picks Alibaba</news:title></news:news></url>
  <url><loc>https://w.example/about</loc><lastmod>2024-01-01</lastmod></url>
</urlset>)");
    CHECK(doc.kind == FeedKind::urlset);
    REQUIRE(doc.links.size() == 2);
    CHECK(doc.links[0].title == "Apple picks Alibaba");
    CHECK(iso(doc.links[0].published) == "2025-02-11T14:30:00Z");
    CHECK_FALSE(doc.links[0].is_sitemap);
    CHECK(iso(doc.links[1].modified) == "2024-01-01T00:00:00Z");
    CHECK_FALSE(doc.links[1].published);
}

TEST_CASE("feeds: a sitemap index lists other sitemaps", "[parser]") {
    const auto doc = parse_feed(R"(<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://d.example/sitemap-2025-02.xml</loc><lastmod>2025-02-28</lastmod></sitemap>
  <sitemap><loc>https://d.example/sitemap-2025-03.xml</loc></sitemap>
</sitemapindex>)");
    CHECK(doc.kind == FeedKind::sitemap_index);
    REQUIRE(doc.links.size() == 2);
    CHECK(doc.links[0].is_sitemap);
    CHECK(doc.links[1].url == "https://d.example/sitemap-2025-03.xml");
}

TEST_CASE("feeds: HTML, garbage and truncated XML do not throw", "[parser]") {
    CHECK(parse_feed("<html><body><a href='/x'>x</a></body></html>").kind == FeedKind::unknown);
    CHECK(parse_feed("").links.empty());
    CHECK(parse_feed("\x01\x02 not xml at all").kind == FeedKind::unknown);
    const auto cut = parse_feed("<rss><channel><item><link>https://a.example/1</link></item><item><link>htt");
    CHECK(cut.kind == FeedKind::rss);
    CHECK_FALSE(cut.error.empty());
    REQUIRE_FALSE(cut.links.empty());
    CHECK(cut.links[0].url == "https://a.example/1");
}

TEST_CASE("feeds: RFC 822 date variants", "[parser]") {
    CHECK(iso(parse_feed_date("Tue, 11 Feb 2025 14:30:00 GMT")) == "2025-02-11T14:30:00Z");
    CHECK(iso(parse_feed_date("11 Feb 2025 14:30 EST")) == "2025-02-11T19:30:00Z");
    CHECK(iso(parse_feed_date("Tue, 11 Feb 25 14:30:00 +0800")) == "2025-02-11T06:30:00Z");
    CHECK(iso(parse_feed_date("Tue, 11 February 2025 14:30:00 +05:30")) == "2025-02-11T09:00:00Z");
    CHECK(iso(parse_feed_date("2025-02-11T14:30:00.123+08:00")) == "2025-02-11T06:30:00Z");
    CHECK(iso(parse_feed_date("2025-02-11")) == "2025-02-11T00:00:00Z");
    CHECK_FALSE(parse_feed_date("31 Feb 2025 10:00:00 GMT"));
    CHECK_FALSE(parse_feed_date("yesterday"));
    CHECK_FALSE(parse_feed_date("Tue, 11 Feb 2025 14:30:00 XYZ"));
}
