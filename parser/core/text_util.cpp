/// \file
/// UTF-8 decoding, validation and the character classes the extractor relies on.
#include "parser/core/text_util.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

namespace rumorwatch::text {

char32_t next_code_point(std::string_view s, std::size_t& pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char b0 = byte(pos);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    std::size_t len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        ++pos;
        return kReplacement;
    }
    if (pos + len > s.size()) {
        ++pos;
        return kReplacement;
    }
    for (std::size_t i = 1; i < len; ++i) {
        const unsigned char b = byte(pos + i);
        if ((b & 0xC0) != 0x80) {
            ++pos;
            return kReplacement;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++pos;
        return kReplacement;
    }
    pos += len;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

bool is_valid_utf8(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        // Markup is mostly ASCII: skip eight bytes at a time while no high bit is set.
        while (pos + 8 <= s.size()) {
            std::uint64_t word;
            std::memcpy(&word, s.data() + pos, 8);
            if (word & 0x8080808080808080ull) break;
            pos += 8;
        }
        if (pos >= s.size()) break;
        if (static_cast<unsigned char>(s[pos]) < 0x80) {
            ++pos;
            continue;
        }
        const std::size_t before = pos;
        const char32_t cp = next_code_point(s, pos);
        // A genuine U+FFFD in the text is three bytes; a replacement for a bad byte is one.
        if (cp == kReplacement && pos - before != 3) return false;
    }
    return true;
}

std::string make_valid_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t pos = 0;
    while (pos < s.size()) {
        const unsigned char b = static_cast<unsigned char>(s[pos]);
        if (b < 0x80) {
            if (b != 0) out.push_back(static_cast<char>(b));
            ++pos;
            continue;
        }
        append_utf8(out, next_code_point(s, pos));
    }
    return out;
}

bool is_invisible(char32_t cp) {
    return cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD || cp == 0x180E;
}

bool is_space(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0x1680 || cp == 0x85;
}

bool is_han(char32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x20000 && cp <= 0x2EBEF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x30000 && cp <= 0x3134F) || cp == 0x3007;
}

bool is_kana(char32_t cp) {
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
           (cp >= 0xFF66 && cp <= 0xFF9F);
}

bool is_hangul(char32_t cp) {
    return (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF) ||
           (cp >= 0x3130 && cp <= 0x318F);
}

bool is_cjk_punctuation(char32_t cp) {
    switch (cp) {
    case 0x3001: // 、
    case 0x3002: // 。
    case 0xFF0C: // ，
    case 0xFF1B: // ；
    case 0xFF1A: // ：
    case 0xFF01: // ！
    case 0xFF1F: // ？
    case 0xFF0E: // ．
        return true;
    default:
        return false;
    }
}

std::string collapse_space(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const unsigned char b = static_cast<unsigned char>(s[pos]);
        char32_t cp;
        if (b < 0x80) {
            cp = b;
            ++pos;
        } else {
            cp = next_code_point(s, pos);
        }
        if (is_space(cp)) {
            pending_space = !out.empty();
            continue;
        }
        if (is_invisible(cp) || cp == 0 || (cp < 0x20) || (cp >= 0x7F && cp < 0xA0)) continue;
        if (pending_space) out.push_back(' ');
        pending_space = false;
        append_utf8(out, cp);
    }
    return out;
}

std::size_t visible_length(std::string_view s) {
    std::size_t n = 0;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const unsigned char b = static_cast<unsigned char>(s[pos]);
        if (b < 0x80) {
            ++pos;
            if (b > ' ') ++n;
            continue;
        }
        const char32_t cp = next_code_point(s, pos);
        if (!is_space(cp) && !is_invisible(cp)) ++n;
    }
    return n;
}

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::string to_lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

namespace {
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
} // namespace

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

