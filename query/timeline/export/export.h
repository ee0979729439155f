/// \file
/// A Timeline written out: text for people, JSON/CSV for machines, Markdown for notes,
/// self-contained HTML with a chart, and an Atom feed with one entry per transition.
/// Every piece of crawled text is escaped for the format it goes into.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "query/timeline/timeline.h"

namespace rumorwatch {

/// What the renderers need besides the timeline.
struct ExportContext {
    std::string topic_name; ///< "Alibaba supplies the AI for iPhones in China"
    Timestamp generated{};  ///< when the export was made (Atom <updated> when empty)
    bool tty = false;       ///< bold and colour in text output
    /// Print times in UTC (`--utc`) instead of each outlet's local time with its offset.
    bool utc = false;
};

/// One transition in the JSON shape of "timeline --format json" (also what
/// `crawl --on-change` hands to its command).
nlohmann::json transition_to_json(const Transition& transition);
/// The stable JSON shape documented in the README ("timeline --format json").
nlohmann::json timeline_to_json(const Timeline& timeline, const ExportContext& context);
void write_timeline_text(const Timeline& timeline, const ExportContext& context, std::ostream& out);
void write_timeline_json(const Timeline& timeline, const ExportContext& context, std::ostream& out);
/// One row per bucket and status (RFC 4180).
void write_timeline_csv(const Timeline& timeline, std::ostream& out);
void write_timeline_markdown(const Timeline& timeline, const ExportContext& context, std::ostream& out);
/// One file, no network: inline CSS and SVG, no scripts, a CSP that forbids loading anything.
void write_timeline_html(const Timeline& timeline, const ExportContext& context, std::ostream& out);
void write_timeline_atom(const Timeline& timeline, const ExportContext& context, std::ostream& out);

/// One row of the article sheet (`timeline --articles`): an article as an analyst codes it.
struct SheetRow {
    std::string id;
    std::string url;
    std::string title;
    std::string local_date; ///< "2025-02-10T17:00:00+08:00": the filed time in the zone below
    std::string zone;       ///< "UTC+08:00 (page)", "Asia/Shanghai (outlet)" or "UTC (unknown)"
    std::string date_source; ///< "published (json-ld)" or "first seen"
    std::string outlet;
    std::string tier;
    std::string language;
    RumorStatus status = RumorStatus::none; ///< the analyst's when corrected by hand
    double confidence = 0;                  ///< the analysis's
    bool corrected = false;
    RumorStatus analysed_status = RumorStatus::none;
    std::string correction_note;
    std::string evidence;
    std::string cue;
    std::string speaker;
    std::string echo_of;             ///< the origin's URL when this is a copy
    std::vector<std::string> echoes; ///< URLs of the articles that are copies of this one
};

/// The outlet's IANA zone name and its offset (minutes east of UTC) at an instant, nullopt
/// when unknown.
using OutletOffset =
    std::function<std::optional<std::pair<std::string, int>>(const std::string& outlet_id, Timestamp at)>;

/// One row per article analysed for `topic_id`, in filed-time order. The local date uses the
/// page's own UTC offset, else the outlet's zone (`outlet_offset`), else UTC.
std::vector<SheetRow> article_sheet(const std::vector<StoredArticle>& articles, const std::string& topic_id,
                                    const OutletOffset& outlet_offset);
/// The sheet as CSV (RFC 4180; cells that a spreadsheet would run as formulas are escaped).
void write_sheet_csv(const std::vector<SheetRow>& rows, std::ostream& out);
/// The sheet as a JSON array of objects, one per row, with the CSV's column names as keys.
nlohmann::json sheet_to_json(const std::vector<SheetRow>& rows);

/// One matching article, as attention over time counts it.
struct HistogramPoint {
    Timestamp time{};
    RumorStatus status = RumorStatus::none; ///< the analyst's when corrected by hand
    std::string language;
};

/// Matches per bucket, by status and by language.
struct HistogramRow {
    Timestamp start{};
    Timestamp end{}; ///< exclusive
    int total = 0;
    std::vector<int> by_status;   ///< parallel to Histogram::statuses
    std::vector<int> by_language; ///< parallel to Histogram::languages
};

/// Attention over time for a query (`search QUERY --histogram week`).
struct Histogram {
    std::string query;
    Bucket bucket = Bucket::week;
    std::vector<RumorStatus> statuses;  ///< every status that occurs, in kAllStatuses order
    std::vector<std::string> languages; ///< every language that occurs, sorted ("" for unknown)
    std::vector<HistogramRow> rows;     ///< every bucket from the first match's to the last's, empty ones too
    int matches = 0;
};

/// Counts `points` per bucket. Buckets run from `since` (else the earliest point) to
/// `until` (else the latest) without gaps: a bucket without matches is a row of zeros.
Histogram make_histogram(const std::vector<HistogramPoint>& points, Bucket bucket, std::optional<Timestamp> since,
                         std::optional<Timestamp> until);
void write_histogram_text(const Histogram& h, std::ostream& out);
/// bucket_start, bucket_end, total, one column per status ("status:reported") and language ("lang:en").
void write_histogram_csv(const Histogram& h, std::ostream& out);
nlohmann::json histogram_to_json(const Histogram& h);

/// The timeline's buckets from the first to the last without gaps: a bucket without articles
/// is a row with no counts that carries the state and outlet count of the one before, so
/// every table (text, CSV, Markdown, JSON) shows quiet periods as zeros.
std::vector<BucketRow> all_buckets(const Timeline& timeline);

/// "2025-02-13" for a bucket start, "week of 2025-02-10", "2025-02" by bucket kind.
std::string bucket_label(const BucketRow& row, Bucket bucket);

} // namespace rumorwatch
