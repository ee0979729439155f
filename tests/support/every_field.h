/// \file
/// Model values with every field set to something other than its default, for round-trip
/// tests: a codec that forgets a field cannot pass with these (an empty fixture field would
/// hide it, as four forgotten Article fields once were), and field_count() tells a test when
/// a type gained a field that the fixture does not fill yet.
#pragma once

#include <cstddef>

#include <nlohmann/json_fwd.hpp>

#include "parser/core/core.h"

namespace rumorwatch::test {

namespace detail {
struct AnyField {
    template <typename T>
    operator T() const; // never defined: only used in unevaluated brace-initialisation
};
} // namespace detail

/// The number of members of an aggregate, by trying brace-initialisation with one more.
template <typename T, typename... Fields>
constexpr std::size_t field_count() {
    if constexpr (requires { T{Fields{}..., detail::AnyField{}}; })
        return field_count<T, Fields..., detail::AnyField>();
    else
        return sizeof...(Fields);
}

inline Timestamp every_field_time(const char* iso) { return *parse_iso8601(iso); }

inline Article every_field_article() {
    Article a;
    a.url = "http://www.example-wire.example/2025/02/11/story/?utm_source=feed";
    a.canonical_url = "http://www.example-wire.example/2025/02/11/story/";
    a.title = "Apple picks Alibaba, people familiar say";
    a.title_source = "h1";
    a.text = "Apple has picked Alibaba, people familiar with the matter said.\n\nNeither company commented.";
    a.text_source = "dom";
    a.published = ArticleDate{every_field_time("2025-02-11T01:30:00Z"), "json-ld", true, true, 480};
    a.modified = ArticleDate{every_field_time("2025-02-12T09:00:00Z"), "meta:article:modified_time", false, false, -300};
    a.authors = {"Ann Lee", "Chen Yiru"};
    a.organisations = {"Example Wire"};
    a.language = "en";
    a.language_source = "html-lang";
    a.site_name = "Example Wire";
    a.description = "The iPhone maker has chosen its partner in China.";
    a.image = "http://www.example-wire.example/img/story.jpg";
    a.section = "Technology";
    a.keywords = {"Apple", "Alibaba", "数码资讯"};
    a.warnings = {"no date in the page; the URL's day was used"};
    a.canonical_source = "link:canonical";
    a.site_name_source = "og:site_name";
    a.authors_source = "json-ld";
    a.captions = {"Apple's store in Shanghai."};
    a.alt_title = "Apple China AI partner: Alibaba wins, report says";
    a.page_type = "article";
    return a;
}

inline Mention every_field_mention() {
    Mention m;
    m.sentence = "Apple has picked Alibaba, people familiar with the matter said.";
    m.begin = 3;
    m.end = 67;
    m.status = RumorStatus::reported;
    m.confidence = 0.8125;
    m.cue = "people familiar with the matter said";
    m.attribution = "people familiar with the matter";
    m.entities = {"apple", "alibaba"};
    m.in_headline = true;
    m.background = true;
    return m;
}

inline RumorAnalysis every_field_analysis(const std::string& topic) {
    RumorAnalysis r;
    r.topic_id = topic;
    r.status = RumorStatus::reported;
    r.confidence = 0.75;
    Mention headline = every_field_mention();
    headline.sentence = "Apple picks Alibaba, people familiar say";
    headline.status = RumorStatus::speculation;
    r.mentions = {headline, every_field_mention()};
    r.evidence = 1; // not 0, which would read like a default
    r.entities = {"apple", "alibaba"};
    r.sources = {"people familiar with the matter"};
    return r;
}

inline Outlet every_field_outlet() {
    Outlet o;
    o.id = "example-wire";
    o.name = "Example Wire";
    o.home = "http://www.example-wire.example/";
    o.feeds = {"http://www.example-wire.example/rss.xml"};
    o.sitemaps = {"http://www.example-wire.example/sitemap.xml"};
    o.allow = {"^http://www\\.example-wire\\.example/20\\d\\d/"};
    o.language = "zh";
    o.date_order = DateOrder::dmy;
    o.timezone = "Asia/Shanghai";
    o.tier = OutletTier::wire;
    o.min_delay_ms = 250;
    o.max_connections = 3;
    o.max_pages = 77;
    return o;
}

} // namespace rumorwatch::test
