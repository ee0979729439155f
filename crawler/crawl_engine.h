/// \file
/// One crawl pass as a pipeline: the calling thread drives the fetcher and the frontier,
/// a pool of workers decodes, extracts and analyses, one thread writes to the index, with
/// bounded queues between them.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <iosfwd>

#include "crawler/crawl_log.h"
#include "crawler/crawler.h"
#include "crawler/fetcher.h"
#include "crawler/outlet_map.h"
#include "crawler/politeness.h"
#include "crawler/robots_cache.h"
#include "crawler/warc.h"
#include "index/index.h"

namespace rumorwatch {

/// Tunables of the pipeline (defaults for real use; tests shrink the backoff).
struct EngineSettings {
    int workers = 0;                    ///< 0: one per core
    std::size_t write_queue_capacity = 256;
    int commit_every = 200;             ///< changes per commit
    std::chrono::milliseconds commit_interval{3000}; ///< and at least this often
    BackoffSettings backoff;
    std::chrono::milliseconds max_poll_wait{20};
    std::uint64_t seed = 0;             ///< jitter; 0: from the clock
    std::size_t max_body_bytes = 8u << 20;
    /// The steady clock every scheduling decision reads; empty: std::chrono::steady_clock.
    /// A test shares one with its fake fetcher to see the exact times the engine decided on.
    std::function<SteadyTime()> clock;
};

/// Everything a crawl pass works with; all references must outlive run().
struct EngineParts {
    const CrawlOptions& options;
    const OutletMap& outlets;
    Fetcher& fetcher;
    IndexWriter& index;
    RobotsCache& robots;
    CrawlLog& log;
    WarcWriter* warc = nullptr;
};

/// Runs one pass over the outlets of the shard: seeds (feeds, sitemaps, home pages, due
/// revisits), discovers, fetches politely, indexes, commits. Returns when nothing is left
/// or a stop was requested (request_crawl_stop), after committing what was done.
/// @throws what a stage threw (IndexError, Error), after the other stages stopped.
CrawlSummary run_crawl_pass(const EngineParts& parts, const EngineSettings& settings, std::ostream& progress);

} // namespace rumorwatch
