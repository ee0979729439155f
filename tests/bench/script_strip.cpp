/// \file
/// A byte scanner for <script>/<style> bodies: memchr to each '<', a case-insensitive look at
/// the tag name, then a search for the matching end tag, as the HTML tokenizer would do.
#include "tests/bench/script_strip.h"

#include <cstring>

#include <nlohmann/json.hpp>

namespace rumorwatch::bench {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_ci(std::string_view s, std::size_t at, std::string_view word) {
    if (at + word.size() > s.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (lower(s[at + i]) != word[i]) return false;
    return true;
}

bool ends_name(std::string_view s, std::size_t at) {
    if (at >= s.size()) return true;
    const char c = s[at];
    return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/// Position of the "</name" that closes a raw-text element, or npos.
std::size_t find_end_tag(std::string_view s, std::size_t from, std::string_view name) {
    while (from < s.size()) {
        const void* hit = std::memchr(s.data() + from, '<', s.size() - from);
        if (!hit) return std::string_view::npos;
        const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(hit) - s.data());
        if (at + 1 < s.size() && s[at + 1] == '/' && starts_with_ci(s, at + 2, name) &&
            ends_name(s, at + 2 + name.size()))
            return at;
        from = at + 1;
    }
    return std::string_view::npos;
}

bool is_json_ld(std::string_view open_tag) {
    std::string lowered(open_tag);
    for (char& c : lowered) c = lower(c);
    return lowered.find("ld+json") != std::string::npos;
}

} // namespace

std::string strip_script_bodies(std::string_view html) {
    std::string out;
    out.reserve(html.size() / 2);
    std::size_t copied = 0; // html[0, copied) is in `out` already
    std::size_t pos = 0;
    while (pos < html.size()) {
        const void* hit = std::memchr(html.data() + pos, '<', html.size() - pos);
        if (!hit) break;
        const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(hit) - html.data());
        std::string_view name;
        if (starts_with_ci(html, at + 1, "script") && ends_name(html, at + 7)) name = "script";
        else if (starts_with_ci(html, at + 1, "style") && ends_name(html, at + 6)) name = "style";
        if (name.empty()) {
            pos = at + 1;
            continue;
        }
        const std::size_t tag_end = html.find('>', at);
        if (tag_end == std::string_view::npos) break;
        const std::size_t body = tag_end + 1;
        const std::size_t close = find_end_tag(html, body, name);
        if (close == std::string_view::npos) break;
        if (name == "script" && is_json_ld(html.substr(at, body - at))) {
            pos = close;
            continue;
        }
        out.append(html.substr(copied, body - copied));
        copied = close;
        pos = close + 2;
    }
    out.append(html.substr(copied));
    return out;
}

} // namespace rumorwatch::bench
