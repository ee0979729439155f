/// \file
/// The crawler library's public face: load configuration, crawl outlets into an index.
#pragma once

#include <chrono>
#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parser/core/core.h"
#include "crawler/dedup.h"
#include "parser/analysis/analysis.h"

namespace rumorwatch {

class IndexWriter;

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
    /// Connect to loopback and private addresses. Off by default so that the web cannot
    /// point the crawler at the operator's network; CONNECT_TO entries are the operator's
    /// own choice of addresses and lift the guard too.
    bool allow_private_addresses = false;
    /// Called after each pass has committed (with --every, between passes too), with the
    /// crawl's writer (idle then): where `crawl --on-change` compares the timelines and
    /// keeps its outbox.
    std::function<void(IndexWriter&)> after_pass;
    /// Called once the database is open, before the first pass (reads the outbox).
    std::function<void(IndexWriter&)> on_open;
    int shard_index = 0;                  ///< --shard K/N: 0-based K
    int shard_count = 1;
    bool quiet = false;
    std::string log_file;                 ///< JSON-lines log, empty: none
    std::optional<std::chrono::seconds> every; ///< long-running mode; empty: once
    bool progress_is_tty = false; ///< draw a progress line on `progress` (a terminal)
    bool revisit_all = false;     ///< --refresh: ask again now for every known URL that did not
                                  ///< fail last time (conditionally: unchanged pages cost a 304)
    int max_connections = 16;     ///< connections open at once over all hosts
    int workers = 0;              ///< extraction threads; 0: one per core
    std::chrono::milliseconds transfer_timeout{60'000}; ///< whole transfer, redirects included
    std::size_t max_body_bytes = 8u << 20; ///< larger bodies are abandoned (after decoding)
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
    int skipped = 0;   ///< fetched, but not an article (no text, or canonical elsewhere)
    int duplicates = 0; ///< exact copies of a page already indexed under another URL
    std::size_t bytes = 0; ///< body bytes transferred
};

struct CrawlSummary {
    std::map<std::string, OutletSummary> outlets;
    double seconds = 0;
    int requests = 0;         ///< HTTP requests made, robots.txt included
    bool interrupted = false; ///< stopped by a signal; what was done is committed
    int cycles = 0;           ///< crawls made (more than one with `every`)
    /// import_warc: damaged parts skipped (corrupt gzip members, records with a missing or
    /// invalid Content-Length); their records are lost.
    int damaged_members = 0;
    /// Pages a stopped crawl left in the hands of a worker that did not finish within the
    /// grace period (uninterruptible parsing); they were not recorded, and the process must
    /// end without waiting for them (std::_Exit once the output is flushed).
    int abandoned_workers = 0;
};

/// Crawls every outlet of the shard once (or forever with `every`) into the index.
/// Progress goes to `progress` (nothing when quiet). Holds a lock file in the database
/// folder for its whole run. @throws IndexError, ConfigError, and Error "another crawl is
/// using DB" when the lock is taken.
CrawlSummary crawl(const CrawlOptions& options, std::ostream& progress);

/// How `reindex` and `import-warc` read captured pages into an index.
struct WarcImportOptions {
    CrawlConfig config;               ///< outlets: a page is attributed to the outlet whose URLs it matches
    std::vector<Topic> topics;
    std::string db_path;
    std::vector<std::string> files;   ///< .warc.gz or .warc files, read in the order given
    bool quiet = false;
};

/// The WARC files of a folder (*.warc.gz, *.warc, and *.warc.gz.open left by an interrupted
/// crawl), sorted by name, which for our files is capture order. @throws InputError when
/// the folder cannot be read or holds none.
std::vector<std::string> warc_files_in(const std::string& dir);

/// Indexes the HTML responses of WARC files with no network: each page goes through the same
/// decoding, extraction, analysis and index stage as a crawled one, its version pointing at
/// the WARC file and record it came from. Pages of hosts no outlet covers are skipped and
/// counted. A corrupt gzip member is skipped (a warning names file and offset, the summary
/// counts it) and the rest imported; so is a record over kMaxWarcRecordBytes. Takes the
/// crawl lock. @throws InputError for unreadable or non-WARC files, IndexError.
CrawlSummary import_warc(const WarcImportOptions& options, std::ostream& progress);

/// Writes the per-outlet table (fetched, not modified, new, updated, failed with reasons).
void print_summary(const CrawlSummary& summary, std::ostream& out);
/// Writes one line per outlet that had failures, with the reasons: what `--quiet` still
/// shows, so that cron mails them.
void print_failures(const CrawlSummary& summary, std::ostream& out);
/// True when outlets were tried and none answered: every failure, not one page fetched or
/// found unchanged, from any outlet. The crawl then exits non-zero.
bool no_outlet_answered(const CrawlSummary& summary);

/// Asks a running crawl to finish the batch in hand, commit and return (async-signal-safe).
void request_crawl_stop() noexcept;
/// True once a stop was asked for.
bool crawl_stop_requested() noexcept;
/// Clears a stop request (for a new crawl in the same process, e.g. tests).
void reset_crawl_stop() noexcept;
/// Makes SIGINT and SIGTERM call request_crawl_stop(); a second signal ends the process.
void install_crawl_signal_handlers();

} // namespace rumorwatch
