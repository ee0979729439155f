/// \file
/// The language of a page: declared tags normalised ("en-US" -> "en", "zh_Hans_CN" -> "zh")
/// and a cheap detector from the text itself (script counts for zh/ja/ko, stop words for
/// Latin-script languages). Private to parser/extract.
#pragma once

#include <string>
#include <string_view>

namespace rumorwatch {

/// The primary subtag, lower case: "en-US" -> "en", "ZH_cn" -> "zh", "zh-Hant" -> "zh".
/// Empty for an empty or malformed tag ("*", "x").
std::string normalise_language_tag(std::string_view tag);

/// What the text itself looks like.
struct LanguageGuess {
    std::string language;       ///< "zh", "ja", "ko", "en", "de", "fr", "es", "it", "pt", "nl", "ru", ... or empty
    std::string secondary;      ///< the other language of a mixed text (e.g. "en" in a zh page)
    bool mixed = false;         ///< a sizeable share of the text is in another script
    double confidence = 0.0;    ///< 0..1, share of the evidence that points to `language`
};

/// Guesses from the first few kilobytes of `text` (UTF-8). Never throws.
LanguageGuess detect_language(std::string_view text);

} // namespace rumorwatch
