/// \file
/// Output escaping for terminals, CSV, HTML/XML and JSON.
#include "parser/core/escape.h"

#include <nlohmann/json.hpp>

namespace rumorwatch {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

/// Decodes one UTF-8 sequence at text[i]; returns its length, 0 when invalid.
std::size_t decode(std::string_view text, std::size_t i, char32_t& cp) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned char c = b(0);
    std::size_t len = 0;
    if (c < 0x80) {
        cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + len > text.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((b(k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(k) & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

bool is_bidi_control(char32_t cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/// Length of the escape sequence starting with ESC at text[i] (at least 1).
std::size_t escape_sequence_length(std::string_view text, std::size_t i) {
    std::size_t j = i + 1;
    if (j >= text.size()) return 1;
    const char kind = text[j];
    if (kind == '[') { // CSI: parameters and intermediates, then one final byte
        ++j;
        while (j < text.size() && static_cast<unsigned char>(text[j]) >= 0x20 &&
               static_cast<unsigned char>(text[j]) <= 0x3F)
            ++j;
        while (j < text.size() && static_cast<unsigned char>(text[j]) >= 0x20 &&
               static_cast<unsigned char>(text[j]) <= 0x2F)
            ++j;
        return (j < text.size() ? j + 1 : j) - i;
    }
    if (kind == ']' || kind == 'P' || kind == 'X' || kind == '^' || kind == '_') {
        // OSC, DCS, SOS, PM, APC: a string up to BEL or ST (ESC \).
        for (++j; j < text.size(); ++j) {
            if (text[j] == '\x07') return j + 1 - i;
            if (text[j] == '\x1b' && j + 1 < text.size() && text[j + 1] == '\\') return j + 2 - i;
        }
        return j - i;
    }
    return 2; // two-byte sequences (ESC c, ESC 7, ...)
}

void append_code_point(std::string& out, std::string_view text, std::size_t i, std::size_t len) {
    out.append(text.substr(i, len));
}

} // namespace

std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t len = decode(text, i, cp);
        if (len == 0) {
            out += kReplacement;
            ++i;
        } else {
            append_code_point(out, text, i, len);
            i += len;
        }
    }
    return out;
}

std::string terminal_escape(std::string_view text, bool keep_newlines) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '\x1b') {
            i += escape_sequence_length(text, i);
            continue;
        }
        char32_t cp = 0;
        const std::size_t len = decode(text, i, cp);
        if (len == 0) {
            out += kReplacement;
            ++i;
            continue;
        }
        if (cp == '\n' || cp == '\t' || cp == '\r') {
            if (cp != '\r') out += keep_newlines ? static_cast<char>(cp) : ' ';
        } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp)) {
            // dropped
        } else {
            append_code_point(out, text, i, len);
        }
        i += len;
    }
    return out;
}

std::string message_escape(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t len = decode(text, i, cp);
        if (len == 0 || cp < 0x20 || cp == 0x7F) {
            const auto byte = static_cast<unsigned char>(text[i]);
            out += "\\x";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
            i += 1;
            continue;
        }
        if ((cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp)) {
            out += "\\u{";
            for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 0xF];
            out += '}';
        } else {
            append_code_point(out, text, i, len);
        }
        i += len;
    }
    return out;
}

std::string terminal_line(std::string_view text) {
    const std::string escaped = terminal_escape(text, false);
    std::string out;
    bool space = false;
    for (char c : escaped) {
        if (c == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

namespace {

/// True for "-12", "+3.5", "-0.25": numbers a spreadsheet reads as numbers, not formulas.
bool is_plain_number(std::string_view s) {
    std::size_t i = (s.front() == '-' || s.front() == '+') ? 1 : 0;
    bool digit = false;
    for (; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9') digit = true;
        else if (s[i] != '.') return false;
    }
    return digit;
}

} // namespace

std::string csv_field(std::string_view text) {
    std::string valid = valid_utf8(text);
    // A cell a spreadsheet would run as a formula ("=HYPERLINK(...)", "@SUM", "+cmd|...")
    // gets a leading apostrophe, the OWASP "CSV injection" guard; numbers stay numbers.
    if (!valid.empty() && std::string_view("=+-@\t\r").find(valid.front()) != std::string_view::npos &&
        !is_plain_number(valid))
        valid.insert(0, 1, '\'');
    const bool quote = valid.find_first_of(",\"\r\n") != std::string::npos ||
                       (!valid.empty() && (valid.front() == ' ' || valid.back() == ' '));
    if (!quote) return valid;
    std::string out = "\"";
    for (char c : valid) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csv_row(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += csv_field(fields[i]);
    }
    out += "\r\n";
    return out;
}

std::string html_escape(std::string_view text) {
    const std::string valid = valid_utf8(text);
    std::string out;
    out.reserve(valid.size() + valid.size() / 8);
    for (std::size_t i = 0; i < valid.size();) {
        char32_t cp = 0;
        const std::size_t len = decode(valid, i, cp);
        switch (cp) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
            // C0 and C1 controls (ESC, BEL, ...) are parse errors in HTML and would act when
            // the file is printed in a terminal: dropped, whitespace kept.
            if (!((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F)))
                out.append(valid, i, len);
        }
        i += len;
    }
    return out;
}

std::string xml_escape(std::string_view text) {
    const std::string escaped = html_escape(text);
    std::string out;
    out.reserve(escaped.size());
    for (std::size_t i = 0; i < escaped.size();) {
        char32_t cp = 0;
        const std::size_t len = decode(escaped, i, cp); // valid: html_escape made it so
        const bool allowed = cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF);
        if (allowed) out.append(escaped, i, len);
        i += len;
    }
    return out;
}

std::string json_dump(const nlohmann::json& value, int indent) {
    return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string render_marked(std::string_view marked, char marker_on, char marker_off, std::string_view on,
                          std::string_view off, std::string (*escape)(std::string_view)) {
    std::string out;
    std::size_t start = 0;
    bool inside = false;
    for (std::size_t i = 0; i <= marked.size(); ++i) {
        const bool end = i == marked.size();
        if (!end && marked[i] != marker_on && marked[i] != marker_off) continue;
        out += escape(marked.substr(start, i - start));
        if (!end) {
            const bool opening = marked[i] == marker_on;
            if (opening && !inside) out += on;
            if (!opening && inside) out += off;
            inside = opening;
        }
        start = i + 1;
    }
    if (inside) out += off;
    return out;
}

MarkedSpans marked_spans(std::string_view marked, char marker_on, char marker_off) {
    MarkedSpans result;
    std::size_t points = 0;
    std::size_t begin = 0;
    bool inside = false;
    const std::string valid = valid_utf8(marked);
    for (char c : valid) {
        if (c == marker_on) {
            if (!inside) begin = points;
            inside = true;
            continue;
        }
        if (c == marker_off) {
            if (inside) result.spans.emplace_back(begin, points);
            inside = false;
            continue;
        }
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++points;
        result.plain += c;
    }
    if (inside) result.spans.emplace_back(begin, points);
    return result;
}

} // namespace rumorwatch
