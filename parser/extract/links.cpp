/// \file
/// Link extraction over the Gumbo tree.
#include "parser/extract/links.h"

#include <cctype>
#include <memory>
#include <set>

#include <gumbo.h>

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

struct GumboOutputDeleter {
    void operator()(GumboOutput* output) const noexcept { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};
using GumboTree = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// --- the tree walk ---------------------------------------------------------------------------

const char* attribute(const GumboElement& e, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
    return a ? a->value : nullptr;
}

void collect_text(const GumboNode* node, std::string& out) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
        out += node->v.text.text;
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) collect_text(static_cast<const GumboNode*>(children.data[i]), out);
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : trim(s)) {
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

bool rel_has(const char* rel, std::string_view token) {
    if (!rel) return false;
    const std::string value = lower(rel);
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

struct Walker {
    std::string base;
    PageLinks out;
    std::set<std::string> seen;
    std::string canonical_href;

    void find_base(const GumboNode* node) {
        if (node->type != GUMBO_NODE_ELEMENT) return;
        const GumboElement& e = node->v.element;
        if (e.tag == GUMBO_TAG_BASE) {
            if (const char* href = attribute(e, "href"); href && base.empty()) base = std::string(trim(href));
            return;
        }
        for (unsigned i = 0; i < e.children.length; ++i) find_base(static_cast<const GumboNode*>(e.children.data[i]));
    }

    void walk(const GumboNode* node, const std::string& against) {
        if (node->type != GUMBO_NODE_ELEMENT) return;
        const GumboElement& e = node->v.element;
        if (e.tag == GUMBO_TAG_A || e.tag == GUMBO_TAG_AREA) {
            if (const char* href = attribute(e, "href")) {
                std::string url = canonical_url(against, trim(href)).value_or("");
                if (!url.empty() && seen.insert(url).second) {
                    PageLink link;
                    link.url = std::move(url);
                    std::string text;
                    collect_text(node, text);
                    link.text = collapse_spaces(text);
                    const char* rel = attribute(e, "rel");
                    link.nofollow = rel_has(rel, "nofollow") || rel_has(rel, "sponsored") || rel_has(rel, "ugc");
                    out.links.push_back(std::move(link));
                }
            }
        } else if (e.tag == GUMBO_TAG_LINK && canonical_href.empty() && rel_has(attribute(e, "rel"), "canonical")) {
            if (const char* href = attribute(e, "href")) canonical_href = std::string(trim(href));
        }
        for (unsigned i = 0; i < e.children.length; ++i) walk(static_cast<const GumboNode*>(e.children.data[i]), against);
    }
};

} // namespace

PageLinks extract_links(std::string_view html, std::string_view page_url) {
    GumboTree tree(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
    Walker w;
    if (!tree) return {};
    w.find_base(tree->root);
    std::string against(page_url);
    if (!w.base.empty()) {
        if (auto resolved = resolve_url(page_url, w.base); resolved && is_http_scheme(parse_url(*resolved)->scheme))
            against = std::move(*resolved);
    }
    w.walk(tree->root, against);
    if (!w.canonical_href.empty()) w.out.canonical = canonical_url(against, w.canonical_href).value_or("");
    return std::move(w.out);
}

} // namespace rumorwatch
