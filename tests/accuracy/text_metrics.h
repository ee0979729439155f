/// \file
/// How extracted text is compared with labeled text: whitespace normalisation, tokens
/// (words for alphabetic scripts, single characters for CJK) and bag-of-tokens F1 scores.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rumorwatch::accuracy {

/// Runs of whitespace (ASCII, no-break space, ideographic space, line and paragraph
/// separators, zero-width space) collapsed to one ASCII space, trimmed at both ends.
/// Invalid UTF-8 bytes are kept as they are (they then simply fail to match).
std::string normalize_whitespace(std::string_view utf8);

/// Tokens of `utf8`: maximal runs of letters and digits for alphabetic scripts (lower-cased
/// for ASCII, full-width forms folded to ASCII), and one token per Han, kana or other CJK
/// ideograph. Punctuation, symbols and emoji separate tokens and are dropped; soft hyphens
/// and zero-width joiners inside words are ignored, as a reader would.
std::vector<std::string> tokenize(std::string_view utf8);

/// Precision, recall and F1 of a bag comparison.
struct F1Score {
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    std::size_t got = 0;      ///< items in the extracted bag
    std::size_t expected = 0; ///< items in the labeled bag
    std::size_t common = 0;   ///< multiset intersection
};

/// Multiset F1 of `got` against `expected`. Two empty bags score 1; one empty bag scores 0.
F1Score bag_f1(const std::vector<std::string>& got, const std::vector<std::string>& expected);

/// Shingles of `n` consecutive tokens joined by a space (the held-out set's unit, n = 4).
/// A text shorter than `n` tokens gives one shingle of all of them (none when empty).
std::vector<std::string> shingles(const std::vector<std::string>& tokens, std::size_t n);

/// Token F1 of extracted text against labeled text.
F1Score token_f1(std::string_view got, std::string_view expected);
/// Bag-of-4-token-shingle F1 of extracted text against labeled text.
F1Score shingle_f1(std::string_view got, std::string_view expected);

/// `utf8` made safe for a terminal: C0/C1 controls and DEL as \xNN (tab and newline as
/// \t and \n), invalid UTF-8 bytes as \xNN, and cut to `max_chars` code points with "…".
std::string terminal_safe(std::string_view utf8, std::size_t max_chars = 0);

} // namespace rumorwatch::accuracy
