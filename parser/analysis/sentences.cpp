/// \file
/// split_sentences: one pass over the bytes, with an abbreviation table for English.
#include "parser/analysis/sentences.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace rumorwatch {
namespace {

// Words whose period rarely ends a sentence. Compared case-sensitively where case matters
// ("No." the number sign vs. "no."), so the table holds them as written.
constexpr std::array<std::string_view, 52> kAbbreviations = {
    "Mr",   "Ms",   "Mrs",  "Dr",   "Prof", "Sr",   "Jr",   "St",  "Mt",  "Ft",   "Gen",
    "Sen",  "Rep",  "Gov",  "Lt",   "Col",  "Capt", "Inc",  "Corp", "Co", "Ltd",  "Plc",
    "LLC",  "Bros", "Jan",  "Feb",  "Mar",  "Apr",  "Jun",  "Jul", "Aug", "Sep",  "Sept",
    "Oct",  "Nov",  "Dec",  "No",   "vs",   "etc",  "approx", "est", "fig", "al",  "e.g",
    "i.e",  "a.m",  "p.m",  "U.S",  "U.K",  "U.N",  "E.U",  "Nos"};

// Company suffixes and country abbreviations often do end a sentence; these words after them
// say that one does.
// (A company's own name after its suffix, "Nissan Motor Co. Nissan said", is recognised
// from the text itself: see names_repeated.)
constexpr std::array<std::string_view, 29> kSentenceStarters = {
    "The",   "It",      "He",      "She",   "They", "We",    "I",     "But",   "And",  "In",
    "On",    "At",      "A",       "An",    "This", "That",  "These", "Those", "Its",  "Their",
    "His",   "Her",     "However", "Meanwhile", "Analysts", "Shares", "According", "As", "Both"};

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

bool starts_with_at(std::string_view text, std::size_t i, std::string_view what) {
    return text.size() >= i + what.size() && text.compare(i, what.size(), what) == 0;
}

/// Closing quotes and brackets that stay with the sentence they close.
std::size_t closer_length(std::string_view text, std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
    for (std::string_view closer : {"”", "’", "」", "』", "）", "》", "】", "\xE3\x80\x89"})
        if (starts_with_at(text, i, closer)) return closer.size();
    return 0;
}

/// Marks that end a Chinese sentence without needing white space after them.
std::size_t chinese_terminator_length(std::string_view text, std::size_t i) {
    for (std::string_view mark : {"。", "！", "？", "；"})
        if (starts_with_at(text, i, mark)) return mark.size();
    return 0;
}

/// "…" (U+2026) repeated, or "..." and longer runs of ASCII periods.
std::size_t ellipsis_length(std::string_view text, std::size_t i) {
    std::size_t n = 0;
    while (starts_with_at(text, i + n, "…")) n += 3;
    if (n) return n;
    while (i + n < text.size() && text[i + n] == '.') ++n;
    return n >= 3 ? n : 0;
}

bool is_cjk_lead(unsigned char c) { return c >= 0xE3 && c <= 0xE9; } // U+3000..U+9FFF roughly

/// The word (letters, digits and inner periods) that ends just before `dot`.
std::string_view word_before(std::string_view text, std::size_t dot) {
    std::size_t b = dot;
    while (b > 0) {
        const unsigned char c = static_cast<unsigned char>(text[b - 1]);
        if (is_upper(c) || is_lower(c) || is_digit(c) || c == '.') --b;
        else break;
    }
    return text.substr(b, dot - b);
}

/// The next word after white space from `i` (letters only).
std::string_view word_at(std::string_view text, std::size_t i) {
    std::size_t e = i;
    while (e < text.size() && (is_upper(static_cast<unsigned char>(text[e])) ||
                               is_lower(static_cast<unsigned char>(text[e]))))
        ++e;
    return text.substr(i, e - i);
}

/// Does `next` (the word after a company suffix's period at `dot`) repeat one of the three
/// words before the suffix? "Apple Inc. Apple said", "Nissan Motor Co. Nissan said": the
/// company named again as the next sentence's subject.
bool names_repeated(std::string_view text, std::size_t dot, std::string_view next) {
    if (next.empty()) return false;
    std::size_t end = dot - word_before(text, dot).size(); // start of the suffix
    for (int n = 0; n < 3; ++n) {
        while (end > 0 && is_space(static_cast<unsigned char>(text[end - 1]))) --end;
        const std::string_view w = word_before(text, end);
        if (w.empty()) return false;
        if (w == next) return true;
        end -= w.size();
    }
    return false;
}

/// Is a period at `dot` (followed by space, then `next` at `next_pos`) an abbreviation's?
bool is_abbreviation_period(std::string_view text, std::size_t dot, std::size_t next_pos) {
    const std::string_view word = word_before(text, dot);
    if (word.empty()) return false;
    const bool starter = std::find(kSentenceStarters.begin(), kSentenceStarters.end(),
                                   word_at(text, next_pos)) != kSentenceStarters.end();
    // An initial: "J. Smith", "Robert F. Kennedy".
    if (word.size() == 1 && is_upper(static_cast<unsigned char>(word[0]))) return !starter;
    // Dotted abbreviations: "U.S.", "e.g.", "a.m."
    if (word.find('.') != std::string_view::npos) return !starter;
    if (std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end()) {
        // Titles and months never end a sentence before a name or a day; company suffixes may.
        static constexpr std::string_view kMayEnd[] = {"Inc", "Corp", "Co", "Ltd", "Plc", "LLC", "etc", "Bros", "al"};
        for (auto w : kMayEnd)
            if (w == word) return !starter && !names_repeated(text, dot, word_at(text, next_pos));
        return true;
    }
    return false;
}

} // namespace

