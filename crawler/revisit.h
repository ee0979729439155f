/// \file
/// When to look at a URL again: recent articles often, old ones rarely; articles about the
/// rumor, and those whose status just moved, sooner; unchanged ones less and less often.
#pragma once

#include <chrono>
#include <optional>

#include "parser/core/core.h"

namespace rumorwatch {

/// What the policy knows about the visit that just happened.
struct VisitFacts {
    std::optional<Timestamp> published;  ///< the article's date, when known
    bool mentions_topic = false;         ///< some topic's status is not `none`
    bool status_changed = false;         ///< an earlier version had another status
    bool changed = true;                 ///< new or different content (false: 304 or same hash)
    std::optional<std::chrono::seconds> previous_interval; ///< next - last of the prior visit
};

/// The knobs, with defaults for news.
struct RevisitSettings {
    std::chrono::seconds min_interval{std::chrono::minutes(30)};
    std::chrono::seconds max_interval{std::chrono::hours(24 * 90)};
    /// Interval of an unchanged page grows by this factor per visit.
    double unchanged_growth = 2.0;
};

/// The interval a page of this age gets before interest and history: under a day 1 hour,
/// under a week 6 hours, under a month 1 day, under a year 1 week, else 30 days; an unknown
/// age counts as a week old (so 1 day).
std::chrono::seconds base_interval(std::optional<Timestamp> published, Timestamp now);

/// The next visit: strictly after `now` (never in the past, never now), within the settings'
/// bounds. Interest halves the interval, a status change quarters it; an unchanged page waits
/// `unchanged_growth` times its previous interval (but not less than its base).
Timestamp next_visit(Timestamp now, const VisitFacts& facts, const RevisitSettings& settings = {});

/// After a failed fetch: 1 hour doubled per consecutive failure, at most a week.
Timestamp next_visit_after_failure(Timestamp now, int failures);

} // namespace rumorwatch
