/// \file
/// The parsed page as a flat array of nodes (parent, first child, next sibling indices),
/// built once from Gumbo's tree so that every later pass can walk it iteratively and keep
/// per-node data in plain vectors. Owns the Gumbo output (RAII). Private to parser/extract.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct GumboInternalOutput; // gumbo.h's GumboOutput; kept out of this header on purpose

namespace rumorwatch {

/// The elements the extractor tells apart; everything else is `other`.
enum class Tag : std::uint8_t {
    other, html, head, body, title, meta, link, base,
    p, div, span, a, br, hr, h1, h2, h3, h4, h5, h6,
    ul, ol, li, dl, dt, dd, table, tr, td, th, tbody, thead, tfoot, caption,
    blockquote, pre, code, figure, figcaption, img, picture, video, audio, source,
    article, section, main, aside, nav, header, footer, address,
    form, input, button, select, option, textarea, label,
    noscript, time, em, strong, b, i, u, small, sub, sup, center, font, q, cite, abbr, mark, s,
    iframe, object, embed, canvas, template_, details, summary, dialog, menu, fieldset, legend,
};

enum class NodeKind : std::uint8_t { document, element, text };

/// One node. Indices are into Dom::nodes; -1 means none.
struct DomNode {
    NodeKind kind = NodeKind::element;
    Tag tag = Tag::other;
    std::int32_t parent = -1;
    std::int32_t first_child = -1;
    std::int32_t last_child = -1;
    std::int32_t next_sibling = -1;
    std::uint32_t attr_begin = 0;
    std::uint32_t attr_count = 0;
    std::string_view text; ///< decoded text of a text node (owned by the Dom)
};

struct DomAttr {
    std::string_view name;  ///< lower case
    std::string_view value; ///< entities decoded
};

struct GumboOutputDeleter {
    void operator()(GumboInternalOutput* output) const;
};

/// A parsed page. Move-only; the views in nodes and attributes live as long as it does.
class Dom {
public:
    /// Parses `html` (UTF-8; invalid bytes are tolerated by the parser). Never throws on
    /// bad markup; may throw std::bad_alloc.
    static Dom parse(std::string_view html);

    const std::vector<DomNode>& nodes() const { return nodes_; }
    const DomNode& node(std::int32_t i) const { return nodes_[static_cast<std::size_t>(i)]; }
    std::int32_t size() const { return static_cast<std::int32_t>(nodes_.size()); }

    /// Index of the <html>, <head>, <body> elements (-1 when absent).
    std::int32_t html() const { return html_; }
    std::int32_t head() const { return head_; }
    std::int32_t body() const { return body_; }

    /// Value of attribute `name` (lower case) or an empty view.
    std::string_view attr(std::int32_t i, std::string_view name) const;
    bool has_attr(std::int32_t i, std::string_view name) const;
    /// The original tag name of an element (lower case), also for unknown tags.
    std::string_view tag_name(std::int32_t i) const;

    /// All text below `i`, concatenated as it appears (no block separation), raw spacing.
    std::string raw_text(std::int32_t i) const;
    /// raw_text with white space collapsed and invisible characters removed.
    std::string text(std::int32_t i) const;
    /// Like text, with a space at every element boundary, so that adjacent inline elements
    /// ("<span>2:30</span><span>Kim</span>") stay apart. For bylines and datelines.
    std::string spaced_text(std::int32_t i) const;

    /// True when `ancestor` is `i` or one of its ancestors.
    bool contains(std::int32_t ancestor, std::int32_t i) const;

    /// Calls `f(index)` for `root` and every node below it, in document order, without
    /// recursion. `f` returns false to skip the node's children.
    template <typename F>
    void walk(std::int32_t root, F&& f) const {
        if (root < 0) return;
        std::int32_t i = root;
        while (true) {
            const bool descend = f(i);
            const DomNode& n = node(i);
            if (descend && n.first_child >= 0) {
                i = n.first_child;
                continue;
            }
            while (i != root && node(i).next_sibling < 0) i = node(i).parent;
            if (i == root) return;
            i = node(i).next_sibling;
        }
    }

    /// Like walk, and calls `leave(index)` after a node's children (also when they were
    /// skipped), for renderers that must close blocks.
    template <typename Enter, typename Leave>
    void walk(std::int32_t root, Enter&& enter, Leave&& leave) const {
        if (root < 0) return;
        std::int32_t i = root;
        while (true) {
            const bool descend = enter(i);
            const DomNode& n = node(i);
            if (descend && n.first_child >= 0) {
                i = n.first_child;
                continue;
            }
            leave(i);
            while (i != root && node(i).next_sibling < 0) {
                i = node(i).parent;
                leave(i);
            }
            if (i == root) return;
            i = node(i).next_sibling;
        }
    }

private:
    std::unique_ptr<GumboInternalOutput, GumboOutputDeleter> output_;
    std::vector<DomNode> nodes_;
    std::vector<DomAttr> attrs_;
    std::vector<std::string_view> tag_names_; ///< per node, for elements
    std::unique_ptr<std::deque<std::string>> unknown_names_; ///< stable storage for odd tag names
    std::int32_t html_ = -1, head_ = -1, body_ = -1;
};

/// True for elements that start a new block of text (p, div, h1, li, ...).
bool is_block(Tag tag);
/// h1..h6.
bool is_heading(Tag tag);

} // namespace rumorwatch
