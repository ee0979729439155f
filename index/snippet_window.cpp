/// \file
/// Picking the passage of a long text that a snippet will come from.
#include "index/snippet_window.h"

#include <algorithm>
#include <set>

#include <xapian.h>

#include "index/schema.h"

namespace rumorwatch::index_detail {
namespace {

bool is_ascii_alnum(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

unsigned char fold(unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + 32) : c; }

/// Case-folded comparison of `word` (already lower-case) with `text` at `at`.
bool matches_at(std::string_view text, std::size_t at, std::string_view word) {
    if (text.size() - at < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (fold(static_cast<unsigned char>(text[at + i])) != static_cast<unsigned char>(word[i])) return false;
    return true;
}

/// Moves `at` back to the start of the UTF-8 character it points into.
std::size_t char_start(std::string_view text, std::size_t at) {
    while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    return at;
}

struct Hit {
    std::size_t at;
    std::size_t word; ///< index into the word list
};

/// Every occurrence of each word, in text order. A word that occurs very often is capped:
/// its first occurrences are enough to place the window.
std::vector<Hit> find_hits(std::string_view text, const std::vector<std::string>& words) {
    constexpr std::size_t kMaxHitsPerWord = 200;
    std::vector<Hit> hits;
    for (std::size_t w = 0; w < words.size(); ++w) {
        const std::string& word = words[w];
        const auto first = static_cast<unsigned char>(word[0]);
        const bool latin = first < 0x80;
        const unsigned char upper = first >= 'a' && first <= 'z' ? static_cast<unsigned char>(first - 32) : first;
        std::size_t found = 0;
        for (std::size_t at = 0; at < text.size() && found < kMaxHitsPerWord; ++at) {
            const auto c = static_cast<unsigned char>(text[at]);
            if (c != first && c != upper) continue;
            if (latin && at > 0 && is_ascii_alnum(static_cast<unsigned char>(text[at - 1]))) continue;
            if (!matches_at(text, at, word)) continue;
            hits.push_back({at, w});
            ++found;
        }
    }
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.at < b.at; });
    return hits;
}

/// True for the prefixes of free text: none (unstemmed body and title), "Z" (stems),
/// the title's and the title's stems.
bool text_prefix(std::string_view prefix) {
    const std::string title(schema::kTitle);
    return prefix.empty() || prefix == "Z" || prefix == title || prefix == "Z" + title;
}

} // namespace

std::vector<std::string> snippet_words(const Xapian::Query& query) {
    std::set<std::string> words;
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        const std::string& term = *it;
        // Xapian's convention: a prefix is upper-case ASCII; "X" starts a longer one.
        std::size_t end = 0;
        if (!term.empty() && term[0] == 'X') {
            end = 1;
            while (end < term.size() && term[end] >= 'A' && term[end] <= 'Z') ++end;
        } else {
            while (end < term.size() && term[end] >= 'A' && term[end] <= 'Z') ++end;
        }
        if (!text_prefix(std::string_view(term).substr(0, end)) || end == term.size()) continue;
        std::string word = term.substr(end);
        for (char& c : word) c = static_cast<char>(fold(static_cast<unsigned char>(c)));
        // The English stemmer turns a final y into i ("compani" for company): the
        // shorter form finds both spellings in the text.
        if (end > 0 && word.size() > 3 && word.back() == 'i') word.pop_back();
        words.insert(std::move(word));
    }
    return {words.begin(), words.end()};
}

TextWindow snippet_window(std::string_view text, const std::vector<std::string>& words,
                          std::size_t snippet_bytes) {
    const TextWindow whole{0, text.size()};
    // Short texts cost little: let Xapian see all of them.
    if (words.empty() || snippet_bytes == 0 || text.size() <= 8 * snippet_bytes) return whole;
    const std::vector<Hit> hits = find_hits(text, words);
    if (hits.empty()) return whole;

    // The span of 2 × snippet_bytes holding the most distinct words (earliest on ties):
    // where Xapian, which scores passages by the query terms in them, will look.
    const std::size_t span = 2 * snippet_bytes;
    std::size_t best = 0, best_distinct = 0;
    std::vector<int> count(words.size(), 0);
    std::size_t distinct = 0;
    for (std::size_t lo = 0, hi = 0; lo < hits.size(); ++lo) {
        while (hi < hits.size() && hits[hi].at < hits[lo].at + span) {
            if (count[hits[hi].word]++ == 0) ++distinct;
            ++hi;
        }
        if (distinct > best_distinct) {
            best_distinct = distinct;
            best = lo;
        }
        if (--count[hits[lo].word] == 0) --distinct;
    }

    const std::size_t anchor = hits[best].at;
    std::size_t begin = anchor > snippet_bytes ? anchor - snippet_bytes : 0;
    std::size_t end = std::min(text.size(), anchor + span + snippet_bytes);
    // Start after a space or line break when one is near, so no word is cut in two.
    for (std::size_t back = begin, steps = 0; back > 0 && steps < 64; --back, ++steps)
        if (text[back - 1] == ' ' || text[back - 1] == '\n') {
            begin = back;
            break;
        }
    begin = char_start(text, begin);
    end = char_start(text, end);
    return {begin, end};
}

} // namespace rumorwatch::index_detail
