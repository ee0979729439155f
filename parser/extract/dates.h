/// \file
/// Reading publication dates as pages write them: structured values (ISO 8601, RFC 822,
/// epoch numbers), the URL (/2025/02/13/), and visible text in English, Chinese, Japanese
/// and Korean, absolute or relative ("3 hours ago", "昨天 14:30"), with zone abbreviations
/// and offsets, converted to UTC. Part of the parser's public surface through extract.h only.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "parser/core/core.h"

namespace rumorwatch {

/// What a date is read against.
struct DateContext {
    DateOrder order = DateOrder::mdy;       ///< for "7/3/2026"
    std::string timezone = "UTC";           ///< IANA zone for dates that name none
    std::optional<Timestamp> fetched_at;    ///< for relative dates and the future check
};

/// A date read from a page.
struct ParsedDate {
    Timestamp time{};           ///< UTC
    bool has_time = false;      ///< a time of day was given (else 00:00 local)
    bool explicit_zone = false; ///< the text named an offset or zone

    bool operator==(const ParsedDate&) const = default;
};

/// Earliest publication date accepted: the commercial web news era.
inline constexpr int kMinPlausibleYear = 1995;

/// A structured value from JSON-LD, meta or `<time datetime>`: ISO 8601 (with or without
/// offset, 'T' or space), "2025/02/13 14:30", RFC 822 ("Thu, 13 Feb 2025 14:30:00 GMT"),
/// or Unix seconds/milliseconds. Falls back to the text reader. Local times use ctx.timezone.
std::optional<ParsedDate> parse_date_value(std::string_view value, const DateContext& ctx);

/// The first date expression found anywhere in `text` (a byline, a dateline, a sentence).
/// Absolute dates win over relative ones. Implausible dates are skipped.
std::optional<ParsedDate> find_date_in_text(std::string_view text, const DateContext& ctx);

/// A day written in the URL path: /2025/02/13/, /2025-02-13/, /20250213-..., /2025/0213/.
std::optional<ParsedDate> date_from_url(std::string_view url, const DateContext& ctx);

/// Between 1995-01-01 and one day after the fetch (when the fetch time is known).
bool is_plausible(const ParsedDate& date, const DateContext& ctx);

} // namespace rumorwatch
