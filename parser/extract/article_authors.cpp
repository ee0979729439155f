/// \file
/// Author sources, first one that names someone wins.
#include "parser/extract/article_authors.h"

#include <nlohmann/json.hpp>

#include "parser/extract/authors.h"
#include "parser/extract/dates.h"
#include "parser/core/core.h"

namespace rumorwatch {
namespace {

constexpr std::string_view kAuthorKeys[] = {"author", "article:author", "byl", "parsely-author",
                                            "sailthru.author", "dc.creator", "dcterms.creator",
                                            "citation_author", "og:article:author"};

/// A dateline with more "names" than this is prose, not a byline.
constexpr std::size_t kMaxNamesBesideDate = 2;

bool is_url_or_handle(std::string_view s) {
    return s.find("://") != std::string_view::npos || (!s.empty() && s[0] == '@') ||
           s.rfind("www.", 0) == 0;
}

void merge(Byline& into, const Byline& from) {
    for (const auto& p : from.people) add_unique(into.people, p);
    for (const auto& o : from.organisations) add_unique(into.organisations, o);
}

} // namespace

void fill_authors(const Page& page, Article& a) {
    const Dom& dom = page.dom;
    Byline found;
    std::string source;

    // 1. JSON-LD
    for (const auto& name : page.ld.authors) {
        if (name.organisation) {
            add_unique(found.organisations, name.name);
            continue;
        }
        merge(found, split_byline(name.name, a.language));
    }
    if (!found.empty()) source = "json-ld";

    // 2. Meta tags
    if (found.empty()) {
        for (std::string_view key : kAuthorKeys) {
            for (const auto& v : page.meta.all(key)) {
                if (is_url_or_handle(v)) continue;
                merge(found, split_byline(v, a.language));
            }
            if (!found.empty()) {
                source = "meta:" + std::string(key);
                break;
            }
        }
    }

    // 3. Byline elements near the headline: the most specific first.
    if (found.empty()) {
        for (std::int32_t i : page.bylines) {
            const std::string_view itemprop = dom.attr(i, "itemprop");
            if (!text::iequals(itemprop, "author") && !text::iequals(itemprop, "creator") &&
                !text::iequals(dom.attr(i, "rel"), "author"))
                continue;
            std::string name;
            // <span itemprop="author"><span itemprop="name">Dana</span></span>
            dom.walk(i, [&](std::int32_t k) {
                if (!name.empty()) return false;
                if (k != i && dom.node(k).kind == NodeKind::element && text::iequals(dom.attr(k, "itemprop"), "name")) {
                    name = dom.text(k);
                    if (name.empty()) name = std::string(dom.attr(k, "content"));
                    return false;
                }
                return true;
            });
            if (name.empty()) name = dom.spaced_text(i);
            merge(found, split_byline(name, a.language));
        }
        if (!found.empty()) source = "byline";
    }
    if (found.empty()) {
        for (std::int32_t i : page.bylines) {
            const std::string cls = text::to_lower_ascii(std::string(dom.attr(i, "class")) + " " + std::string(dom.attr(i, "id")));
            if (cls.find("bio") != std::string::npos) continue; // "author-bio" paragraphs
            const std::string t = dom.spaced_text(i);
            // Elements that say they are a byline or author, or whose text reads like one.
            const bool named = cls.find("byline") != std::string::npos || cls.find("author") != std::string::npos ||
                               cls.find("writer") != std::string::npos || cls.find("reporter") != std::string::npos;
            const bool reads = text::istarts_with(t, "by ") || text::istarts_with(t, "par ") ||
                               text::istarts_with(t, "von ") || text::istarts_with(t, "por ") ||
                               t.find("记者") != std::string::npos ||
                               t.find("記者") != std::string::npos || text::istarts_with(t, "文/") ||
                               text::istarts_with(t, "作者") || t.find("기자") != std::string::npos;
            if (named || reads) {
                merge(found, split_byline(t, a.language));
            } else if (find_date_in_text(t, page.dates)) {
                // "Ka Yee Lam · 13 February 2025, 4:10pm HKT": a name beside the dateline.
                const Byline b = split_byline(t, a.language);
                if (b.people.size() <= kMaxNamesBesideDate) merge(found, b);
            }
            if (!found.empty()) break;
        }
        if (!found.empty()) source = "byline";
    }
    a.authors = std::move(found.people);
    a.organisations = std::move(found.organisations);
    a.authors_source = source;
}

} // namespace rumorwatch
