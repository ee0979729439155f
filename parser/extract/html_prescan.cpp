/// \file
/// The pre-parse byte scan: a small tag tokenizer that copies markup through, skipping
/// raw-text bodies the extractor does not need.
#include "parser/extract/html_prescan.h"

#include <cstring>

#include <nlohmann/json.hpp>

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/// Elements without end tags.
bool is_void(std::string_view name) {
    static constexpr std::string_view kVoid[] = {"area", "base", "br",    "col",   "embed",
                                                 "hr",   "img",  "input", "keygen", "link",
                                                 "meta", "param", "source", "track", "wbr",
                                                 "basefont", "bgsound", "frame", "image"};
    for (auto v : kVoid)
        if (v == name) return true;
    return false;
}

/// Elements that a parser closes implicitly (a new <p> closes the open one, and so on),
/// so unclosed runs of them do not nest and must not count towards kMaxNesting.
bool is_self_closing_in_practice(std::string_view name) {
    static constexpr std::string_view kAuto[] = {
        "p",  "li", "dt",    "dd",    "option", "optgroup", "tr",       "td",  "th",
        "thead", "tbody", "tfoot", "rb", "rt",  "rtc",     "rp",       "colgroup", "caption",
        "a",  "html", "head", "body", "nobr",  "form",     "button",   "menuitem"};
    for (auto v : kAuto)
        if (v == name) return true;
    return false;
}

/// Position of the first `</name` (case-insensitive) at or after `from` that is followed by
/// white space, '/' or '>' (or the end), or npos.
std::size_t find_end_tag(std::string_view s, std::size_t from, std::string_view name) {
    while (from < s.size()) {
        const void* hit = std::memchr(s.data() + from, '<', s.size() - from);
        if (!hit) return std::string_view::npos;
        const std::size_t lt = static_cast<const char*>(hit) - s.data();
        if (lt + 2 + name.size() <= s.size() && s[lt + 1] == '/' &&
            text::iequals(s.substr(lt + 2, name.size()), name)) {
            const std::size_t after = lt + 2 + name.size();
            if (after == s.size() || is_ws(s[after]) || s[after] == '/' || s[after] == '>') return lt;
        }
        from = lt + 1;
    }
    return std::string_view::npos;
}

/// find_end_tag over one input, remembering each element name's last answer. Without it,
/// n unclosed `<select>` (or nested `<svg>` closed once at the end) rescan the rest of the
/// page n times: 100k of them in 800 KB took half a minute. The scan only moves forward,
/// so an answer stays good for every later start up to the end tag it found, and a "none"
/// stays good to the end: each byte is then looked at once per element name.
class EndTagFinder {
public:
    explicit EndTagFinder(std::string_view input) : input_(input) {}

    /// Same as find_end_tag(input, from, name).
    std::size_t find(std::size_t from, std::string_view name) {
        Answer* answer = nullptr;
        for (auto& a : answers_)
            if (a.name == name) answer = &a;
        if (answer && from >= answer->from && (answer->end_tag == std::string_view::npos || from <= answer->end_tag))
            return answer->end_tag;
        if (!answer) answer = &answers_.emplace_back(Answer{std::string(name), 0, 0});
        answer->from = from;
        answer->end_tag = find_end_tag(input_, from, name);
        return answer->end_tag;
    }

private:
    struct Answer {
        std::string name;
        std::size_t from;    ///< where the last search started
        std::size_t end_tag; ///< what it found: no end tag of `name` lies in [from, end_tag)
    };
    std::string_view input_;
    std::vector<Answer> answers_; // a handful of names: a vector beats a map
};

/// One past the '>' that closes the tag whose name ends at `pos`; attribute values in
/// quotes may contain '>'. Fills `type` with the value of a `type` attribute.
/// Attributes the extractor reads; the rest (data-*, on*, width, alt, srcset, ...) are
/// dropped before parsing, since the tree builder allocates every one of them.
bool is_kept_attribute(std::string_view name, std::string_view value) {
    static constexpr std::string_view kKept[] = {
        "class", "id", "href", "content", "name", "property", "itemprop", "datetime", "lang", "xml:lang",
        "rel", "type", "charset", "http-equiv", "role", "hidden", "aria-hidden"};
    for (auto k : kKept)
        if (text::iequals(name, k)) return true;
    // Inline styles matter only when they hide the element.
    if (text::iequals(name, "style"))
        return text::ifind(value, "none") != std::string_view::npos || text::ifind(value, "hidden") != std::string_view::npos;
    return false;
}

