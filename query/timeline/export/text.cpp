/// \file
/// Timeline -> a readable story: transitions first, then the buckets as a compact table.
#include "query/timeline/export/export.h"

#include <cstdio>
#include <chrono>
#include <ostream>
#include <set>

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

constexpr std::size_t kTitleChars = 90;
constexpr std::size_t kEvidenceChars = 240;

/// Statuses shown as table columns, with their short headers.
constexpr std::pair<RumorStatus, const char*> kColumns[] = {
    {RumorStatus::mentioned, "ment"},   {RumorStatus::speculation, "spec"},
    {RumorStatus::reported, "rep"},     {RumorStatus::partially_confirmed, "part"},
    {RumorStatus::confirmed, "conf"},   {RumorStatus::denied, "den"},
    {RumorStatus::stalled, "stal"},     {RumorStatus::cancelled, "canc"},
};

std::string clean(std::string_view text, std::size_t max) {
    return truncate_utf8(terminal_line(text), max);
}

std::string bold(const std::string& s, bool tty) { return tty ? "\033[1m" + s + "\033[0m" : s; }

std::string pad(std::string s, std::size_t width) {
    if (s.size() < width) s.append(width - s.size(), ' ');
    return s;
}

void write_entry(const TimelineEntry& e, std::ostream& out) {
    out << "      " << clean(e.outlet_name.empty() ? e.outlet_id : e.outlet_name, 60) << " ("
        << to_string(e.tier) << ") — \"" << clean(e.title, kTitleChars) << "\"\n";
    out << "      " << clean(e.url, 200) << "\n";
    if (e.corrected) {
        out << "      corrected by hand: " << to_string(e.status) << " (the analysis said "
            << to_string(e.analysed_status) << ")";
        if (!e.correction_note.empty()) out << " — " << clean(e.correction_note, 200);
        out << "\n";
    }
    if (!e.evidence.empty()) {
        out << "      “" << clean(e.evidence, kEvidenceChars) << "”";
        if (!e.attribution.empty()) out << " — " << clean(e.attribution, 60);
        out << "\n";
    }
    out << "      date: " << (e.date_source.empty() ? "unknown" : clean(e.date_source, 60))
        << (e.date_reliable ? " (reliable)" : " (not reliable)");
    if (!e.warc_file.empty()) out << " · WARC " << clean(e.warc_file, 80) << " " << clean(e.warc_record_id, 80);
    out << "\n";
}

/// When a transition happened, on the clock of the article that moved it.
std::string transition_time(const Transition& t, bool utc) {
    TimelineEntry at = t.confirmed_by ? *t.confirmed_by : t.first;
    at.when = t.when;
    return format_entry_time(at, utc);
}

std::string edit_time(const TimelineEdit& e, bool utc) {
    TimelineEntry at = e.entry;
    at.when = e.seen;
    at.day_only = false;
    return format_entry_time(at, utc);
}

} // namespace

std::string bucket_label(const BucketRow& row, Bucket bucket) {
    const std::string day = format_day(row.start);
    switch (bucket) {
    case Bucket::day:
        return day;
    case Bucket::week:
        return "wk " + day;
    case Bucket::month:
        return day.substr(0, 7);
    }
    return day;
}

void write_timeline_text(const Timeline& tl, const ExportContext& ctx, std::ostream& out) {
    std::set<std::string> outlets;
    for (const auto& f : tl.first_coverage) outlets.insert(f.outlet_id);
    out << bold("Rumor: " + clean(tl.topic_id, 80), ctx.tty);
    if (!ctx.topic_name.empty()) out << " — " << clean(ctx.topic_name, 120);
    out << "\n";
    out << "State now: " << bold(std::string(to_string(tl.state)), ctx.tty) << "   (" << tl.articles
        << " articles";
    // The span the buckets cover (first bucket's start to last bucket's last day), named as
    // such: a month bucket's start is not the day of the first article.
    if (!tl.buckets.empty())
        out << ", " << to_string(tl.bucket) << "s from " << format_day(tl.buckets.front().start) << " to "
            << format_day(tl.buckets.back().end - std::chrono::seconds(1));
    out << ")\n";
    if (tl.articles == 0) {
        out << "\nNo article about this topic in the selected range.\n";
        return;
    }

    out << "\n" << bold("Transitions", ctx.tty) << "\n";
    if (tl.transitions.empty()) out << "  (none in this range)\n";
    for (const Transition& t : tl.transitions) {
        out << "  " << transition_time(t, ctx.utc) << "  " << to_string(t.from) << " → "
            << bold(std::string(to_string(t.to)), ctx.tty) << "\n";
        write_entry(t.first, out);
        if (!t.first.version.empty()) out << "      version: " << clean(t.first.version, 20) << "\n";
        if (!t.rule.empty()) {
            out << "      moved by: " << clean(t.rule, 60);
            if (!t.speaker.empty()) out << " — speaker: " << clean(t.speaker, 60);
            out << "\n";
        }
        if (t.confirmed_by)
            out << "      waited for: " << clean(t.confirmed_by->outlet_name, 60) << " at "
                << format_entry_time(*t.confirmed_by, ctx.utc) << "\n";
        out << "      " << t.independent_sources << " independent source"
            << (t.independent_sources == 1 ? "" : "s");
        if (!t.echoes.empty()) out << "; reach: " << t.echoes.size() << " echo" << (t.echoes.size() == 1 ? "" : "es");
        out << "\n";
    }

    if (!tl.edits.empty()) {
        out << "\n" << bold("Edits (status changed; at the page's modified time, else when crawled)", ctx.tty) << "\n";
        for (const TimelineEdit& e : tl.edits)
            out << "  " << edit_time(e, ctx.utc) << "  " << clean(e.entry.outlet_name, 40) << ": "
                << to_string(e.from) << " → " << to_string(e.to) << "  \"" << clean(e.entry.title, kTitleChars)
                << "\"\n";
    }
    if (!tl.stale.empty()) {
        out << "\n" << bold("Stale (asserts a status the line had already left)", ctx.tty) << "\n";
        for (const StaleArticle& s : tl.stale)
            out << "  " << format_entry_time(s.entry, ctx.utc) << "  " << clean(s.entry.outlet_name, 40) << ": "
                << to_string(s.entry.status) << ", while " << to_string(s.established) << " since "
                << format_day(s.established_since) << "  \"" << clean(s.entry.title, kTitleChars) << "\"\n";
    }

    out << "\n" << bold("By " + std::string(to_string(tl.bucket)), ctx.tty) << "\n";
    out << "  " << pad("bucket", 13) << "total";
    for (const auto& [status, header] : kColumns) out << " " << pad(header, 4);
    out << "  " << pad("state after", 20) << "outlets\n";
    for (const BucketRow& row : all_buckets(tl)) {
        char total[16];
        std::snprintf(total, sizeof total, "%5d", row.total);
        out << "  " << pad(bucket_label(row, tl.bucket), 13) << total;
        for (const auto& [status, header] : kColumns) {
            int n = 0;
            for (const auto& [s, count] : row.counts)
                if (s == status) n = count;
            char cell[16];
            std::snprintf(cell, sizeof cell, "%4s", n ? std::to_string(n).c_str() : ".");
            out << " " << cell;
        }
        out << "  " << pad(std::string(to_string(row.state)), 20) << row.outlets_so_far << "\n";
    }
}

} // namespace rumorwatch
