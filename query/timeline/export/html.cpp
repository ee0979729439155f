/// \file
/// Timeline -> one self-contained HTML file: an SVG chart of articles per status over
/// time, the state band, numbered transition markers, and the evidence and sources below.
/// No scripts, no external resources; a Content-Security-Policy forbids loading any.
#include "query/timeline/export/export.h"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <sstream>

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

constexpr double kWidth = 1000, kLeft = 40, kRight = 20, kTop = 20, kBarsHeight = 220;
constexpr double kBandTop = kTop + kBarsHeight + 8, kBandHeight = 18, kAxisTop = kBandTop + kBandHeight + 14;
constexpr double kHeight = kAxisTop + 16;

/// The status drawing order (bottom to top) and colours.
constexpr std::pair<RumorStatus, const char*> kColours[] = {
    {RumorStatus::mentioned, "#b7b7b7"},   {RumorStatus::speculation, "#b4a7d6"},
    {RumorStatus::reported, "#6fa8dc"},    {RumorStatus::partially_confirmed, "#93c47d"},
    {RumorStatus::confirmed, "#38761d"},   {RumorStatus::denied, "#cc0000"},
    {RumorStatus::stalled, "#e69138"},     {RumorStatus::cancelled, "#741b47"},
};

const char* colour(RumorStatus s) {
    for (const auto& [status, c] : kColours)
        if (status == s) return c;
    return "#eeeeee";
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

/// Maps time onto the chart's x axis.
class TimeScale {
public:
    TimeScale(Timestamp from, Timestamp to) : from_(from), span_(std::max<long long>(1, to_unix(to) - to_unix(from))) {}
    double x(Timestamp t) const {
        return kLeft + (kWidth - kLeft - kRight) * double(to_unix(t) - to_unix(from_)) / double(span_);
    }

private:
    Timestamp from_;
    long long span_;
};

void write_chart(const Timeline& tl, std::ostream& out) {
    using namespace std::chrono;
    const TimeScale scale(tl.buckets.front().start, tl.buckets.back().end);
    int max_total = 1;
    for (const auto& row : tl.buckets) max_total = std::max(max_total, row.total);

    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << num(kWidth) << " " << num(kHeight)
        << "\" role=\"img\" aria-label=\"Articles per status over time, with the rumor's state\">\n";
    // The y axis: a labelled grid line at round counts (1, 2 or 5 times a power of ten), so
    // a bar's height can be read off, not only the tallest one's.
    int step = 0;
    for (int power = 1; step == 0; power *= 10)
        for (int m : {1, 2, 5})
            if (step == 0 && (max_total + power * m - 1) / (power * m) <= 5) step = power * m;
    max_total = (max_total + step - 1) / step * step; // the top grid line is a round count too
    const double mid = kTop + kBarsHeight / 2;
    out << "<text x=\"10\" y=\"" << num(mid) << "\" transform=\"rotate(-90 10 " << num(mid)
        << ")\" class=\"axis\" text-anchor=\"middle\">articles</text>\n";
    for (int v = 0; v <= max_total; v += step) {
        const double y = kTop + kBarsHeight - kBarsHeight * v / max_total;
        out << "<line x1=\"" << num(kLeft) << "\" x2=\"" << num(kWidth - kRight) << "\" y1=\"" << num(y)
            << "\" y2=\"" << num(y) << "\" class=\"grid\"/><text x=\"" << num(kLeft - 4) << "\" y=\"" << num(y + 4)
            << "\" class=\"axis\" text-anchor=\"end\">" << v << "</text>\n";
    }
    out << "<line x1=\"" << num(kLeft) << "\" x2=\"" << num(kWidth - kRight) << "\" y1=\"" << num(kTop + kBarsHeight)
        << "\" y2=\"" << num(kTop + kBarsHeight) << "\" class=\"base\"/>\n";

    // Stacked bars, one per bucket.
    for (const BucketRow& row : tl.buckets) {
        const double x0 = scale.x(row.start), x1 = scale.x(row.end);
        const double w = std::max(1.5, x1 - x0 - 0.5);
        double y = kTop + kBarsHeight;
        for (const auto& [status, c] : kColours) {
            int n = 0;
            for (const auto& [s, count] : row.counts)
                if (s == status) n = count;
            if (n == 0) continue;
            const double h = kBarsHeight * n / max_total;
            y -= h;
            out << "<rect x=\"" << num(x0) << "\" y=\"" << num(y) << "\" width=\"" << num(w) << "\" height=\""
                << num(h) << "\" fill=\"" << c << "\"><title>" << html_escape(bucket_label(row, tl.bucket)) << ": "
                << n << " " << to_string(status) << "</title></rect>\n";
        }
    }

    // The state band: each bucket's state until the next bucket.
    for (std::size_t i = 0; i < tl.buckets.size(); ++i) {
        const double x0 = scale.x(tl.buckets[i].start);
        const double x1 = i + 1 < tl.buckets.size() ? scale.x(tl.buckets[i + 1].start) : scale.x(tl.buckets[i].end);
        out << "<rect x=\"" << num(x0) << "\" y=\"" << num(kBandTop) << "\" width=\"" << num(std::max(1.0, x1 - x0))
            << "\" height=\"" << num(kBandHeight) << "\" fill=\"" << colour(tl.buckets[i].state)
            << "\"><title>state: " << to_string(tl.buckets[i].state) << "</title></rect>\n";
    }

    // Transition markers, numbered like the list below the chart.
    for (std::size_t i = 0; i < tl.transitions.size(); ++i) {
        const Transition& t = tl.transitions[i];
        const double x = scale.x(t.when);
        out << "<g class=\"marker\"><title>" << format_day(t.when) << " " << to_string(t.from) << " → "
            << to_string(t.to) << ": " << html_escape(t.first.outlet_name) << " — "
            << html_escape(truncate_utf8(one_line(t.first.evidence), 300)) << "</title>"
            << "<line x1=\"" << num(x) << "\" x2=\"" << num(x) << "\" y1=\"" << num(kTop) << "\" y2=\""
            << num(kBandTop + kBandHeight) << "\"/>"
            << "<circle cx=\"" << num(x) << "\" cy=\"" << num(kTop - 8) << "\" r=\"8\" fill=\"" << colour(t.to)
            << "\"/><text x=\"" << num(x) << "\" y=\"" << num(kTop - 4) << "\" text-anchor=\"middle\">" << i + 1
            << "</text></g>\n";
    }

    // Axis: the first day of each quarter in range.
    for (auto m = year_month_day{floor<days>(tl.buckets.front().start)}.year() / January;
         sys_days{m / 1} <= floor<days>(tl.buckets.back().end); m += months{3}) {
        const Timestamp t = sys_days{m / 1};
        if (t < tl.buckets.front().start) continue;
        const double x = scale.x(t);
        out << "<text x=\"" << num(x) << "\" y=\"" << num(kAxisTop) << "\" class=\"axis\" text-anchor=\"middle\">"
            << format_day(t).substr(0, 7) << "</text>\n";
    }
    out << "</svg>\n";
}

void write_entry_cell(const TimelineEntry& e, std::ostream& out) {
    out << "<a href=\"" << html_escape(e.url.starts_with("http") ? e.url : "#") << "\" rel=\"noreferrer\">"
        << html_escape(e.title.empty() ? e.url : e.title) << "</a> <span class=\"outlet\">"
        << html_escape(e.outlet_name) << " (" << to_string(e.tier) << ")</span>";
    if (e.corrected)
        out << " <span class=\"corrected\" title=\"" << html_escape(e.correction_note) << "\">corrected by hand ("
            << to_string(e.analysed_status) << " → " << to_string(e.status) << ")</span>";
}

} // namespace

