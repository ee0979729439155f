/// \file
/// Gumbo parse and the flattening of its tree into Dom's node array.
#include "parser/extract/html_tree.h"

#include <deque>
#include <utility>

#include <gumbo.h>

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

Tag tag_from_gumbo(GumboTag t) {
    switch (t) {
    case GUMBO_TAG_HTML: return Tag::html;
    case GUMBO_TAG_HEAD: return Tag::head;
    case GUMBO_TAG_BODY: return Tag::body;
    case GUMBO_TAG_TITLE: return Tag::title;
    case GUMBO_TAG_META: return Tag::meta;
    case GUMBO_TAG_LINK: return Tag::link;
    case GUMBO_TAG_BASE: return Tag::base;
    case GUMBO_TAG_P: return Tag::p;
    case GUMBO_TAG_DIV: return Tag::div;
    case GUMBO_TAG_SPAN: return Tag::span;
    case GUMBO_TAG_A: return Tag::a;
    case GUMBO_TAG_BR: return Tag::br;
    case GUMBO_TAG_HR: return Tag::hr;
    case GUMBO_TAG_H1: return Tag::h1;
    case GUMBO_TAG_H2: return Tag::h2;
    case GUMBO_TAG_H3: return Tag::h3;
    case GUMBO_TAG_H4: return Tag::h4;
    case GUMBO_TAG_H5: return Tag::h5;
    case GUMBO_TAG_H6: return Tag::h6;
    case GUMBO_TAG_UL: return Tag::ul;
    case GUMBO_TAG_OL: return Tag::ol;
    case GUMBO_TAG_LI: return Tag::li;
    case GUMBO_TAG_DL: return Tag::dl;
    case GUMBO_TAG_DT: return Tag::dt;
    case GUMBO_TAG_DD: return Tag::dd;
    case GUMBO_TAG_TABLE: return Tag::table;
    case GUMBO_TAG_TR: return Tag::tr;
    case GUMBO_TAG_TD: return Tag::td;
    case GUMBO_TAG_TH: return Tag::th;
    case GUMBO_TAG_TBODY: return Tag::tbody;
    case GUMBO_TAG_THEAD: return Tag::thead;
    case GUMBO_TAG_TFOOT: return Tag::tfoot;
    case GUMBO_TAG_CAPTION: return Tag::caption;
    case GUMBO_TAG_BLOCKQUOTE: return Tag::blockquote;
    case GUMBO_TAG_PRE: return Tag::pre;
    case GUMBO_TAG_CODE: return Tag::code;
    case GUMBO_TAG_FIGURE: return Tag::figure;
    case GUMBO_TAG_FIGCAPTION: return Tag::figcaption;
    case GUMBO_TAG_IMG: return Tag::img;
    case GUMBO_TAG_VIDEO: return Tag::video;
    case GUMBO_TAG_AUDIO: return Tag::audio;
    case GUMBO_TAG_SOURCE: return Tag::source;
    case GUMBO_TAG_ARTICLE: return Tag::article;
    case GUMBO_TAG_SECTION: return Tag::section;
    case GUMBO_TAG_MAIN: return Tag::main;
    case GUMBO_TAG_ASIDE: return Tag::aside;
    case GUMBO_TAG_NAV: return Tag::nav;
    case GUMBO_TAG_HEADER: return Tag::header;
    case GUMBO_TAG_FOOTER: return Tag::footer;
    case GUMBO_TAG_ADDRESS: return Tag::address;
    case GUMBO_TAG_FORM: return Tag::form;
    case GUMBO_TAG_INPUT: return Tag::input;
    case GUMBO_TAG_BUTTON: return Tag::button;
    case GUMBO_TAG_SELECT: return Tag::select;
    case GUMBO_TAG_OPTION: return Tag::option;
    case GUMBO_TAG_TEXTAREA: return Tag::textarea;
    case GUMBO_TAG_LABEL: return Tag::label;
    case GUMBO_TAG_NOSCRIPT: return Tag::noscript;
    case GUMBO_TAG_TIME: return Tag::time;
    case GUMBO_TAG_EM: return Tag::em;
    case GUMBO_TAG_STRONG: return Tag::strong;
    case GUMBO_TAG_B: return Tag::b;
    case GUMBO_TAG_I: return Tag::i;
    case GUMBO_TAG_U: return Tag::u;
    case GUMBO_TAG_SMALL: return Tag::small;
    case GUMBO_TAG_SUB: return Tag::sub;
    case GUMBO_TAG_SUP: return Tag::sup;
    case GUMBO_TAG_CENTER: return Tag::center;
    case GUMBO_TAG_FONT: return Tag::font;
    case GUMBO_TAG_Q: return Tag::q;
    case GUMBO_TAG_CITE: return Tag::cite;
    case GUMBO_TAG_ABBR: return Tag::abbr;
    case GUMBO_TAG_MARK: return Tag::mark;
    case GUMBO_TAG_S: return Tag::s;
    case GUMBO_TAG_IFRAME: return Tag::iframe;
    case GUMBO_TAG_OBJECT: return Tag::object;
    case GUMBO_TAG_EMBED: return Tag::embed;
    case GUMBO_TAG_CANVAS: return Tag::canvas;
    case GUMBO_TAG_TEMPLATE: return Tag::template_;
    case GUMBO_TAG_DETAILS: return Tag::details;
    case GUMBO_TAG_SUMMARY: return Tag::summary;
    case GUMBO_TAG_MENU: return Tag::menu;
    case GUMBO_TAG_FIELDSET: return Tag::fieldset;
    case GUMBO_TAG_LEGEND: return Tag::legend;
    default: return Tag::other;
    }
}