std::size_t scan_tag_end(std::string_view s, std::size_t pos, std::string_view* type,
                         bool* self_closing, std::string* kept = nullptr) {
    *self_closing = false;
    while (pos < s.size()) {
        while (pos < s.size() && (is_ws(s[pos]) || s[pos] == '/')) {
            if (s[pos] == '/') *self_closing = true;
            ++pos;
        }
        if (pos >= s.size()) return pos;
        if (s[pos] == '>') return pos + 1;
        *self_closing = false;
        const std::size_t name_begin = pos;
        ++pos; // the first character of a name may be anything, even '='
        while (pos < s.size() && !is_ws(s[pos]) && s[pos] != '/' && s[pos] != '>' && s[pos] != '=') ++pos;
        const std::string_view attr = s.substr(name_begin, pos - name_begin);
        while (pos < s.size() && is_ws(s[pos])) ++pos;
        if (pos >= s.size() || s[pos] != '=') {
            if (kept && is_kept_attribute(attr, {})) kept->append(" ").append(attr);
            continue;
        }
        ++pos;
        while (pos < s.size() && is_ws(s[pos])) ++pos;
        if (pos >= s.size()) return pos;
        std::string_view value;
        if (s[pos] == '"' || s[pos] == '\'') {
            const char quote = s[pos];
            const std::size_t close = s.find(quote, pos + 1);
            if (close == std::string_view::npos) return s.size();
            value = s.substr(pos + 1, close - pos - 1);
            pos = close + 1;
        } else {
            const std::size_t begin = pos;
            while (pos < s.size() && !is_ws(s[pos]) && s[pos] != '>') ++pos;
            value = s.substr(begin, pos - begin);
        }
        if (type && text::iequals(attr, "type")) *type = value;
        if (kept && is_kept_attribute(attr, value)) kept->append(" ").append(s.substr(name_begin, pos - name_begin));
    }
    return pos;
}

} // namespace

