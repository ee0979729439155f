/// \file
/// Locating the headline element and the byline-like elements around it.
#include "parser/extract/page.h"

#include <algorithm>
#include <cstdlib>

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

bool same_as_site(std::string_view text, const std::vector<std::string>& sites) {
    for (const auto& s : sites)
        if (!s.empty() && text::iequals(text::trim(text), text::trim(s))) return true;
    return false;
}

} // namespace

void find_headline_and_bylines(Page& page, const std::vector<std::string>& site_names) {
    const Dom& dom = page.dom;
    page.h1 = -1;
    page.bylines.clear();
    for (std::int32_t i = 0; i < dom.size() && page.h1 < 0; ++i) {
        const DomNode& n = dom.node(i);
        if (n.kind != NodeKind::element || n.tag != Tag::h1) continue;
        const std::string t = dom.text(i);
        if (!t.empty() && !same_as_site(t, site_names)) page.h1 = i;
    }
    const std::int32_t anchor = page.h1 >= 0 ? page.h1 : (page.main.root >= 0 ? page.main.root : 0);
    const std::int32_t root = dom.body() >= 0 ? dom.body() : 0;
    std::vector<std::int32_t> found;
    dom.walk(root, [&](std::int32_t i) {
        const DomNode& n = dom.node(i);
        if (n.kind != NodeKind::element) return false;
        const ClassHint& hint = page.hints[static_cast<std::size_t>(i)];
        if (n.tag == Tag::nav || n.tag == Tag::aside || n.tag == Tag::footer || n.tag == Tag::form ||
            n.tag == Tag::noscript || n.tag == Tag::template_)
            return false;
        if (hint.comments || (hint.hard_negative && !hint.byline)) return false;
        const std::string_view itemprop = dom.attr(i, "itemprop");
        const bool byline = n.tag == Tag::time || hint.byline || text::iequals(dom.attr(i, "rel"), "author") ||
                            text::iequals(itemprop, "author") || text::iequals(itemprop, "datePublished") ||
                            text::iequals(itemprop, "dateModified") || text::iequals(itemprop, "creator");
        if (byline) {
            const std::string raw = dom.raw_text(i);
            if (text::visible_length(raw) <= kMaxBylineChars || n.tag == Tag::time) found.push_back(i);
        }
        return true;
    });
    // Between the headline and the body, templates without telling class names put the
    // byline and the dateline in plain <p>, <div> or <font> elements.
    const std::int32_t body_start = page.main.parts.empty() ? -1 : page.main.parts.front();
    if (page.h1 >= 0 && body_start > page.h1) {
        std::size_t added = 0;
        for (std::int32_t i = page.h1 + 1; i < body_start && added < kMaxHeaderZoneNodes; ++i) {
            const DomNode& n = dom.node(i);
            if (n.kind != NodeKind::element || dom.contains(page.h1, i)) continue;
            if (!(n.tag == Tag::p || n.tag == Tag::div || n.tag == Tag::span || n.tag == Tag::font ||
                  n.tag == Tag::small || n.tag == Tag::address || n.tag == Tag::time || n.tag == Tag::em))
                continue;
            bool leaf = true;
            for (std::int32_t c = n.first_child; c >= 0 && leaf; c = dom.node(c).next_sibling)
                leaf = dom.node(c).kind != NodeKind::element || !is_block(dom.node(c).tag) || dom.node(c).tag == Tag::br;
            if (!leaf) continue;
            const std::size_t length = text::visible_length(dom.raw_text(i));
            if (length == 0 || length > kMaxBylineChars) continue;
            if (std::find(found.begin(), found.end(), i) != found.end()) continue;
            found.push_back(i);
            ++added;
        }
    }
    std::stable_sort(found.begin(), found.end(), [&](std::int32_t a, std::int32_t b) {
        return std::abs(a - anchor) < std::abs(b - anchor);
    });
    if (found.size() > kMaxBylineNodes) found.resize(kMaxBylineNodes);
    page.bylines = std::move(found);
}

} // namespace rumorwatch
