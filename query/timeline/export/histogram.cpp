/// \file
/// Attention over time: a query's matches counted per day, week or month, by status and
/// language, every bucket present (a quiet week is a zero, not a missing row).
#include "query/timeline/export/export.h"

#include <algorithm>
#include <iomanip>
#include <ostream>
#include <set>

#include "parser/core/core.h"

namespace rumorwatch {

Histogram make_histogram(const std::vector<HistogramPoint>& points, Bucket bucket, std::optional<Timestamp> since,
                         std::optional<Timestamp> until) {
    Histogram h;
    h.bucket = bucket;
    std::set<RumorStatus> statuses;
    std::set<std::string> languages;
    std::optional<Timestamp> lo = since, hi = until;
    for (const HistogramPoint& p : points) {
        if ((since && p.time < *since) || (until && p.time > *until)) continue;
        statuses.insert(p.status);
        languages.insert(p.language);
        if (!since && (!lo || p.time < *lo)) lo = p.time;
        if (!until && (!hi || p.time > *hi)) hi = p.time;
    }
    for (RumorStatus s : kAllStatuses)
        if (statuses.count(s)) h.statuses.push_back(s);
    h.languages.assign(languages.begin(), languages.end());
    if (!lo || !hi || *hi < *lo) return h;
    // Every bucket from the first to the last: at most a few thousand (day buckets over years).
    for (Timestamp start = bucket_start_of(*lo, bucket); start <= *hi; start = bucket_end_of(start, bucket)) {
        HistogramRow row;
        row.start = start;
        row.end = bucket_end_of(start, bucket);
        row.by_status.assign(h.statuses.size(), 0);
        row.by_language.assign(h.languages.size(), 0);
        h.rows.push_back(std::move(row));
    }
    for (const HistogramPoint& p : points) {
        if ((since && p.time < *since) || (until && p.time > *until)) continue;
        const auto row = std::upper_bound(h.rows.begin(), h.rows.end(), p.time,
                                          [](Timestamp t, const HistogramRow& r) { return t < r.start; }) -
                         1;
        ++row->total;
        ++row->by_status[static_cast<std::size_t>(
            std::find(h.statuses.begin(), h.statuses.end(), p.status) - h.statuses.begin())];
        ++row->by_language[static_cast<std::size_t>(
            std::find(h.languages.begin(), h.languages.end(), p.language) - h.languages.begin())];
        ++h.matches;
    }
    return h;
}

namespace {

std::string language_name(const std::string& l) { return l.empty() ? "unknown" : l; }

} // namespace

void write_histogram_text(const Histogram& h, std::ostream& out) {
    out << h.matches << " match" << (h.matches == 1 ? "" : "es") << " for \"" << terminal_line(h.query) << "\" per "
        << to_string(h.bucket) << "\n\n";
    if (h.rows.empty()) return;
    out << std::left << std::setw(14) << "bucket" << std::right << std::setw(7) << "total";
    for (RumorStatus s : h.statuses) out << "  " << to_string(s);
    for (const auto& l : h.languages) out << "  " << terminal_line(language_name(l));
    out << "\n";
    for (const HistogramRow& row : h.rows) {
        BucketRow label_row;
        label_row.start = row.start;
        out << std::left << std::setw(14) << bucket_label(label_row, h.bucket) << std::right << std::setw(7)
            << row.total;
        for (std::size_t i = 0; i < h.statuses.size(); ++i)
            out << "  " << std::setw(static_cast<int>(to_string(h.statuses[i]).size())) << row.by_status[i];
        for (std::size_t i = 0; i < h.languages.size(); ++i)
            out << "  " << std::setw(static_cast<int>(language_name(h.languages[i]).size())) << row.by_language[i];
        out << "\n";
    }
}

void write_histogram_csv(const Histogram& h, std::ostream& out) {
    std::vector<std::string> header = {"bucket_start", "bucket_end", "total"};
    for (RumorStatus s : h.statuses) header.push_back("status:" + std::string(to_string(s)));
    for (const auto& l : h.languages) header.push_back("lang:" + language_name(l));
    out << csv_row(header);
    for (const HistogramRow& row : h.rows) {
        std::vector<std::string> fields = {format_day(row.start), format_day(row.end), std::to_string(row.total)};
        for (int n : row.by_status) fields.push_back(std::to_string(n));
        for (int n : row.by_language) fields.push_back(std::to_string(n));
        out << csv_row(fields);
    }
}

nlohmann::json histogram_to_json(const Histogram& h) {
    nlohmann::json rows = nlohmann::json::array();
    for (const HistogramRow& row : h.rows) {
        nlohmann::json status = nlohmann::json::object(), language = nlohmann::json::object();
        for (std::size_t i = 0; i < h.statuses.size(); ++i) status[std::string(to_string(h.statuses[i]))] = row.by_status[i];
        for (std::size_t i = 0; i < h.languages.size(); ++i) language[language_name(h.languages[i])] = row.by_language[i];
        rows.push_back({{"start", format_day(row.start)},
                        {"end", format_day(row.end)},
                        {"total", row.total},
                        {"status", status},
                        {"language", language}});
    }
    return {{"query", h.query}, {"bucket", std::string(to_string(h.bucket))}, {"matches", h.matches}, {"buckets", rows}};
}

} // namespace rumorwatch
