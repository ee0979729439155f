/// \file
/// The pipeline's last stage, on one thread: duplicates, revisit times, index upserts and
/// crawl state, committed together in batches; the per-outlet counts.
#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <unordered_map>
#include <vector>

#include "crawler/crawl_log.h"
#include "crawler/crawler.h"
#include "crawler/dedup.h"
#include "crawler/outlet_map.h"
#include "crawler/page_report.h"
#include "index/index.h"

namespace rumorwatch {

/// Live counts for the progress line, written by the index stage, read by anyone.
struct CrawlCounters {
    std::atomic<int> fetched{0};
    std::atomic<int> not_modified{0};
    std::atomic<int> errors{0};
    std::atomic<int> done{0};
};

/// Applies reports to the index. Not thread-safe: one thread calls handle() and finish().
class IndexStage {
public:
    /// `known`: every stored crawl state (for near-duplicate groups and for not overwriting
    /// a visited URL's state with a "discovered" one).
    IndexStage(IndexWriter& index, const OutletMap& outlets, const std::vector<UrlState>& known, CrawlLog& log,
               CrawlCounters& counters, int commit_every, std::chrono::milliseconds commit_interval);

    /// Writes what one task produced; commits when the batch is full or old enough.
    void handle(PageReport report);
    /// Commits what is left.
    void finish();
    /// Counts per outlet id so far.
    const std::map<std::string, OutletSummary>& outlets() const { return summary_; }

private:
    void handle_article(PageReport& report, OutletSummary& summary);
    void maybe_commit();

    IndexWriter& index_;
    const OutletMap& outlets_;
    CrawlLog& log_;
    CrawlCounters& counters_;
    int commit_every_;
    std::chrono::milliseconds commit_interval_;
    std::chrono::steady_clock::time_point last_commit_;
    int uncommitted_ = 0;
    std::unordered_map<std::string, bool> visited_; ///< url -> has been visited (not just discovered)
    NearDupIndex near_dups_;
    struct ExactCopy {
        std::size_t outlet;
        std::string canonical;
    };
    std::unordered_map<std::string, ExactCopy> exact_; ///< text hash -> first document
    std::map<std::string, OutletSummary> summary_;
};

} // namespace rumorwatch
