#include "query/timeline/story.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

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
    if (!e.echo_of.empty() || !e.echo_signal.empty()) {
        const std::string signal = e.echo_signal.empty() ? "" : " (" + e.echo_signal + ")";
        t.echoes.push_back({e, e.echo_of == t.first.url ? "syndicated copy of " + t.first.outlet_name + signal
                           : e.echo_of.empty() ? "relays a report" + signal
                                                         : "echo of " + e.echo_of + signal});
        return;
    }
    if (e.url == t.first.url) {
        t.echoes.push_back({e, "another version of the same article"});
        return;
    }
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

Timestamp local_time(const TimelineEntry& e) {
    return e.utc_offset_minutes ? e.when + minutes{*e.utc_offset_minutes} : e.when;
}

std::string format_entry_time(const TimelineEntry& e, bool utc) {
    const bool local = !utc && e.utc_offset_minutes;
    const Timestamp t = local ? local_time(e) : e.when;
    const std::string iso = format_iso8601(t); // "2025-10-08T16:20:00Z"
    if (e.day_only) return iso.substr(0, 10);
    std::string out = iso.substr(0, 10) + " " + iso.substr(11, 5);
    if (!local) return out + " UTC";
    const int off = *e.utc_offset_minutes;
    const int a = off < 0 ? -off : off;
    char buf[16];
    std::snprintf(buf, sizeof buf, " %c%02d:%02d", off < 0 ? '-' : '+', a / 60, a % 60);
    return out + buf;
}

bool moves_state(OutletTier tier) { return tier != OutletTier::blog; }

namespace {

bool asserts_state(RumorStatus s) {
    return s != RumorStatus::none && s != RumorStatus::mentioned;
}

/// The speaker that puts a party on record in `entry` (the first naming a party), or null.
const std::string* party_on_record(const TimelineEntry& entry, const std::vector<std::string>& parties) {
    for (const std::string& speaker : entry.speakers) {
        const std::string lower = text::to_lower_ascii(speaker);
        for (const std::string& party : parties)
            if (!party.empty() && lower.find(text::to_lower_ascii(party)) != std::string::npos) return &speaker;
    }
    return nullptr;
}

/// The instant an entry is ordered by: a day-only date comes after every timed event of its
/// day (a page that gives no time cannot show that it came first).
Timestamp order_time(const TimelineEntry& e) { return e.day_only ? e.when + hours{24} - seconds{1} : e.when; }

} // namespace

