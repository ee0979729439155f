/// \file
/// Reading the JSON that web pages actually ship in `<script type="application/ld+json">`:
/// comments, trailing commas, raw newlines in strings, CDATA and HTML comment wrappers,
/// several objects in one block, HTML-escaped quotes. Private to parser/extract.
#pragma once

#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace rumorwatch {

/// Values nested deeper than this are dropped (nlohmann's parser recurses).
inline constexpr int kMaxJsonDepth = 128;
/// Blocks larger than this are ignored.
inline constexpr std::size_t kMaxJsonBytes = 4u << 20;

/// Every top-level JSON value that can be recovered from `raw`, in order. Values that stay
/// malformed after repair are skipped. Never throws.
std::vector<nlohmann::json> parse_lenient_json(std::string_view raw);

} // namespace rumorwatch
