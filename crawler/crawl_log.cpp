/// \file
/// JSON-lines log, progress line and summary table.
#include "crawler/crawl_log.h"

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <ostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "parser/core/core.h"

namespace rumorwatch {

CrawlLog::CrawlLog(const std::string& path) : path_(path) {
    if (path.empty()) return;
    out_.open(path, std::ios::app | std::ios::binary);
    if (!out_) throw InputError(path + ": cannot open the log file for appending");
}

void CrawlLog::write(nlohmann::json entry) {
    if (!out_.is_open()) return;
    entry["time"] = format_iso8601(std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
    const std::string line = entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::lock_guard lock(mutex_);
    out_ << line << '\n';
    out_.flush();
}

nlohmann::json log_entry(const PageReport& r, const std::string& outlet_id, const char* outcome) {
    nlohmann::json j = {
        {"url", r.task.url},
        {"outlet", outlet_id},
        {"event", to_string(r.event)},
        {"status", r.http_status},
        {"bytes", r.bytes},
        {"ms", static_cast<long long>(r.seconds * 1000.0 + 0.5)},
        {"attempts", r.task.attempt + 1},
    };
    if (outcome) j["outcome"] = outcome;
    if (!r.reason.empty()) j["reason"] = r.reason;
    if (r.record) {
        j["status_of_rumor"] = std::string(to_string(r.record->analysis.status));
        j["title"] = r.record->article.title;
        if (!r.record->near_dup_group.empty()) j["near_dup_group"] = r.record->near_dup_group;
    }
    if (!r.links.empty()) j["links"] = r.links.size();
    return j;
}

std::string progress_line(int fetched, int not_modified, std::size_t queued, int running, int errors,
                          double pages_per_second) {
    char buffer[160];
    std::snprintf(buffer, sizeof buffer,
                  "fetched %d · not modified %d · queued %zu · running %d · errors %d · %.1f pages/s", fetched,
                  not_modified, queued, running, errors, pages_per_second);
    return buffer;
}

namespace {

std::string reasons_of(const OutletSummary& s) {
    std::string reasons;
    for (const auto& [reason, count] : s.failure_reasons) {
        if (!reasons.empty()) reasons += ", ";
        reasons += reason + " ×" + std::to_string(count);
    }
    return reasons;
}

} // namespace

void print_failures(const CrawlSummary& summary, std::ostream& out) {
    for (const auto& [id, s] : summary.outlets)
        if (s.failed > 0)
            out << "rumorwatch: warning: outlet \"" << id << "\": " << s.failed << " failed, " << s.fetched
                << " fetched: " << reasons_of(s) << "\n";
}

bool no_outlet_answered(const CrawlSummary& summary) {
    bool failed = false;
    for (const auto& [id, s] : summary.outlets) {
        if (s.fetched > 0 || s.not_modified > 0) return false;
        failed = failed || s.failed > 0;
    }
    return failed;
}

void print_summary(const CrawlSummary& summary, std::ostream& out) {
    std::size_t width = 6;
    for (const auto& [id, s] : summary.outlets) width = std::max(width, id.size());
    auto row = [&](const std::string& name, const std::string& a, const std::string& b, const std::string& c,
                   const std::string& d, const std::string& e, const std::string& f, const std::string& g) {
        out << std::left << std::setw(static_cast<int>(width)) << name << std::right << std::setw(9) << a
            << std::setw(9) << b << std::setw(7) << c << std::setw(9) << d << std::setw(11) << e << std::setw(9)
            << f << "  " << g << "\n";
    };
    row("outlet", "fetched", "not mod", "new", "updated", "unchanged", "failed", "failures");
    OutletSummary total;
    for (const auto& [id, s] : summary.outlets) {
        const std::string reasons = reasons_of(s);
        row(id, std::to_string(s.fetched), std::to_string(s.not_modified), std::to_string(s.added),
            std::to_string(s.updated), std::to_string(s.unchanged), std::to_string(s.failed), reasons);
        total.fetched += s.fetched;
        total.not_modified += s.not_modified;
        total.added += s.added;
        total.updated += s.updated;
        total.unchanged += s.unchanged;
        total.failed += s.failed;
        total.bytes += s.bytes;
    }
    row("total", std::to_string(total.fetched), std::to_string(total.not_modified), std::to_string(total.added),
        std::to_string(total.updated), std::to_string(total.unchanged), std::to_string(total.failed), "");
    char line[200];
    std::snprintf(line, sizeof line, "%d requests, %.1f MB in %.1f s%s\n", summary.requests,
                  static_cast<double>(total.bytes) / 1e6, summary.seconds,
                  summary.interrupted ? " (interrupted: the work done is committed)" : "");
    out << line;
}

} // namespace rumorwatch
