/// \file
/// Formatting and parsing of UTC timestamps at the edges (ISO 8601, calendar days).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "parser/core/model.h"

namespace rumorwatch {

/// "2026-07-03T14:30:00Z".
std::string format_iso8601(Timestamp t);
/// "2026-07-03" (the UTC calendar day).
std::string format_day(Timestamp t);
/// Accepts "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS][.fff](Z|±HH:MM|±HHMM)" and the same with a
/// space for 'T'. A time without offset is taken as UTC. std::nullopt when malformed or
/// not a real calendar date.
std::optional<Timestamp> parse_iso8601(std::string_view text);
/// Seconds since the Unix epoch.
long long to_unix(Timestamp t);
Timestamp from_unix(long long seconds);

} // namespace rumorwatch
