/// \file
/// Timeline -> Markdown for a journalist's notes: transitions with quotes, dates, links.
#include "query/timeline/export/export.h"

#include <ostream>
#include <utility>

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

/// Web text inside Markdown: one line, with &, < and > as entities (no inline HTML), and
/// Markdown's link and emphasis characters backslash-escaped so a title cannot inject
/// links or markup. Quotes stay as they are: Markdown needs no entity for them, and the
/// '#' of "&#39;" would be backslash-escaped into a literal "&\#39;".
std::string md(std::string_view text) {
    std::string out;
    std::string escaped = html_escape(terminal_line(text)); // no ESC or bidi controls either
    for (const auto& [entity, c] : {std::pair<std::string_view, char>{"&#39;", '\''}, {"&quot;", '"'}})
        for (auto at = escaped.find(entity); at != std::string::npos; at = escaped.find(entity, at + 1))
            escaped.replace(at, entity.size(), 1, c);
    for (char c : escaped) {
        if (std::string_view("\\`*_[]()#!|~").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

/// A URL in a Markdown link target: only http(s), with characters that end the target encoded.
std::string md_url(std::string_view url) {
    if (!url.starts_with("http://") && !url.starts_with("https://")) return "#";
    std::string out;
    for (char c : url) {
        if (c == '(' ) out += "%28";
        else if (c == ')') out += "%29";
        else if (c == ' ') out += "%20";
        else if (c == '<' || c == '>' || c == '"' || static_cast<unsigned char>(c) < 0x20) continue;
        else out += c;
    }
    return out;
}

} // namespace

void write_timeline_markdown(const Timeline& tl, const ExportContext& ctx, std::ostream& out) {
    out << "# " << md(ctx.topic_name.empty() ? tl.topic_id : ctx.topic_name) << "\n\n";
    out << "State now: **" << to_string(tl.state) << "** (" << tl.articles << " articles)\n\n";
    out << "## How the story moved\n\n";
    if (tl.transitions.empty()) out << "No change of state in this range.\n";
    for (const Transition& t : tl.transitions) {
        const TimelineEntry& e = t.first;
        out << "- **" << format_day(t.when) << " — " << to_string(t.from) << " → " << to_string(t.to)
            << "**: [" << md(e.title) << "](" << md_url(e.url) << "), *" << md(e.outlet_name) << "*";
        if (!e.date_reliable) out << " (date not reliable: " << md(e.date_source) << ")";
        if (e.corrected) out << " (corrected by hand; the analysis said " << to_string(e.analysed_status) << ")";
        out << "\n";
        if (!e.evidence.empty()) {
            out << "  > " << md(e.evidence);
            if (!e.attribution.empty()) out << " — " << md(e.attribution);
            out << "\n";
        }
        out << "  " << t.independent_sources << " independent source" << (t.independent_sources == 1 ? "" : "s");
        if (!t.echoes.empty()) out << "; repeated by " << t.echoes.size();
        out << "\n";
    }
    if (!tl.edits.empty()) {
        out << "\n## Edits\n\n";
        for (const TimelineEdit& e : tl.edits)
            out << "- " << format_day(e.seen) << ": [" << md(e.entry.title) << "](" << md_url(e.entry.url) << ") ("
                << md(e.entry.outlet_name) << ") went from " << to_string(e.from) << " to " << to_string(e.to) << "\n";
    }
    if (!tl.stale.empty()) {
        out << "\n## Stale articles\n\n";
        for (const StaleArticle& s : tl.stale)
            out << "- " << format_day(s.entry.when) << ": [" << md(s.entry.title) << "](" << md_url(s.entry.url)
                << ") (" << md(s.entry.outlet_name) << ") still says " << to_string(s.entry.status) << "; "
                << to_string(s.established) << " since " << format_day(s.established_since) << "\n";
    }
    out << "\n## First coverage by outlet\n\n";
    for (const FirstCoverage& f : tl.first_coverage)
        out << "- " << format_day(f.entry.when) << ": " << md(f.outlet_name) << " — [" << md(f.entry.title)
            << "](" << md_url(f.entry.url) << ")\n";
    // Articles per bucket (--bucket), quiet buckets included.
    const std::vector<BucketRow> rows = all_buckets(tl);
    if (rows.empty()) return;
    out << "\n## Articles by " << to_string(tl.bucket) << "\n\n| " << to_string(tl.bucket)
        << " | articles | by status | state after |\n| --- | ---: | --- | --- |\n";
    for (const BucketRow& row : rows) {
        std::string counts;
        for (const auto& [status, n] : row.counts)
            counts += (counts.empty() ? "" : ", ") + std::string(to_string(status)) + " " + std::to_string(n);
        out << "| " << bucket_label(row, tl.bucket) << " | " << row.total << " | " << md(counts) << " | "
            << to_string(row.state) << " |\n";
    }
}

} // namespace rumorwatch
