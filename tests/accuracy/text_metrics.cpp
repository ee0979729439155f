/// \file
/// Tokens and bag F1 for the accuracy report. Written to be obvious rather than fast: the
/// demo world is a few hundred kilobytes of text.
#include "tests/accuracy/text_metrics.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace rumorwatch::accuracy {
namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

/// Decodes one code point at `pos` and advances it; kInvalid (and one byte) when malformed.
char32_t next_code_point(std::string_view s, std::size_t& pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char lead = byte(pos);
    std::size_t length = 0;
    char32_t cp = 0;
    if (lead < 0x80) {
        ++pos;
        return lead;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2;
        cp = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        cp = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        cp = lead & 0x07;
    } else {
        ++pos;
        return kInvalid;
    }
    if (pos + length > s.size()) {
        ++pos;
        return kInvalid;
    }
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(pos + i) & 0xC0) != 0x80) {
            ++pos;
            return kInvalid;
        }
        cp = (cp << 6) | (byte(pos + i) & 0x3F);
    }
    static constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMinimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++pos;
        return kInvalid;
    }
    pos += length;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_space(char32_t cp) {
    return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

/// Characters a reader does not see inside a word: soft hyphen, zero-width (non-)joiner,
/// word joiner, variation selectors.
bool is_invisible(char32_t cp) {
    return cp == 0xAD || cp == 0x200C || cp == 0x200D || cp == 0x2060 || (cp >= 0xFE00 && cp <= 0xFE0F);
}

/// Scripts written without spaces between words: each character is a token.
bool is_cjk(char32_t cp) {
    return (cp >= 0x3040 && cp <= 0x30FF) ||   // hiragana, katakana
           (cp >= 0x3400 && cp <= 0x4DBF) ||   // Han extension A
           (cp >= 0x4E00 && cp <= 0x9FFF) ||   // Han
           (cp >= 0xF900 && cp <= 0xFAFF) ||   // Han compatibility
           (cp >= 0x20000 && cp <= 0x3134F);   // Han extensions B..G
}

/// Letters and digits of alphabetic scripts (Latin, Greek, Cyrillic, Hangul, ...): anything
/// that is not ASCII punctuation, a punctuation or symbol block, or emoji.
bool is_word_char(char32_t cp) {
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
    if (cp == 0xD7 || cp == 0xF7) return false;
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, shapes
    if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
    if (cp >= 0xFE10 && cp <= 0xFE6F) return false;  // vertical and small forms
    if (cp >= 0xFF00 && cp <= 0xFFEF)                 // full-width forms: only letters and digits
        return (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A);
    if (cp >= 0x1F000) return false;                  // emoji and pictographs
    return true;
}

char32_t fold(char32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + ('a' - 'A');
    if (cp >= 0xFF10 && cp <= 0xFF19) return cp - 0xFF10 + '0';
    if (cp >= 0xFF21 && cp <= 0xFF3A) return cp - 0xFF21 + 'a';
    if (cp >= 0xFF41 && cp <= 0xFF5A) return cp - 0xFF41 + 'a';
    return cp;
}

} // namespace

std::string normalize_whitespace(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    bool pending_space = false;
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const std::size_t start = pos;
        const char32_t cp = next_code_point(utf8, pos);
        if (cp != kInvalid && is_space(cp)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out.append(utf8.substr(start, pos - start));
    }
    return out;
}

std::vector<std::string> tokenize(std::string_view utf8) {
    std::vector<std::string> tokens;
    std::string word;
    const auto flush = [&] {
        if (!word.empty()) tokens.push_back(std::move(word));
        word.clear();
    };
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const char32_t cp = next_code_point(utf8, pos);
        if (cp == kInvalid) {
            flush();
        } else if (is_invisible(cp)) {
            continue;
        } else if (is_cjk(cp)) {
            flush();
            std::string one;
            append_utf8(one, cp);
            tokens.push_back(std::move(one));
        } else if (is_word_char(cp)) {
            append_utf8(word, fold(cp));
        } else {
            flush();
        }
    }
    flush();
    return tokens;
}

F1Score bag_f1(const std::vector<std::string>& got, const std::vector<std::string>& expected) {
    F1Score score;
    score.got = got.size();
    score.expected = expected.size();
    if (got.empty() && expected.empty()) {
        score.precision = score.recall = score.f1 = 1;
        return score;
    }
    std::unordered_map<std::string, long> counts;
    for (const auto& item : expected) ++counts[item];
    for (const auto& item : got) {
        auto it = counts.find(item);
        if (it != counts.end() && it->second > 0) {
            --it->second;
            ++score.common;
        }
    }
    if (score.common == 0) return score;
    score.precision = static_cast<double>(score.common) / static_cast<double>(score.got);
    score.recall = static_cast<double>(score.common) / static_cast<double>(score.expected);
    score.f1 = 2 * score.precision * score.recall / (score.precision + score.recall);
    return score;
}

std::vector<std::string> shingles(const std::vector<std::string>& tokens, std::size_t n) {
    std::vector<std::string> out;
    if (tokens.empty() || n == 0) return out;
    const std::size_t count = tokens.size() >= n ? tokens.size() - n + 1 : 1;
    for (std::size_t i = 0; i < count; ++i) {
        std::string shingle;
        for (std::size_t k = i; k < std::min(i + n, tokens.size()); ++k) {
            if (k > i) shingle += ' ';
            shingle += tokens[k];
        }
        out.push_back(std::move(shingle));
    }
    return out;
}

F1Score token_f1(std::string_view got, std::string_view expected) {
    return bag_f1(tokenize(got), tokenize(expected));
}

F1Score shingle_f1(std::string_view got, std::string_view expected) {
    constexpr std::size_t kShingleTokens = 4;
    return bag_f1(shingles(tokenize(got), kShingleTokens), shingles(tokenize(expected), kShingleTokens));
}

std::string terminal_safe(std::string_view utf8, std::size_t max_chars) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    std::size_t chars = 0;
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        if (max_chars && chars == max_chars) {
            out += "…";
            break;
        }
        const std::size_t start = pos;
        const char32_t cp = next_code_point(utf8, pos);
        ++chars;
        if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp == kInvalid || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
            const auto value = cp == kInvalid ? static_cast<unsigned char>(utf8[start]) : static_cast<unsigned>(cp);
            out += "\\x";
            out += kHex[(value >> 4) & 0xF];
            out += kHex[value & 0xF];
        } else if (cp == 0x202A || cp == 0x202B || cp == 0x202D || cp == 0x202E || cp == 0x2066 ||
                   cp == 0x2067 || cp == 0x2068) {
            out += "\\u"; // bidi overrides could reorder the rest of the line
            for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 0xF];
        } else {
            out.append(utf8.substr(start, pos - start));
        }
    }
    return out;
}

} // namespace rumorwatch::accuracy
