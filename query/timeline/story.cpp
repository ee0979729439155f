#include "query/timeline/story.h"

#include <algorithm>
#include <map>
#include <set>

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

using namespace std::chrono;

constexpr std::pair<Bucket, std::string_view> kBucketNames[] = {
    {Bucket::day, "day"}, {Bucket::week, "week"}, {Bucket::month, "month"}};

/// First instant of the bucket holding `t` (UTC days; weeks start on Monday).
Timestamp bucket_start(Timestamp t, Bucket bucket) {
    const sys_days day = floor<days>(t);
    switch (bucket) {
    case Bucket::day:
        return day;
    case Bucket::week: {
        const weekday wd{day};
        return day - days{(wd.c_encoding() + 6) % 7}; // Monday = 0
    }
    case Bucket::month: {
        const year_month_day ymd{day};
        return sys_days{ymd.year() / ymd.month() / 1};
    }
    }
    return day;
}

Timestamp bucket_end(Timestamp start, Bucket bucket) {
    const sys_days day = floor<days>(start);
    switch (bucket) {
    case Bucket::day:
        return day + days{1};
    case Bucket::week:
        return day + days{7};
    case Bucket::month: {
        const year_month_day ymd{day};
        return sys_days{(ymd.year() / ymd.month() / 1) + months{1}};
    }
    }
    return day + days{1};
}

bool in_range(Timestamp t, const TimelineOptions& o) {
    return (!o.since || t >= *o.since) && (!o.until || t <= *o.until);
}

/// Whether `entry` names `source` as where it got the story.
bool attributes_to(const TimelineEntry& entry, const TimelineEntry& source) {
    if (entry.attribution.empty()) return false;
    const std::string attribution = text::to_lower_ascii(entry.attribution);
    for (const std::string& name : {source.outlet_name, source.outlet_id})
        if (!name.empty() && attribution.find(text::to_lower_ascii(name)) != std::string::npos) return true;
    return false;
}

/// Sorts echoes and corroborations of one transition into place.
void attach_follower(Transition& t, const TimelineEntry& e) {
    if (!e.dup_group.empty() && e.dup_group == t.first.dup_group) {
        t.echoes.push_back({e, "syndicated copy of " + t.first.outlet_name});
        return;
    }
    if (attributes_to(e, t.first)) {
        t.echoes.push_back({e, "attributes it to " + t.first.outlet_name});
        return;
    }
    for (const auto& c : t.corroborations) {
        if ((!e.dup_group.empty() && e.dup_group == c.dup_group) || attributes_to(e, c)) {
            t.echoes.push_back({e, "repeats " + c.outlet_name});
            return;
        }
    }
    if (e.outlet_id == t.first.outlet_id) {
        t.echoes.push_back({e, "follow-up by the same outlet"});
        return;
    }
    t.corroborations.push_back(e);
    ++t.independent_sources;
}

} // namespace

std::string_view to_string(Bucket b) {
    for (const auto& [value, name] : kBucketNames)
        if (value == b) return name;
    return "day";
}

std::optional<Bucket> bucket_from_string(std::string_view name) {
    for (const auto& [value, text] : kBucketNames)
        if (text == name) return value;
    return std::nullopt;
}

Timestamp bucket_start_of(Timestamp t, Bucket bucket) { return bucket_start(t, bucket); }
Timestamp bucket_end_of(Timestamp start, Bucket bucket) { return bucket_end(start, bucket); }

int progress_rank(RumorStatus s) {
    switch (s) {
    case RumorStatus::speculation:
        return 1;
    case RumorStatus::reported:
        return 2;
    case RumorStatus::partially_confirmed:
        return 3;
    case RumorStatus::confirmed:
        return 4;
    default:
        return 0;
    }
}

bool is_setback(RumorStatus s) {
    return s == RumorStatus::denied || s == RumorStatus::stalled || s == RumorStatus::cancelled;
}