Timeline build_timeline(std::vector<TimelineEntry> entries, std::vector<TimelineEdit> edits,
                        const TimelineOptions& options) {
    std::erase_if(entries, [](const TimelineEntry& e) { return e.status == RumorStatus::none; });
    std::sort(entries.begin(), entries.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
        return std::tuple(order_time(a), a.outlet_id, a.url, a.version) <
               std::tuple(order_time(b), b.outlet_id, b.url, b.version);
    });

    Timeline tl;
    tl.topic_id = options.topic_id;
    tl.bucket = options.bucket;

    // The state machine runs over every entry, so a --since window starts from the
    // state the story had reached before it; only what is shown is filtered.
    //
    // Steps only from news: the line starts at the first article asserting a status; after
    // that a news assertion of another status moves it when it comes from an origin (not an
    // echo) that is a wire or major outlet's own reporting, or that puts a party on record.
    // Opinion, explainers, background, speculation and echoes never move it. Any other
    // assertion waits for a second independent origin asserting the same status; it lapses
    // when the line moves elsewhere first.
    RumorStatus state = RumorStatus::none;
    Timestamp state_since{};
    std::vector<Transition> transitions;
    std::vector<RumorStatus> state_after(entries.size());
    std::map<RumorStatus, TimelineEntry> waiting; // status -> the first minor origin asserting it
    std::map<std::string, std::string> group_origin; // near-duplicate group -> first URL in it
    std::map<RumorStatus, std::pair<Timestamp, std::string>> left; // status -> when the line left it, by which outlet

    for (std::size_t i = 0; i < entries.size(); ++i) {
        TimelineEntry& e = entries[i];
        // A near-identical text of an earlier article under another URL is its echo.
        if (e.echo_of.empty() && !e.dup_group.empty()) {
            const auto [it, inserted] = group_origin.emplace(e.dup_group, e.url);
            if (!inserted && it->second != e.url) {
                e.echo_of = it->second;
                if (e.echo_signal.empty()) e.echo_signal = "near-duplicate";
            }
        }
        std::optional<RumorStatus> next;
        std::string rule;
        std::optional<TimelineEntry> confirmed_by;
        std::string party_speaker;
        TimelineEntry first = e;
        // An echo (a copy, or a relay of a report from elsewhere: echo_signal without an
        // origin we hold) is reach, never a source.
        const bool echo = !e.echo_of.empty() || !e.echo_signal.empty();
        const bool news = asserts_state(e.status) && !echo && !e.background && e.piece_kind.empty() &&
                          e.status != RumorStatus::speculation;
        if (state == RumorStatus::none && asserts_state(e.status)) {
            next = e.status;
            rule = "start";
        } else if ((news || (e.corrected && !echo && asserts_state(e.status))) && e.status != state) {
            if (e.corrected) {
                // The analyst read the article and judged it: the correction is the news.
                next = e.status;
                rule = "corrected by hand";
            } else if (const std::string* party = party_on_record(e, options.parties)) {
                next = e.status;
                rule = "party on record";
                party_speaker = *party;
            } else if (e.tier == OutletTier::wire || e.tier == OutletTier::major) {
                next = e.status;
                rule = "wire or major outlet's own reporting";
            } else if (const auto it = waiting.find(e.status); it != waiting.end()) {
                if (it->second.outlet_id != e.outlet_id) {
                    next = e.status;
                    rule = "second independent origin";
                    first = it->second;
                    confirmed_by = e;
                }
            } else if (const auto gone = left.find(e.status);
                       gone == left.end() || gone->second.first > e.when || gone->second.second == e.outlet_id) {
                // A minor outlet's status that the line already left is stale, not waiting news.
                waiting.emplace(e.status, e);
            }
        }
        if (next) {
            Transition t;
            t.when = e.when;
            t.from = state;
            t.to = *next;
            t.first = first;
            t.rule = rule;
            t.speaker = party_speaker.empty() ? first.attribution : party_speaker;
            t.confirmed_by = confirmed_by;
            if (confirmed_by) {
                t.corroborations.push_back(*confirmed_by);
                t.independent_sources = 2;
            }
            if (state != RumorStatus::none) left[state] = {e.when, first.outlet_id};
            transitions.push_back(std::move(t));
            state = *next;
            state_since = e.when;
            waiting.clear();
        } else {
            if (!transitions.empty() && e.status == transitions.back().to) attach_follower(transitions.back(), e);
            // Stale: asserts a status the line had left, through another outlet, before the
            // article appeared.
            if (asserts_state(e.status) && e.status != state) {
                const auto gone = left.find(e.status);
                if (gone != left.end() && gone->second.first < e.when && gone->second.second != e.outlet_id &&
                    in_range(e.when, options))
                    tl.stale.push_back({e, state, state_since});
            }
        }
        state_after[i] = state;
    }

    // Buckets: only those with articles in range; the state is carried between them. An
    // article goes in the bucket of its local publication day.
    std::set<std::string> outlets_seen;
    std::map<Timestamp, BucketRow> rows;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const TimelineEntry& e = entries[i];
        outlets_seen.insert(e.outlet_id);
        if (!in_range(e.when, options)) continue;
        const Timestamp start = bucket_start(local_time(e), options.bucket);
        BucketRow& row = rows[start];
        row.start = start;
        row.end = bucket_end(start, options.bucket);
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
    for (auto& [start, row] : rows) tl.buckets.push_back(std::move(row));
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
