/// \file
/// Telling the user: the JSON-lines log of every fetch (--log), the progress line on a
/// terminal, and the end-of-crawl summary.
#pragma once

#include <fstream>
#include <iosfwd>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

#include "crawler/crawler.h"
#include "crawler/page_report.h"

namespace rumorwatch {

/// Appends one JSON object per line to a file. Thread-safe. A default-constructed or
/// empty-path log writes nothing.
class CrawlLog {
public:
    CrawlLog() = default;
    /// @throws InputError naming the file when it cannot be opened for appending.
    explicit CrawlLog(const std::string& path);
    bool enabled() const { return out_.is_open(); }
    /// Writes `entry` with a "time" field (ISO 8601 UTC) added.
    void write(nlohmann::json entry);

private:
    std::mutex mutex_;
    std::ofstream out_;
    std::string path_;
};

/// The log line of one finished task.
nlohmann::json log_entry(const PageReport& report, const std::string& outlet_id, const char* outcome);

/// The progress line: "fetched 120 · not modified 3 · queued 40 · running 8 · errors 2 · 35.1 pages/s".
std::string progress_line(int fetched, int not_modified, std::size_t queued, int running, int errors,
                          double pages_per_second);

} // namespace rumorwatch
