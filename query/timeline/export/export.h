/// \file
/// A Timeline written out: text for people, JSON/CSV for machines, Markdown for notes,
/// self-contained HTML with a chart, and an Atom feed with one entry per transition.
/// Every piece of crawled text is escaped for the format it goes into.
#pragma once

#include <iosfwd>
#include <string>

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

/// "2025-02-13" for a bucket start, "week of 2025-02-10", "2025-02" by bucket kind.
std::string bucket_label(const BucketRow& row, Bucket bucket);

} // namespace rumorwatch