/// Names of unknown elements (custom elements such as <amp-img>), lower-cased.
std::string_view unknown_tag_name(const GumboElement& e, std::deque<std::string>& store) {
    GumboStringPiece piece = e.original_tag;
    gumbo_tag_from_original_text(&piece); // strips '<', attributes and '>'
    store.push_back(text::to_lower_ascii(std::string_view(piece.data, piece.length)));
    return store.back();
}

} // namespace

void GumboOutputDeleter::operator()(GumboInternalOutput* output) const {
    if (output) gumbo_destroy_output(&kGumboDefaultOptions, output);
}

Dom Dom::parse(std::string_view html) {
    Dom dom;
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0; // we never read parse errors; recording them costs time
    dom.output_.reset(gumbo_parse_with_options(&options, html.data(), html.size()));
    if (!dom.output_) return dom;

    auto storage = std::make_unique<std::deque<std::string>>();

    dom.nodes_.reserve(html.size() / 24 + 16);
    dom.tag_names_.reserve(html.size() / 24 + 16);
    // Iterative depth-first copy: (gumbo node, parent index).
    std::vector<std::pair<const GumboNode*, std::int32_t>> stack;
    stack.emplace_back(dom.output_->document, -1);
    while (!stack.empty()) {
        const auto [g, parent] = stack.back();
        stack.pop_back();
        DomNode n;
        n.parent = parent;
        std::string_view tag_name;
        const GumboVector* children = nullptr;
        switch (g->type) {
        case GUMBO_NODE_DOCUMENT:
            n.kind = NodeKind::document;
            children = &g->v.document.children;
            break;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE: {
            const GumboElement& e = g->v.element;
            n.kind = NodeKind::element;
            n.tag = tag_from_gumbo(e.tag);
            if (e.tag == GUMBO_TAG_UNKNOWN) {
                tag_name = unknown_tag_name(e, *storage);
            } else {
                tag_name = gumbo_normalized_tagname(e.tag);
            }
            n.attr_begin = static_cast<std::uint32_t>(dom.attrs_.size());
            n.attr_count = e.attributes.length;
            for (unsigned k = 0; k < e.attributes.length; ++k) {
                const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[k]);
                dom.attrs_.push_back({a->name, a->value});
            }
            children = &e.children;
            break;
        }
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
            n.kind = NodeKind::text;
            n.text = g->v.text.text;
            break;
        default:
            continue; // comments
        }
        const auto index = static_cast<std::int32_t>(dom.nodes_.size());
        if (parent >= 0) {
            DomNode& p = dom.nodes_[static_cast<std::size_t>(parent)];
            if (p.last_child >= 0) {
                dom.nodes_[static_cast<std::size_t>(p.last_child)].next_sibling = index;
            } else {
                p.first_child = index;
            }
            p.last_child = index;
        }
        if (n.kind == NodeKind::element) {
            if (n.tag == Tag::html && dom.html_ < 0) dom.html_ = index;
            if (n.tag == Tag::head && dom.head_ < 0) dom.head_ = index;
            if (n.tag == Tag::body && dom.body_ < 0) dom.body_ = index;
        }
        dom.nodes_.push_back(n);
        dom.tag_names_.push_back(tag_name);
        if (children) {
            for (unsigned k = children->length; k-- > 0;)
                stack.emplace_back(static_cast<const GumboNode*>(children->data[k]), index);
        }
    }
    dom.unknown_names_ = std::move(storage);
    return dom;
}

