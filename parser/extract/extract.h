/// \file
/// HTML page -> Article: main text, title, dates, authors, language, metadata. The public
/// face of parser/extract: with it come decoding bytes to UTF-8 (charset.h) and the links of
/// a page for discovery (links.h). Other folders include this header only.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "parser/core/core.h"
#include "parser/extract/charset.h"
#include "parser/extract/links.h"

namespace rumorwatch {

/// What the extractor may know about a page besides its bytes.
struct ExtractOptions {
    std::string url;                     ///< where the page was fetched from (for relative links, URL dates)
    std::optional<Timestamp> fetched_at; ///< for relative dates ("3 hours ago") and the future check
    DateOrder date_order = DateOrder::mdy; ///< the outlet's hint for "7/3/2026"
    std::string timezone = "UTC";          ///< the outlet's zone for dates without an offset
    std::string language_hint;             ///< the outlet's language, used when the page says nothing
    std::string content_language;          ///< HTTP Content-Language, if any
    std::string site_name;                 ///< the outlet's name, used to strip titles and when the page names none
};

/// Pages longer than this (in UTF-8 bytes) are cut, and Article::warnings says so: no
/// article needs more, and it bounds the parse time of pathological inputs.
inline constexpr std::size_t kMaxPageBytes = 16u << 20;

/// Version of the extractor's output, recorded in golden files (bump when output changes on purpose).
inline constexpr const char* kExtractorVersion = "V1";

/// Extracts an article from UTF-8 HTML. Never throws on bad input: what could not be found
/// stays empty and is named in Article::warnings. Thread-safe (no shared state).
Article extract_article(std::string_view html_utf8, const ExtractOptions& options);

/// The Gumbo version recorded at build time ("Gumbo 0.10.1"), for `--version`.
std::string gumbo_version();

/// The UTC offset of the IANA zone `zone` ("Asia/Shanghai") at the instant `at`, in
/// minutes east of UTC (daylight saving included); std::nullopt for an unknown zone.
std::optional<int> zone_offset_minutes(std::string_view zone, Timestamp at);

} // namespace rumorwatch
