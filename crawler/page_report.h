/// \file
/// The values that travel between the pipeline's stages: a fetched page on its way to a
/// worker, and a worker's report on its way to the index writer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crawler/fetcher.h"
#include "crawler/frontier.h"
#include "crawler/revisit.h"
#include "index/index.h"

namespace rumorwatch {

/// A finished transfer for a worker to read.
struct WorkItem {
    CrawlTask task;
    FetchResult result;
};

/// A URL a page pointed at, for the frontier.
struct DiscoveredLink {
    std::string url;
    TaskKind kind = TaskKind::page;
    std::size_t outlet = 0;
};

/// What became of one task; the writer turns it into index changes and counts.
struct PageReport {
    enum class Event {
        article,             ///< an article was read (record set)
        discovery,           ///< a feed, sitemap or link page was read for links
        not_modified,        ///< 304
        failed,              ///< no usable response (reason set)
        disallowed,          ///< robots.txt forbids it (reason set)
        skipped,             ///< fetched, but no article text in it
        canonical_elsewhere, ///< the page names another URL we crawl as its canonical
    };
    CrawlTask task;
    Event event = Event::failed;
    int http_status = 0;
    std::string reason;        ///< why it failed or was skipped
    std::size_t bytes = 0;     ///< body bytes as transferred
    double seconds = 0;        ///< transfer time
    UrlState state;            ///< the URL's new crawl state
    std::optional<ArticleRecord> record;
    std::uint64_t simhash = 0; ///< of the article text (0: none)
    VisitFacts facts;          ///< for the revisit policy, finished by the writer
    std::vector<DiscoveredLink> links; ///< for the frontier (the fetch thread takes them)
    std::vector<UrlState> pending;     ///< states of accepted links, committed with this page
};

/// "article", "not_modified", ... for logs.
const char* to_string(PageReport::Event event);

} // namespace rumorwatch