std::size_t ifind(std::string_view haystack, std::string_view needle, std::size_t from) {
    if (needle.empty()) return from <= haystack.size() ? from : std::string_view::npos;
    if (haystack.size() < needle.size()) return std::string_view::npos;
    const char first = lower(needle[0]);
    for (std::size_t i = from; i + needle.size() <= haystack.size(); ++i) {
        if (lower(haystack[i]) != first) continue;
        std::size_t j = 1;
        while (j < needle.size() && lower(haystack[i + j]) == lower(needle[j])) ++j;
        if (j == needle.size()) return i;
    }
    return std::string_view::npos;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

std::string_view trim(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

std::string strip_controls(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t pos = 0;
    while (pos < s.size()) {
        const char32_t cp = next_code_point(s, pos);
        if (cp == '\n' || cp == '\t') {
            out.push_back(static_cast<char>(cp));
            continue;
        }
        if (cp == 0x1B) {
            // ESC [ ... final byte, ESC ] ... BEL/ST, or a two-byte escape: drop it whole.
            if (pos < s.size() && s[pos] == '[') {
                ++pos;
                while (pos < s.size() && !(s[pos] >= 0x40 && s[pos] <= 0x7E)) ++pos;
                if (pos < s.size()) ++pos;
            } else if (pos < s.size() && s[pos] == ']') {
                while (pos < s.size() && s[pos] != '\a' && s[pos] != 0x1B) ++pos;
                if (pos < s.size()) ++pos;
            } else if (pos < s.size()) {
                ++pos;
            }
            continue;
        }
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) continue;
        // Bidirectional overrides can disguise text on a terminal.
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) continue;
        append_utf8(out, cp);
    }
    return out;
}

std::string decode_entities(std::string_view s) {
    if (s.find('&') == std::string_view::npos) return std::string(s);
    static constexpr std::pair<std::string_view, char32_t> kNamed[] = {
        {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
        {"nbsp", 0xA0},    {"hellip", 0x2026}, {"mdash", 0x2014}, {"ndash", 0x2013}, {"lsquo", 0x2018},
        {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"copy", 0xA9},    {"reg", 0xAE},
        {"trade", 0x2122}, {"middot", 0xB7},  {"bull", 0x2022},  {"laquo", 0xAB},   {"raquo", 0xBB},
        {"eacute", 0xE9},  {"egrave", 0xE8},  {"agrave", 0xE0},  {"ccedil", 0xE7},  {"uuml", 0xFC},
        {"ouml", 0xF6},    {"auml", 0xE4},    {"szlig", 0xDF},   {"shy", 0xAD},     {"zwj", 0x200D},
        {"zwnj", 0x200C},  {"euro", 0x20AC},  {"pound", 0xA3},   {"yen", 0xA5},     {"times", 0xD7}};
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] != '&') {
            out.push_back(s[i++]);
            continue;
        }
        const std::size_t semi = s.find(';', i + 1);
        if (semi == std::string_view::npos || semi - i > 12) {
            out.push_back(s[i++]);
            continue;
        }
        const std::string_view ref = s.substr(i + 1, semi - i - 1);
        char32_t cp = 0;
        if (!ref.empty() && ref[0] == '#') {
            const bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
            std::size_t k = hex ? 2 : 1;
            bool ok = k < ref.size();
            for (; ok && k < ref.size(); ++k) {
                const char c = ref[k];
                int d = -1;
                if (c >= '0' && c <= '9') d = c - '0';
                else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
                else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
                if (d < 0 || cp > 0x10FFFF) ok = false;
                else cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(d);
            }
            if (!ok || cp == 0) {
                out.push_back(s[i++]);
                continue;
            }
        } else {
            for (const auto& [name, value] : kNamed)
                if (ref == name) cp = value;
            if (cp == 0) {
                out.push_back(s[i++]);
                continue;
            }
        }
        append_utf8(out, cp);
        i = semi + 1;
    }
    return out;
}

std::string replace_all(std::string_view s, std::string_view from, std::string_view to) {
    std::string out;
    if (from.empty()) return std::string(s);
    out.reserve(s.size());
    std::size_t pos = 0;
    while (true) {
        const std::size_t hit = s.find(from, pos);
        if (hit == std::string_view::npos) break;
        out.append(s.substr(pos, hit - pos));
        out.append(to);
        pos = hit + from.size();
    }
    out.append(s.substr(pos));
    return out;
}

std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    return s.substr(0, end);
}

} // namespace rumorwatch::text