std::vector<SentenceSpan> split_sentences(std::string_view text) {
    std::vector<SentenceSpan> out;
    std::size_t paragraph = 0;
    std::size_t start = 0;
    bool paragraph_has_text = false;

    auto emit = [&](std::size_t b, std::size_t e) {
        while (b < e && (is_space(static_cast<unsigned char>(text[b])) || text[b] == '\n')) ++b;
        while (e > b && (is_space(static_cast<unsigned char>(text[e - 1])) || text[e - 1] == '\n')) --e;
        if (e > b) {
            out.push_back({b, e, paragraph});
            paragraph_has_text = true;
        }
    };

    std::size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            emit(start, i);
            // A blank line, or any line break, closes the paragraph once it has text.
            if (paragraph_has_text) {
                ++paragraph;
                paragraph_has_text = false;
            }
            start = ++i;
            continue;
        }
        // Cheap first-byte tests before any comparison: this runs for every byte.
        if (c != '.' && c != '!' && c != '?' && c != 0xE3 && c != 0xEF && c != 0xE2) {
            ++i;
            continue;
        }
        std::size_t mark = c == 0xE3 || c == 0xEF ? chinese_terminator_length(text, i) : 0;
        bool chinese = mark > 0;
        bool ellipsis = false;
        if (!mark && (c == '.' || c == 0xE2)) {
            mark = ellipsis_length(text, i);
            ellipsis = mark > 0;
        }
        if (!mark && (c == '.' || c == '!' || c == '?')) {
            mark = 1;
            while (i + mark < text.size() && (text[i + mark] == '!' || text[i + mark] == '?')) ++mark;
        }
        if (!mark) {
            ++i;
            continue;
        }
        std::size_t after = i + mark;
        while (after < text.size()) {
            const std::size_t n = closer_length(text, after);
            if (!n) break;
            after += n;
        }
        if (chinese) {
            emit(start, after);
            start = i = after;
            continue;
        }
        // English marks need white space (or the end) after them.
        std::size_t next = after;
        while (next < text.size() && is_space(static_cast<unsigned char>(text[next]))) ++next;
        if (next == text.size()) {
            emit(start, after);
            start = i = after;
            continue;
        }
        if (next == after && text[next] != '\n' && !is_cjk_lead(static_cast<unsigned char>(text[next]))) {
            i = after; // "3.5", "U.S.-based", "e.g.,": no break
            continue;
        }
        const unsigned char n = static_cast<unsigned char>(text[next]);
        bool boundary = n == '\n' || is_upper(n) || is_digit(n) || n == '"' || n == '\'' ||
                        n == '(' || n == '[' || n >= 0x80;
        if (boundary && c == '.' && !ellipsis && mark == 1 && is_abbreviation_period(text, i, next))
            boundary = false;
        if (boundary) {
            emit(start, after);
            start = after;
        }
        i = after;
    }
    emit(start, text.size());
    return out;
}

} // namespace rumorwatch
