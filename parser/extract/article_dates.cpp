/// \file
/// The date sources, tried in order of trust.
#include "parser/extract/article_dates.h"

#include <nlohmann/json.hpp>

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

/// Meta keys that carry the publication time, most specific first.
constexpr std::string_view kPublishedKeys[] = {
    "article:published_time", "og:article:published_time", "article:published", "datepublished",
    "og:published_time", "published_time", "publish_date", "publish-date", "publishdate", "pubdate",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.created",
    "dc.date.created", "citation_publication_date", "article.published", "datecreated", "date",
    "ptime", "pdate", "publication_date", "original-publish-date", "bt:pubdate", "weibo: article:create_at",
    "og:regdate", "article:post_date"};

constexpr std::string_view kModifiedKeys[] = {
    "article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified",
    "article:modified", "modified_time", "last-modified", "dc.date.modified", "dcterms.modified",
    "parsely-modified", "sailthru.lastmodified", "lastmod", "updated_time", "article.updated"};

ArticleDate make(const ParsedDate& d, std::string source, bool reliable) {
    return ArticleDate{d.time, std::move(source), reliable, d.has_time};
}

bool says_updated(std::string_view s) {
    for (std::string_view w : {"updated", "modified", "edited", "更新", "修改", "수정", "更新日"})
        if (text::ifind(s, w) != std::string_view::npos) return true;
    return false;
}

/// The part of a byline after "Updated"/"更新" (for the modified date) or before it.
std::pair<std::string, std::string> split_updated(const std::string& s) {
    for (std::string_view w : {"Updated", "updated", "UPDATED", "Last modified", "更新时间", "更新於", "更新", "수정"}) {
        const auto pos = s.find(w);
        if (pos != std::string::npos) return {s.substr(0, pos), s.substr(pos)};
    }
    return {s, {}};
}

} // namespace

void fill_dates(const Page& page, Article& a) {
    const Dom& dom = page.dom;
    const DateContext& ctx = page.dates;
    std::optional<ArticleDate> published, modified;

    // 1. JSON-LD
    if (!page.ld.date_published.empty()) {
        if (auto d = parse_date_value(page.ld.date_published, ctx)) published = make(*d, "json-ld", true);
        else a.warnings.push_back("JSON-LD datePublished \"" + std::string(text::utf8_prefix(page.ld.date_published, 60)) + "\" is not a usable date");
    }
    if (!page.ld.date_modified.empty())
        if (auto d = parse_date_value(page.ld.date_modified, ctx)) modified = make(*d, "json-ld", true);

    // 2. Meta tags
    if (!published)
        for (std::string_view key : kPublishedKeys) {
            const std::string v = page.meta.get({key});
            if (v.empty()) continue;
            if (auto d = parse_date_value(v, ctx)) {
                published = make(*d, "meta:" + std::string(key), true);
                break;
            }
        }
    if (!modified)
        for (std::string_view key : kModifiedKeys) {
            const std::string v = page.meta.get({key});
            if (v.empty()) continue;
            if (auto d = parse_date_value(v, ctx)) {
                modified = make(*d, "meta:" + std::string(key), true);
                break;
            }
        }

    // 3. <time datetime> near the headline
    if (!published || !modified) {
        for (std::int32_t i : page.bylines) {
            if (dom.node(i).tag != Tag::time) continue;
            const std::string_view dt = dom.attr(i, "datetime");
            if (dt.empty()) continue;
            const auto d = parse_date_value(dt, ctx);
            if (!d) continue;
            std::string context(dom.attr(i, "class"));
            context += ' ';
            context += dom.attr(i, "itemprop");
            if (const std::int32_t p = dom.node(i).parent; p >= 0) {
                context += ' ';
                context += dom.attr(p, "class");
                context += ' ';
                context += text::utf8_prefix(dom.text(p), 80);
            }
            const bool updated = says_updated(context) && text::ifind(context, "publish") == std::string::npos;
            if (updated) {
                if (!modified) modified = make(*d, "time", true);
            } else if (!published) {
                published = make(*d, "time", true);
            }
        }
    }

    // 4. The URL
    if (!published)
        if (auto d = date_from_url(a.url.empty() ? page.url : a.url, ctx)) published = make(*d, "url", true);
    if (!published && !a.canonical_url.empty() && a.canonical_url != a.url)
        if (auto d = date_from_url(a.canonical_url, ctx)) published = make(*d, "url", true);

    // A day from the URL gains its hour from a byline of the same day.
    if (published && published->source == "url") {
        for (std::int32_t i : page.bylines) {
            const auto d = find_date_in_text(split_updated(dom.spaced_text(i)).first, ctx);
            if (d && d->has_time && d->time >= published->time && d->time < published->time + std::chrono::hours(24)) {
                published = ArticleDate{d->time, "url+text", true, true};
                break;
            }
        }
    }

    // 5. Visible text: bylines, then the first lines of the body.
    if (!published || !modified) {
        for (std::int32_t i : page.bylines) {
            const std::string t = dom.spaced_text(i);
            if (t.empty()) continue;
            const auto [before, after] = split_updated(t);
            if (!published) {
                if (auto d = find_date_in_text(before, ctx)) published = make(*d, "text", false);
            }
            if (!modified && !after.empty()) {
                if (auto d = find_date_in_text(after, ctx)) modified = make(*d, "text", false);
            }
            if (published && modified) break;
        }
    }
    if (!published) {
        for (const auto& line : page.main.byline_lines)
            if (auto d = find_date_in_text(line, ctx)) {
                published = make(*d, "text", false);
                break;
            }
    }
    if (!published) {
        std::string top;
        for (const auto& p : page.main.paragraphs) {
            if (top.size() > 600) break;
            top += p;
            top += '\n';
        }
        if (auto d = find_date_in_text(text::utf8_prefix(top, 800), ctx)) published = make(*d, "text", false);
    }

    if (published && modified && modified->time < published->time) {
        // A "modified" before the publication is a template default or a typo.
        modified.reset();
    }
    if (!published) a.warnings.push_back("no publication date found");
    a.published = published;
    a.modified = modified;
}

} // namespace rumorwatch