PrescannedHtml prescan_html(std::string_view input) {
    PrescannedHtml result;
    if (input.size() > kMaxHtmlBytes) {
        input = text::utf8_prefix(input, kMaxHtmlBytes);
        result.truncated = true;
    }
    std::string& out = result.html;
    out.reserve(input.size() / 2 + 64);
    std::size_t depth = 0;
    std::size_t pos = 0;
    char name_buf[16];
    std::string kept; // attributes of the current start tag that survive
    EndTagFinder end_tags(input);

    while (pos < input.size()) {
        const void* hit = std::memchr(input.data() + pos, '<', input.size() - pos);
        if (!hit) {
            out.append(input.substr(pos));
            break;
        }
        const std::size_t lt = static_cast<const char*>(hit) - input.data();
        out.append(input.substr(pos, lt - pos));
        pos = lt;
        if (lt + 1 >= input.size()) {
            out.push_back('<');
            ++pos;
            continue;
        }
        const char next = input[lt + 1];

        if (next == '!') {
            if (input.compare(lt, 4, "<!--") == 0) {
                const std::size_t close = input.find("-->", lt + 4);
                pos = close == std::string_view::npos ? input.size() : close + 3;
                continue;
            }
            const std::size_t gt = input.find('>', lt);
            const std::size_t end = gt == std::string_view::npos ? input.size() : gt + 1;
            out.append(input.substr(lt, end - lt));
            pos = end;
            continue;
        }

        const bool closing = next == '/';
        const std::size_t name_begin = lt + (closing ? 2 : 1);
        if (name_begin >= input.size() || !is_alpha(input[name_begin])) {
            // Not a tag: a literal '<' in text.
            out.push_back('<');
            ++pos;
            continue;
        }
        std::size_t name_end = name_begin;
        while (name_end < input.size() && !is_ws(input[name_end]) && input[name_end] != '/' &&
               input[name_end] != '>')
            ++name_end;
        const std::size_t name_len = name_end - name_begin;
        std::string_view name;
        if (name_len < sizeof name_buf) {
            for (std::size_t i = 0; i < name_len; ++i) {
                const char c = input[name_begin + i];
                name_buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            }
            name = std::string_view(name_buf, name_len);
        } else {
            name = "x-long-name"; // a custom element: nests like a div
        }

        std::string_view type;
        bool self_closing = false;
        kept.clear();
        const std::size_t tag_end =
            scan_tag_end(input, name_end, closing ? nullptr : &type, &self_closing, closing ? nullptr : &kept);
        const std::string_view tag = input.substr(lt, tag_end - lt);

        if (closing) {
            pos = tag_end;
            if (!is_void(name) && !is_self_closing_in_practice(name)) {
                if (depth > kMaxNesting) {
                    --depth;
                    continue; // its start tag was dropped too
                }
                if (depth > 0) --depth;
            }
            out.append(tag);
            continue;
        }

        // Raw-text elements: their bodies end at the first matching end tag.
        if (name == "script" || name == "style" || name == "iframe" || name == "noembed" ||
            name == "noframes" || name == "xmp") {
            const std::size_t close = end_tags.find(tag_end, name);
            const std::size_t body_end = close == std::string_view::npos ? input.size() : close;
            if (name == "script" && text::ifind(type, "ld+json") != std::string_view::npos)
                result.json_ld.emplace_back(input.substr(tag_end, body_end - tag_end));
            if (close == std::string_view::npos) {
                pos = input.size();
            } else {
                const std::size_t gt = input.find('>', close);
                pos = gt == std::string_view::npos ? input.size() : gt + 1;
            }
            continue;
        }
        if (name == "svg" || name == "math") {
            // Inline icons: no article text, often many kilobytes of path data.
            std::size_t nest = 1;
            std::size_t scan = tag_end;
            if (self_closing) {
                pos = tag_end;
                continue;
            }
            const std::string_view open_pattern = name == "svg" ? "<svg" : "<math";
            while (nest > 0) {
                const std::size_t close_at = end_tags.find(scan, name);
                if (close_at == std::string_view::npos) {
                    scan = input.size();
                    break;
                }
                // Only look for a nested opening before this close, so the scan stays linear.
                const std::string_view window = input.substr(0, close_at);
                const std::size_t open_at = text::ifind(window, open_pattern, scan);
                if (open_at != std::string_view::npos) {
                    ++nest;
                    scan = open_at + open_pattern.size();
                } else {
                    --nest;
                    const std::size_t gt = input.find('>', close_at);
                    scan = gt == std::string_view::npos ? input.size() : gt + 1;
                }
            }
            pos = scan;
            continue;
        }
        if (name == "select" || name == "template" || name == "button" || name == "datalist") {
            // Never article text (country lists, client-side templates, icon buttons): skip
            // the element when its end tag is there; an unclosed one is left to the parser.
            const std::size_t close = end_tags.find(tag_end, name);
            if (close != std::string_view::npos) {
                const std::size_t gt = input.find('>', close);
                pos = gt == std::string_view::npos ? input.size() : gt + 1;
                continue;
            }
        }
        if (name == "title" || name == "textarea") {
            const std::size_t close = end_tags.find(tag_end, name);
            const std::size_t end = close == std::string_view::npos ? input.size() : close;
            out.append(input.substr(lt, end - lt));
            pos = end;
            continue;
        }
        if (name == "plaintext") {
            out.append(input.substr(lt));
            break;
        }

        pos = tag_end;
        if (!is_void(name) && !is_self_closing_in_practice(name)) {
            ++depth;
            if (depth > kMaxNesting) {
                result.nesting_capped = true;
                continue;
            }
        }
        // The start tag, rebuilt with only the attributes the extractor reads.
        out.append(input.substr(lt, name_end - lt));
        out.append(kept);
        if (self_closing) out.push_back('/');
        if (tag_end > 0 && input[tag_end - 1] == '>') out.push_back('>');
    }
    return result;
}

} // namespace rumorwatch
