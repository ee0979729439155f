/// \file
/// The crawler library's public face: load configuration, crawl outlets into an index.
#pragma once

#include <chrono>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parser/model.h"
#include "parser/topic.h"

namespace rumorwatch {

/// The libcurl this binary runs with, e.g. "libcurl 7.88.1 (OpenSSL/3.0.19)".
std::string libcurl_version();

/// Reads a whole file. @throws InputError naming the file when it cannot be read.
std::string read_text_file(const std::string& path);
/// Loads and validates an outlets file. @throws ConfigError naming file and line/field.
CrawlConfig load_config(const std::string& path);
/// Loads and validates a topic file. @throws ConfigError naming file and field.
Topic load_topic(const std::string& path);

/// How one crawl runs.
struct CrawlOptions {
    CrawlConfig config;
    std::vector<Topic> topics;
    std::string db_path;
    std::string warc_dir;                 ///< empty: no WARC capture
    std::vector<std::string> connect_to;  ///< libcurl CONNECT_TO entries ("HOST:PORT:ADDR:PORT")
    int shard_index = 0;                  ///< --shard K/N: 0-based K
    int shard_count = 1;
    bool quiet = false;
    std::string log_file;                 ///< JSON-lines log, empty: none
    std::optional<std::chrono::seconds> every; ///< long-running mode; empty: once
};

/// Counts per outlet, for the end-of-crawl summary.
struct OutletSummary {
    int fetched = 0;
    int not_modified = 0;
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int failed = 0;
    std::map<std::string, int> failure_reasons;
};

struct CrawlSummary {
    std::map<std::string, OutletSummary> outlets;
    double seconds = 0;
};

/// Crawls every outlet of the shard once (or forever with `every`) into the index.
/// Progress goes to `progress` (nothing when quiet). @throws IndexError, ConfigError.
CrawlSummary crawl(const CrawlOptions& options, std::ostream& progress);

} // namespace rumorwatch
