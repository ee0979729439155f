/// \file
/// How a rumor moved: buckets, the state after each, transitions with their evidence,
/// first coverage, provenance, stale articles and edits. Pure: built from values, no I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "parser/core/core.h"

namespace rumorwatch {

/// One article (or one earlier version of it) as the timeline sees it.
struct TimelineEntry {
    std::string id;
    std::string url;
    std::string title;
    std::string outlet_id;
    std::string outlet_name;
    OutletTier tier = OutletTier::major;
    std::string language;
    Timestamp when{};          ///< published time, else first seen
    std::string date_source;   ///< "published:json-ld", ..., or "first-seen"
    bool date_reliable = false;
    RumorStatus status = RumorStatus::none;
    std::string evidence;      ///< the deciding sentence
    std::string cue;
    std::string attribution;
    std::string dup_group;     ///< near-duplicate group; copies of one story share it
    std::string warc_file;
    std::string warc_record_id;
    /// Which version of an edited article this entry is: "original" (as first published,
    /// at its publication time) or "edit" (at the edit's own time); empty for an article
    /// never edited.
    std::string version;
    /// The page's UTC offset for `when`, in minutes, when known (printed times use it).
    std::optional<int> utc_offset_minutes;
    bool day_only = false;     ///< the page gives a day without a time
    /// Who is on record for the asserted status: the attributions of the article's own
    /// (not background) statements of that status.
    std::vector<std::string> speakers;
    bool background = false;   ///< the deciding statement reports an older event
    /// The kind of piece when it is not news ("opinion", "explainer", ...; from the section,
    /// keywords or headline label, words in query/timeline/data/piece_kinds.tsv).
    std::string piece_kind;
    std::string echo_of;       ///< the origin's URL when the article is a copy of it
    std::string echo_signal;
    /// An analyst corrected the status by hand (`rumorwatch label`): `status` is the
    /// analyst's, `analysed_status` what the analysis said, `correction_note` why.
    bool corrected = false;
    RumorStatus analysed_status = RumorStatus::none;
    std::string correction_note;

    bool operator==(const TimelineEntry&) const = default;
};

/// A stored article whose status changed between two crawls.
struct TimelineEdit {
    TimelineEntry entry;        ///< the article as it is now
    Timestamp seen{};           ///< when the new version was crawled
    RumorStatus from = RumorStatus::none;
    RumorStatus to = RumorStatus::none;
    std::string old_title;

    bool operator==(const TimelineEdit&) const = default;
};

enum class Bucket { day, week, month };
std::string_view to_string(Bucket bucket);
std::optional<Bucket> bucket_from_string(std::string_view name);
/// First instant of the bucket holding `t` (UTC days; weeks start on Monday).
Timestamp bucket_start_of(Timestamp t, Bucket bucket);
/// First instant after the bucket that starts at `start`.
Timestamp bucket_end_of(Timestamp start, Bucket bucket);

/// What to build. Day buckets hold each article by its local publication day (its page's
/// UTC offset), not the UTC day.
struct TimelineOptions {
    std::string topic_id;
    Bucket bucket = Bucket::day;
    std::optional<Timestamp> since;
    std::optional<Timestamp> until;
    /// Days an article may lag behind the state it contradicts before it counts as stale.
    int stale_grace_days = 7;
    /// Names of the topic's parties (every alias of an entity with "party": true): an
    /// attribution naming one puts a party on record.
    std::vector<std::string> parties;
};

/// Articles of one status carried in a bucket.
struct BucketRow {
    Timestamp start{};
    Timestamp end{};                   ///< exclusive
    std::vector<std::pair<RumorStatus, int>> counts; ///< only statuses with a count, in kAllStatuses order
    int total = 0;
    RumorStatus state = RumorStatus::none; ///< the state of the rumor after this bucket
    int outlets_so_far = 0;               ///< outlets that carried the story by the bucket's end

    bool operator==(const BucketRow&) const = default;
};

/// A later article that repeats a step rather than reporting it anew.
struct Echo {
    TimelineEntry entry;
    std::string why; ///< "syndicated copy" or "attributes it to Pacific Wire"

    bool operator==(const Echo&) const = default;
};

/// A change of the rumor's state.
struct Transition {
    Timestamp when{};
    RumorStatus from = RumorStatus::none;
    RumorStatus to = RumorStatus::none;
    TimelineEntry first;                     ///< who broke it
    std::vector<Echo> echoes;                ///< who only repeated it
    std::vector<TimelineEntry> corroborations; ///< independent reports of the same step
    int independent_sources = 1;             ///< breaking source plus corroborations
    /// Why the state moved: "party on record", "wire or major outlet's own reporting",
    /// "second independent origin" or "start".
    std::string rule;
    std::string speaker;                     ///< who asserts it (the evidence's attribution)
    /// The second independent origin a minor outlet's report waited for, when it did.
    std::optional<TimelineEntry> confirmed_by;

    bool operator==(const Transition&) const = default;
};

/// An article asserting a status the state line had already left, through another outlet's
/// report, before the article was published.
struct StaleArticle {
    TimelineEntry entry;
    RumorStatus established = RumorStatus::none; ///< the state when the article appeared
    Timestamp established_since{};               ///< since when that state held

    bool operator==(const StaleArticle&) const = default;
};

/// The first article of each outlet on the story.
struct FirstCoverage {
    std::string outlet_id;
    std::string outlet_name;
    TimelineEntry entry;

    bool operator==(const FirstCoverage&) const = default;
};

struct Timeline {
    std::string topic_id;
    Bucket bucket = Bucket::day;
    std::vector<BucketRow> buckets;
    std::vector<Transition> transitions;
    std::vector<FirstCoverage> first_coverage;
    std::vector<StaleArticle> stale;
    std::vector<TimelineEdit> edits;
    RumorStatus state = RumorStatus::none; ///< the state at the end
    int articles = 0;

    bool operator==(const Timeline&) const = default;
};

/// An entry's time on its outlet's clock (UTC plus the page's offset; UTC when unknown).
Timestamp local_time(const TimelineEntry& entry);
/// "2025-10-08 17:20 +01:00": the entry's time in its outlet's zone with the offset, or
/// "2025-10-08 16:20 UTC" when `utc` is set or no offset is known; day-only dates print the day.
std::string format_entry_time(const TimelineEntry& entry, bool utc = false);

/// Where a status sits on the way from rumor to fact; 0 for statuses that are not
/// progress (none, denied, stalled, cancelled).
int progress_rank(RumorStatus status);
/// denied, stalled, cancelled: events that move the state whatever came before.
bool is_setback(RumorStatus status);
/// Whether an outlet of this tier can move the state on its own (blogs cannot).
bool moves_state(OutletTier tier);

/// Builds the timeline. `entries` may come in any order; entries with status `none`
/// are ignored. Deterministic: ties are broken by outlet id, then URL.
Timeline build_timeline(std::vector<TimelineEntry> entries, std::vector<TimelineEdit> edits,
                        const TimelineOptions& options);

} // namespace rumorwatch