bool moves_state(OutletTier tier) { return tier != OutletTier::blog; }

Timeline build_timeline(std::vector<TimelineEntry> entries, std::vector<TimelineEdit> edits,
                        const TimelineOptions& options) {
    std::erase_if(entries, [](const TimelineEntry& e) { return e.status == RumorStatus::none; });
    std::sort(entries.begin(), entries.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
        return std::tie(a.when, a.outlet_id, a.url) < std::tie(b.when, b.outlet_id, b.url);
    });

    Timeline tl;
    tl.topic_id = options.topic_id;
    tl.bucket = options.bucket;

    // The state machine runs over every entry, so a --since window starts from the
    // state the story had reached before it; only what is shown is filtered.
    RumorStatus state = RumorStatus::none;
    int level = 0;                       // strongest progress rank established so far
    RumorStatus level_status = RumorStatus::none;
    Timestamp level_since{};
    std::vector<Transition> transitions;
    std::vector<RumorStatus> state_after(entries.size());

    for (std::size_t i = 0; i < entries.size(); ++i) {
        const TimelineEntry& e = entries[i];
        const int rank = progress_rank(e.status);
        const bool credible = moves_state(e.tier);
        std::optional<RumorStatus> next;
        if (credible && is_setback(e.status) && e.status != state) {
            next = e.status;
        } else if (credible && rank > 0 && (rank > level || (is_setback(state) && rank >= level))) {
            next = e.status;
        }
        if (next) {
            Transition t;
            t.when = e.when;
            t.from = state;
            t.to = *next;
            t.first = e;
            transitions.push_back(std::move(t));
            state = *next;
            if (rank > level) {
                level = rank;
                level_status = e.status;
                level_since = e.when;
            }
        } else {
            if (!transitions.empty() && e.status == transitions.back().to)
                attach_follower(transitions.back(), e);
            if (rank > 0 && rank < level && e.when > level_since + days{options.stale_grace_days} &&
                in_range(e.when, options))
                tl.stale.push_back({e, level_status, level_since});
        }
        state_after[i] = state;
    }

    // Buckets: only those with articles in range; the state is carried between them.
    std::set<std::string> outlets_seen;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const TimelineEntry& e = entries[i];
        outlets_seen.insert(e.outlet_id);
        if (!in_range(e.when, options)) continue;
        const Timestamp start = bucket_start(e.when, options.bucket);
        if (tl.buckets.empty() || tl.buckets.back().start != start) {
            BucketRow row;
            row.start = start;
            row.end = bucket_end(start, options.bucket);
            tl.buckets.push_back(row);
        }
        BucketRow& row = tl.buckets.back();
        auto it = std::find_if(row.counts.begin(), row.counts.end(),
                               [&](const auto& c) { return c.first == e.status; });
        if (it == row.counts.end()) {
            row.counts.emplace_back(e.status, 1);
        } else {
            ++it->second;
        }
        ++row.total;
        row.state = state_after[i];
        row.outlets_so_far = static_cast<int>(outlets_seen.size());
        ++tl.articles;
    }
    for (BucketRow& row : tl.buckets) {
        std::sort(row.counts.begin(), row.counts.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
    }

    for (auto& t : transitions)
        if (in_range(t.when, options)) tl.transitions.push_back(std::move(t));

    std::set<std::string> covered;
    for (const TimelineEntry& e : entries) {
        if (!covered.insert(e.outlet_id).second) continue;
        if (in_range(e.when, options)) tl.first_coverage.push_back({e.outlet_id, e.outlet_name, e});
    }

    std::sort(edits.begin(), edits.end(),
              [](const TimelineEdit& a, const TimelineEdit& b) { return a.seen < b.seen; });
    for (auto& edit : edits)
        if (in_range(edit.seen, options)) tl.edits.push_back(std::move(edit));

    tl.state = state;
    return tl;
}

} // namespace rumorwatch
