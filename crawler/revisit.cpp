/// \file
/// The revisit policy.
#include "crawler/revisit.h"

#include <algorithm>
#include <cmath>

namespace rumorwatch {

using namespace std::chrono;

seconds base_interval(std::optional<Timestamp> published, Timestamp now) {
    // An article dated in the future (a wrong time zone, a typo) is treated as brand new.
    const seconds age = published ? std::max(seconds(0), duration_cast<seconds>(now - *published)) : hours(24 * 7);
    if (age < hours(24)) return hours(1);
    if (age < hours(24 * 7)) return hours(6);
    if (age < hours(24 * 30)) return hours(24);
    if (age < hours(24 * 365)) return hours(24 * 7);
    return hours(24 * 30);
}

Timestamp next_visit(Timestamp now, const VisitFacts& facts, const RevisitSettings& settings) {
    seconds interval = base_interval(facts.published, now);
    if (facts.mentions_topic) interval /= 2;
    if (facts.status_changed) interval /= 4;
    if (!facts.changed && facts.previous_interval && *facts.previous_interval > seconds(0)) {
        const auto grown = seconds(static_cast<long long>(
            std::llround(static_cast<double>(facts.previous_interval->count()) * settings.unchanged_growth)));
        interval = std::max(interval, grown);
    }
    interval = std::clamp(interval, std::max(settings.min_interval, seconds(1)),
                          std::max(settings.max_interval, settings.min_interval));
    return now + interval;
}

Timestamp next_visit_after_failure(Timestamp now, int failures) {
    seconds interval = hours(1);
    for (int i = 1; i < failures && interval < hours(24 * 7); ++i) interval *= 2;
    return now + std::min<seconds>(interval, hours(24 * 7));
}

} // namespace rumorwatch
