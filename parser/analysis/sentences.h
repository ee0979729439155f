/// \file
/// Sentence segmentation for English and Chinese news text, with byte offsets.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace rumorwatch {

/// A sentence as a byte range of the text it was cut from; leading and trailing white
/// space are excluded, so `text.substr(begin, end - begin)` is the sentence itself.
struct SentenceSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t paragraph = 0; ///< 0-based index of the paragraph (newline-separated block)

    bool operator==(const SentenceSpan&) const = default;
};

/// Splits UTF-8 text into sentences.
///
/// - A line break always ends a sentence (paragraphs, headings, list items).
/// - English: '.', '!', '?' and ellipses end a sentence when white space and then a capital,
///   a digit, an opening quote or non-Latin text follow. Closing quotes and brackets after the
///   mark stay with the sentence. Abbreviations (Mr., Dr., Inc., U.S., Jan., e.g., i.e. ...),
///   initials ("J. Smith") and decimals ("3.5") do not end one, except that an abbreviation
///   followed by a word that usually starts a sentence ("... Alibaba Group Ltd. The deal")
///   does.
/// - Chinese: 。！？；and ellipses (…, ……) end a sentence, with closing quotes 」”』 and
///   brackets kept with it; no white space is needed after them.
/// Pure; never throws.
std::vector<SentenceSpan> split_sentences(std::string_view text);

} // namespace rumorwatch