std::string_view Dom::attr(std::int32_t i, std::string_view name) const {
    const DomNode& n = node(i);
    for (std::uint32_t k = n.attr_begin; k < n.attr_begin + n.attr_count; ++k)
        if (attrs_[k].name == name) return attrs_[k].value;
    return {};
}

bool Dom::has_attr(std::int32_t i, std::string_view name) const {
    const DomNode& n = node(i);
    for (std::uint32_t k = n.attr_begin; k < n.attr_begin + n.attr_count; ++k)
        if (attrs_[k].name == name) return true;
    return false;
}

std::string_view Dom::tag_name(std::int32_t i) const { return tag_names_[static_cast<std::size_t>(i)]; }

std::string Dom::raw_text(std::int32_t i) const {
    std::string out;
    walk(i, [&](std::int32_t k) {
        const DomNode& n = node(k);
        if (n.kind == NodeKind::text) out.append(n.text);
        return n.tag != Tag::template_;
    });
    return out;
}

std::string Dom::text(std::int32_t i) const { return text::collapse_space(raw_text(i)); }

std::string Dom::spaced_text(std::int32_t i) const {
    std::string out;
    walk(
        i,
        [&](std::int32_t k) {
            const DomNode& n = node(k);
            if (n.kind == NodeKind::text) out.append(n.text);
            else out.push_back(' ');
            return n.tag != Tag::template_;
        },
        [&](std::int32_t) { out.push_back(' '); });
    return text::collapse_space(out);
}

bool Dom::contains(std::int32_t ancestor, std::int32_t i) const {
    while (i >= 0) {
        if (i == ancestor) return true;
        i = node(i).parent;
    }
    return false;
}

bool is_heading(Tag t) {
    return t == Tag::h1 || t == Tag::h2 || t == Tag::h3 || t == Tag::h4 || t == Tag::h5 || t == Tag::h6;
}

bool is_block(Tag t) {
    switch (t) {
    case Tag::p: case Tag::div: case Tag::h1: case Tag::h2: case Tag::h3: case Tag::h4:
    case Tag::h5: case Tag::h6: case Tag::ul: case Tag::ol: case Tag::li: case Tag::dl:
    case Tag::dt: case Tag::dd: case Tag::table: case Tag::tr: case Tag::td: case Tag::th:
    case Tag::tbody: case Tag::thead: case Tag::tfoot: case Tag::caption: case Tag::blockquote:
    case Tag::pre: case Tag::figure: case Tag::figcaption: case Tag::article: case Tag::section:
    case Tag::main: case Tag::aside: case Tag::nav: case Tag::header: case Tag::footer:
    case Tag::address: case Tag::form: case Tag::center: case Tag::details: case Tag::summary:
    case Tag::dialog: case Tag::menu: case Tag::fieldset: case Tag::legend: case Tag::hr:
    case Tag::br: case Tag::noscript: case Tag::body: case Tag::html: case Tag::video:
    case Tag::audio: case Tag::iframe: case Tag::object: case Tag::textarea: case Tag::select:
        return true;
    default:
        return false;
    }
}

} // namespace rumorwatch
