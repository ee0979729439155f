#include "query/escape.h"

#include <cstdint>

namespace rumorwatch {
namespace {

/// Decodes one UTF-8 sequence at text[i]; returns its length, or 0 if invalid.
std::size_t utf8_length(std::string_view text, std::size_t i, char32_t& cp) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned char c = b(0);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > text.size()) return 0;
    cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(k) & 0x3F);
    }
    const char32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

bool is_control(char32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0); }

/// Calls f(code point, bytes) for each character, with invalid bytes as U+FFFD.
template <typename F>
void for_each_char(std::string_view text, F&& f) {
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t n = utf8_length(text, i, cp);
        if (n == 0) {
            f(U'\uFFFD', std::string_view("\xEF\xBF\xBD"));
            ++i;
        } else {
            f(cp, text.substr(i, n));
            i += n;
        }
    }
}

} // namespace

std::string escape_terminal(std::string_view text, bool keep_newlines) {
    std::string out;
    out.reserve(text.size());
    for_each_char(text, [&](char32_t cp, std::string_view bytes) {
        if (keep_newlines && (cp == '\n' || cp == '\t')) {
            out += static_cast<char>(cp);
        } else if (is_control(cp)) {
            if (cp == '\n' || cp == '\t' || cp == '\r') out += ' ';
        } else {
            out += bytes;
        }
    });
    return out;
}

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for_each_char(text, [&](char32_t cp, std::string_view bytes) {
        switch (cp) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\n': case '\t': out += static_cast<char>(cp); break;
        default:
            if (!is_control(cp)) out += bytes;
        }
    });
    return out;
}

std::string csv_field(std::string_view text) {
    std::string clean;
    for_each_char(text, [&](char32_t cp, std::string_view bytes) {
        if (cp == '\n' || cp == '\r' || !is_control(cp)) clean += bytes;
        else if (cp == '\t') clean += ' ';
    });
    if (!clean.empty() && (clean[0] == '=' || clean[0] == '+' || clean[0] == '-' || clean[0] == '@'))
        clean.insert(clean.begin(), '\'');
    if (clean.find_first_of(",\"\r\n") == std::string::npos) return clean;
    std::string out = "\"";
    for (char c : clean) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string one_line(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
        } else {
            if (space) out += ' ';
            space = false;
            out += c;
        }
    }
    return out;
}

std::string truncate_utf8(std::string_view text, std::size_t max_chars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (chars == max_chars) return std::string(text.substr(0, i)) + "…";
            ++chars;
        }
    }
    return std::string(text);
}

} // namespace rumorwatch
