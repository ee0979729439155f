/// \file
/// Link extraction over the Gumbo tree.
#include "parser/links.h"

#include <cctype>
#include <memory>
#include <set>

#include <gumbo.h>

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

// --- RFC 3986 section 5.2 reference resolution ----------------------------------------------

struct Reference {
    std::string scheme, authority, path, query;
    bool has_authority = false, has_query = false;
};

Reference split_reference(std::string_view s) {
    Reference r;
    if (const auto hash = s.find('#'); hash != std::string_view::npos) s = s.substr(0, hash);
    const auto colon = s.find(':');
    const auto first_delim = s.find_first_of("/?");
    if (colon != std::string_view::npos && colon > 0 && (first_delim == std::string_view::npos || colon < first_delim) &&
        std::isalpha(static_cast<unsigned char>(s[0]))) {
        r.scheme = lower(s.substr(0, colon));
        s.remove_prefix(colon + 1);
    }
    if (s.starts_with("//")) {
        s.remove_prefix(2);
        const auto end = s.find_first_of("/?");
        r.authority = std::string(s.substr(0, end));
        r.has_authority = true;
        s = end == std::string_view::npos ? std::string_view() : s.substr(end);
    }
    if (const auto q = s.find('?'); q != std::string_view::npos) {
        r.query = std::string(s.substr(q + 1));
        r.has_query = true;
        s = s.substr(0, q);
    }
    r.path = std::string(s);
    return r;
}

std::string remove_dot_segments(std::string_view in) {
    std::string out;
    while (!in.empty()) {
        if (in.starts_with("../")) in.remove_prefix(3);
        else if (in.starts_with("./")) in.remove_prefix(2);
        else if (in.starts_with("/./")) in.remove_prefix(2);
        else if (in == "/.") in = "/";
        else if (in.starts_with("/../") || in == "/..") {
            in = in == "/.." ? std::string_view("/") : in.substr(3);
            const auto slash = out.rfind('/');
            out.resize(slash == std::string::npos ? 0 : slash);
        } else if (in == "." || in == "..") in = {};
        else {
            const auto next = in.find('/', in.front() == '/' ? 1 : 0);
            out.append(in.substr(0, next));
            in = next == std::string_view::npos ? std::string_view() : in.substr(next);
        }
    }
    return out;
}

std::string resolve(std::string_view base_url, std::string_view href) {
    const Reference base = split_reference(base_url);
    const Reference ref = split_reference(href);
    Reference t;
    if (!ref.scheme.empty()) {
        t = ref;
        t.path = remove_dot_segments(ref.path);
    } else {
        t.scheme = base.scheme;
        if (ref.has_authority) {
            t.authority = ref.authority;
            t.has_authority = true;
            t.path = remove_dot_segments(ref.path);
            t.query = ref.query;
            t.has_query = ref.has_query;
        } else {
            t.authority = base.authority;
            t.has_authority = base.has_authority;
            if (ref.path.empty()) {
                t.path = base.path;
                t.query = ref.has_query ? ref.query : base.query;
                t.has_query = ref.has_query || base.has_query;
            } else {
                if (ref.path.front() == '/') {
                    t.path = remove_dot_segments(ref.path);
                } else {
                    std::string merged;
                    if (base.has_authority && base.path.empty()) merged = "/" + ref.path;
                    else {
                        const auto slash = base.path.rfind('/');
                        merged = (slash == std::string::npos ? "" : base.path.substr(0, slash + 1)) + ref.path;
                    }
                    t.path = remove_dot_segments(merged);
                }
                t.query = ref.query;
                t.has_query = ref.has_query;
            }
        }
    }
    if (t.scheme != "http" && t.scheme != "https") return {};
    if (!t.has_authority || t.authority.empty()) return {};
    std::string out = t.scheme + "://" + t.authority + (t.path.empty() ? "/" : t.path);
    if (t.has_query) out += "?" + t.query;
    return out;
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
                std::string url = resolve(against, trim(href));
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
        std::string resolved_base = resolve(page_url, w.base);
        if (!resolved_base.empty()) against = std::move(resolved_base);
    }
    w.walk(tree->root, against);
    if (!w.canonical_href.empty()) w.out.canonical = resolve(against, w.canonical_href);
    return std::move(w.out);
}

} // namespace rumorwatch
