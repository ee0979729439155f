/// \file
/// A byte scan run before the HTML parser: drops what the extractor never reads (script
/// and style bodies, comments, inline SVG, iframe fallback), keeps JSON-LD aside, and caps
/// element nesting so that hostile pages cannot make the tree builder quadratic or deep.
/// Private to parser/extract.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "parser/extract/extract.h"

namespace rumorwatch {

/// Deeper nesting than this of elements that really nest (div, span, section, b, ...) is
/// flattened: the extra start and end tags are dropped, their text is kept. Real pages
/// stay far below it; 50 MB of `<div>` would otherwise cost the tree builder O(n²).
inline constexpr std::size_t kMaxNesting = 256;

/// Pages beyond this size are cut (with a warning): see kMaxPageBytes.
inline constexpr std::size_t kMaxHtmlBytes = kMaxPageBytes;

/// The page as the tree builder should see it, plus what was set aside.
struct PrescannedHtml {
    std::string html;                  ///< markup without script/style bodies, comments, svg
    std::vector<std::string> json_ld;  ///< raw text of each `<script type="application/ld+json">`
    bool nesting_capped = false;       ///< some tags were dropped by kMaxNesting
    bool truncated = false;            ///< input was longer than kMaxHtmlBytes
};

/// Scans `html` once. Follows the HTML rule that script data ends at the first `</script`
/// (case-insensitive) whatever precedes it. Never throws on any input.
PrescannedHtml prescan_html(std::string_view html);

} // namespace rumorwatch