void write_timeline_html(const Timeline& tl, const ExportContext& ctx, std::ostream& out) {
    const std::string title = ctx.topic_name.empty() ? tl.topic_id : ctx.topic_name;
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "img-src data:\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<title>" << html_escape(title) << " — rumorwatch timeline</title>\n"
        << "<style>\n"
           "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;max-width:1060px;"
           "color:#222;padding:0 1em}\n"
           "h1{font-size:1.5em;margin-bottom:.2em} .state{font-weight:600}\n"
           "svg{width:100%;height:auto;border:1px solid #ddd;background:#fafafa}\n"
           "svg .axis{font-size:11px;fill:#555} svg .base{stroke:#999} svg .grid{stroke:#e4e4e4}\n"
           "svg .marker line{stroke:#333;stroke-dasharray:3 3} svg .marker text{font-size:10px;fill:#fff}\n"
           ".legend span{display:inline-block;margin-right:1em} .swatch{display:inline-block;width:.9em;height:.9em;"
           "vertical-align:-.1em;margin-right:.3em}\n"
           "ol.transitions li{margin-bottom:1em} blockquote{margin:.3em 0 .3em 0;padding-left:.8em;"
           "border-left:3px solid #ccc;color:#333}\n"
           ".outlet,.meta{color:#666;font-size:.9em} table{border-collapse:collapse;width:100%}\n"
           "td,th{border-bottom:1px solid #eee;text-align:left;padding:.3em .5em;vertical-align:top}\n"
           "</style>\n</head>\n<body>\n";
    out << "<h1>" << html_escape(title) << "</h1>\n";
    out << "<p>State now: <span class=\"state\" style=\"color:" << colour(tl.state) << "\">" << to_string(tl.state)
        << "</span> · " << tl.articles << " articles · by " << to_string(tl.bucket) << "</p>\n";
    if (tl.buckets.empty()) {
        out << "<p>No article about this topic in the selected range.</p>\n</body>\n</html>\n";
        return;
    }
    write_chart(tl, out);
    out << "<p class=\"legend\">";
    for (const auto& [status, c] : kColours)
        out << "<span><span class=\"swatch\" style=\"background:" << c << "\"></span>" << to_string(status) << "</span>";
    out << "</p>\n";

    out << "<h2>Transitions</h2>\n<ol class=\"transitions\">\n";
    for (const Transition& t : tl.transitions) {
        const TimelineEntry& e = t.first;
        out << "<li><strong>" << format_day(t.when) << "</strong> " << to_string(t.from) << " → <strong>"
            << to_string(t.to) << "</strong>: ";
        write_entry_cell(e, out);
        if (!e.evidence.empty()) {
            out << "<blockquote>" << html_escape(e.evidence);
            if (!e.attribution.empty()) out << " <span class=\"meta\">— " << html_escape(e.attribution) << "</span>";
            out << "</blockquote>";
        }
        out << "<div class=\"meta\">date: " << html_escape(e.date_source)
            << (e.date_reliable ? " (reliable)" : " (not reliable)");
        if (!e.warc_file.empty())
            out << " · WARC " << html_escape(e.warc_file) << " " << html_escape(e.warc_record_id);
        out << " · " << t.independent_sources << " independent source" << (t.independent_sources == 1 ? "" : "s");
        if (!t.echoes.empty()) out << ", " << t.echoes.size() << " repeat" << (t.echoes.size() == 1 ? "" : "s");
        out << "</div>";
        out << "</li>\n";
    }
    out << "</ol>\n";

    if (!tl.edits.empty()) {
        out << "<h2>Edits</h2>\n<table><tr><th>seen</th><th>article</th><th>status</th></tr>\n";
        for (const TimelineEdit& e : tl.edits) {
            out << "<tr><td>" << format_day(e.seen) << "</td><td>";
            write_entry_cell(e.entry, out);
            out << "</td><td>" << to_string(e.from) << " → " << to_string(e.to) << "</td></tr>\n";
        }
        out << "</table>\n";
    }
    if (!tl.stale.empty()) {
        out << "<h2>Stale articles</h2>\n<table><tr><th>date</th><th>article</th><th>says</th><th>while</th></tr>\n";
        for (const StaleArticle& s : tl.stale) {
            out << "<tr><td>" << format_day(s.entry.when) << "</td><td>";
            write_entry_cell(s.entry, out);
            out << "</td><td>" << to_string(s.entry.status) << "</td><td>" << to_string(s.established) << " since "
                << format_day(s.established_since) << "</td></tr>\n";
        }
        out << "</table>\n";
    }
    out << "<h2>Sources</h2>\n<table><tr><th>outlet</th><th>first covered</th><th>first article</th></tr>\n";
    for (const FirstCoverage& f : tl.first_coverage) {
        out << "<tr><td>" << html_escape(f.outlet_name) << "</td><td>" << format_day(f.entry.when) << "</td><td>";
        write_entry_cell(f.entry, out);
        out << "</td></tr>\n";
    }
    out << "</table>\n<p class=\"meta\">Made by rumorwatch";
    if (ctx.generated.time_since_epoch().count() != 0) out << " on " << format_iso8601(ctx.generated);
    out << ".</p>\n</body>\n</html>\n";
}

} // namespace rumorwatch
