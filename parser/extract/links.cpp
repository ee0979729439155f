/// \file
/// Link extraction over the guarded parse (the same prescan and tree as article extraction).
#include "parser/extract/links.h"

#include <cctype>
#include <memory>
#include <set>

#include "parser/core/core.h"
#include "parser/extract/guarded_parse.h"

namespace rumorwatch {
namespace {

// --- the tree walk ---------------------------------------------------------------------------

std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : text::trim(s)) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

bool rel_has(std::string_view rel, std::string_view token) {
    const std::string value = text::to_lower_ascii(rel);
    std::size_t pos = 0;
    while (pos < value.size()) {
        while (pos < value.size() && std::isspace(static_cast<unsigned char>(value[pos]))) ++pos;
        const auto end = value.find_first_of(" \t\r\n", pos);
        if (value.substr(pos, end - pos) == token) return true;
        if (end == std::string::npos) break;
        pos = end;
    }
    return false;
}

} // namespace

PageLinks extract_links(std::string_view html, std::string_view page_url) {
    const GuardedParse parsed = parse_guarded(html);
    const Dom& dom = parsed.dom;
    if (dom.size() == 0) return {};
    const std::int32_t root = 0;
    std::string base;
    dom.walk(root, [&](std::int32_t i) {
        const DomNode& n = dom.node(i);
        if (base.empty() && n.kind == NodeKind::element && n.tag == Tag::base && dom.has_attr(i, "href"))
            base = std::string(text::trim(dom.attr(i, "href")));
        return base.empty();
    });
    std::string against(page_url);
    if (!base.empty()) {
        if (auto resolved = resolve_url(page_url, base); resolved && is_http_scheme(parse_url(*resolved)->scheme))
            against = std::move(*resolved);
    }
    PageLinks out;
    std::set<std::string> seen;
    std::string canonical_href;
    dom.walk(root, [&](std::int32_t i) {
        const DomNode& n = dom.node(i);
        if (n.kind != NodeKind::element) return true;
        if (n.tag == Tag::a || dom.tag_name(i) == "area") {
            if (dom.has_attr(i, "href")) {
                std::string url = canonical_url(against, text::trim(dom.attr(i, "href"))).value_or("");
                if (!url.empty() && seen.insert(url).second) {
                    PageLink link;
                    link.url = std::move(url);
                    link.text = collapse_spaces(dom.raw_text(i));
                    const std::string_view rel = dom.attr(i, "rel");
                    link.nofollow = rel_has(rel, "nofollow") || rel_has(rel, "sponsored") || rel_has(rel, "ugc");
                    out.links.push_back(std::move(link));
                }
            }
        } else if (n.tag == Tag::link && canonical_href.empty() && rel_has(dom.attr(i, "rel"), "canonical") &&
                   dom.has_attr(i, "href")) {
            canonical_href = std::string(text::trim(dom.attr(i, "href")));
        }
        return true;
    });
    if (!canonical_href.empty()) out.canonical = canonical_url(against, canonical_href).value_or("");
    return out;
}

} // namespace rumorwatch
