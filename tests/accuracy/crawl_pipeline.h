/// \file
/// The real path (the default): the demo world served by rwserve.py on loopback, crawled
/// twice by the crawler into a temporary Xapian database and read back through IndexReader.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "parser/analysis/analysis.h"
#include "tests/accuracy/labels.h"
#include "tests/accuracy/observation.h"

namespace rumorwatch::accuracy {

/// How the crawl run is set up.
struct CrawlRunOptions {
    std::string demo_dir;
    std::vector<Topic> topics;
    /// Copy the database (db/), the crawl log (crawl-log.jsonl) and the server's request log
    /// (requests.jsonl) here after the run, for `rumorwatch show` and for diagnosis; empty: none.
    std::string keep_dir;
    int server_max_seconds = 900;
};

/// Serves `demo_dir`/site (phase 1), crawls it once, reads every stored article; switches the
/// server to phase 2 (`demo_dir`/phase2 wins), crawls again with every known URL revisited
/// (`crawl --refresh`, as `make demo` does), reads again; then matches the
/// stored articles to the labels by URL, then canonical URL. Crawl progress goes to
/// `progress`. @throws what the crawler, the index or the server fixture throw.
RunResult run_crawl(const AnswerKey& key, const CrawlRunOptions& options, std::ostream& progress);

} // namespace rumorwatch::accuracy
