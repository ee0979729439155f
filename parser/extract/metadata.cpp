/// \file
/// One walk over the Dom collecting keyed metadata.
#include "parser/extract/metadata.h"

#include "parser/core/core.h"

namespace rumorwatch {

std::string PageMeta::get(std::initializer_list<std::string_view> keys) const {
    for (std::string_view key : keys)
        for (const auto& [k, v] : values)
            if (k == key && !v.empty()) return v;
    return {};
}

std::vector<std::string> PageMeta::all(std::string_view key) const {
    std::vector<std::string> out;
    for (const auto& [k, v] : values)
        if (k == key && !v.empty()) out.push_back(v);
    return out;
}

PageMeta read_page_meta(const Dom& dom) {
    PageMeta meta;
    if (dom.html() >= 0) {
        std::string_view lang = dom.attr(dom.html(), "lang");
        if (lang.empty()) lang = dom.attr(dom.html(), "xml:lang");
        meta.html_lang = std::string(text::trim(lang));
    }
    dom.walk(0, [&](std::int32_t i) {
        const DomNode& n = dom.node(i);
        if (n.kind == NodeKind::text) return false;
        if (n.kind != NodeKind::element) return true;
        switch (n.tag) {
        case Tag::meta: {
            std::string_view key = dom.attr(i, "property");
            if (key.empty()) key = dom.attr(i, "name");
            if (key.empty()) key = dom.attr(i, "itemprop");
            if (key.empty()) key = dom.attr(i, "http-equiv");
            if (!key.empty())
                meta.values.emplace_back(text::to_lower_ascii(text::trim(key)),
                                         text::collapse_space(dom.attr(i, "content")));
            return false;
        }
        case Tag::link: {
            const std::string rel = text::to_lower_ascii(dom.attr(i, "rel"));
            if (meta.canonical.empty() && rel == "canonical") meta.canonical = std::string(text::trim(dom.attr(i, "href")));
            if (const std::string_view ip = dom.attr(i, "itemprop"); !ip.empty())
                meta.values.emplace_back(text::to_lower_ascii(ip), std::string(text::trim(dom.attr(i, "href"))));
            return false;
        }
        case Tag::base:
            if (meta.base_href.empty()) meta.base_href = std::string(text::trim(dom.attr(i, "href")));
            return false;
        case Tag::title:
            if (meta.title_tag.empty() && !(dom.body() >= 0 && dom.contains(dom.body(), i))) meta.title_tag = dom.text(i);
            return false;
        default:
            break;
        }
        // Microdata on ordinary elements: <time itemprop="datePublished" datetime="...">.
        if (n.attr_count > 0) {
            const std::string_view ip = dom.attr(i, "itemprop");
            if (!ip.empty()) {
                std::string_view value = dom.attr(i, "content");
                if (value.empty()) value = dom.attr(i, "datetime");
                if (!value.empty()) meta.values.emplace_back(text::to_lower_ascii(ip), text::collapse_space(value));
            }
        }
        return true;
    });
    return meta;
}

} // namespace rumorwatch
