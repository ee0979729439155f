/// \file
/// UTF-8 helpers the extractor shares: decoding, validation, whitespace and invisible
/// characters, script classes (CJK, Kana, Hangul) and ASCII case folding: the one set of
/// such helpers for every folder (through parser/core/core.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rumorwatch::text {

/// The replacement character, written for every invalid byte sequence.
inline constexpr char32_t kReplacement = 0xFFFD;

/// Decodes one code point at `pos` and advances `pos`. An invalid, overlong, surrogate or
/// truncated sequence yields kReplacement and advances by one byte, so any input is walked.
char32_t next_code_point(std::string_view s, std::size_t& pos);

/// Appends the UTF-8 encoding of `cp` (kReplacement for surrogates or values past U+10FFFF).
void append_utf8(std::string& out, char32_t cp);

/// True when `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view s);

/// `s` with every invalid sequence replaced by U+FFFD and NUL bytes dropped.
std::string make_valid_utf8(std::string_view s);

/// Characters the reader never sees that still split words: zero-width space, word
/// joiner, BOM, soft hyphen. Removed from extracted text.
bool is_invisible(char32_t cp);

/// White space in the Unicode sense that matters for web text (ASCII, NBSP, the U+2000
/// block, ideographic space, line/paragraph separators).
bool is_space(char32_t cp);

/// Han ideographs (CJK unified, extensions, compatibility).
bool is_han(char32_t cp);
/// Hiragana and Katakana (with the half-width forms).
bool is_kana(char32_t cp);
/// Hangul syllables and jamo.
bool is_hangul(char32_t cp);
/// Any of the three: scripts written without spaces between words (Korean does use them,
/// but its "words" are long, so it is counted per character too).
inline bool is_cjk(char32_t cp) { return is_han(cp) || is_kana(cp) || is_hangul(cp); }
/// CJK punctuation that ends or splits a clause (，。、；：！？ and full-width forms).
bool is_cjk_punctuation(char32_t cp);

/// Collapses runs of white space to one ASCII space, drops invisible characters and
/// trims both ends. Input need not be valid UTF-8; the output is.
std::string collapse_space(std::string_view s);

/// "Length" of text as a reader perceives it: CJK characters count one each, other
/// characters count one each too, but white space is not counted. Used for scoring,
/// so that 300 Chinese characters weigh like ~300 Latin letters, not like one word.
std::size_t visible_length(std::string_view s);

/// Number of code points.
std::size_t code_points(std::string_view s);

/// ASCII lower-casing (other bytes unchanged).
std::string to_lower_ascii(std::string_view s);
/// Case-insensitive ASCII equality.
bool iequals(std::string_view a, std::string_view b);
/// Case-insensitive ASCII search; npos when absent.
std::size_t ifind(std::string_view haystack, std::string_view needle, std::size_t from = 0);
/// Case-insensitive ASCII prefix test.
bool istarts_with(std::string_view s, std::string_view prefix);

/// `s` without leading and trailing ASCII white space.
std::string_view trim(std::string_view s);

/// Removes C0/C1 control characters (except newline and tab) and escape sequences from
/// web text before it goes to a terminal. Output is valid UTF-8.
std::string strip_controls(std::string_view s);

/// Decodes the HTML character references that leak into metadata (JSON-LD strings, feed
/// titles): numeric ones and the common named ones. Unknown names are kept as written.
std::string decode_entities(std::string_view s);

/// `s` with every occurrence of `from` (non-empty) replaced by `to`.
std::string replace_all(std::string_view s, std::string_view from, std::string_view to);

/// Cuts `s` to at most `max_bytes` bytes without splitting a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes);

} // namespace rumorwatch::text
