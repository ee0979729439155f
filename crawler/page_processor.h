/// \file
/// A worker's job: one fetched page -> text in UTF-8 -> links, or article + analysis + hashes.
#pragma once

#include <vector>

#include "crawler/outlet_map.h"
#include "crawler/page_report.h"
#include "crawler/warc.h"
#include "parser/analysis/analysis.h"

namespace rumorwatch {

/// What workers share (read-only, except the WARC writer, which is thread-safe).
struct ProcessContext {
    const OutletMap& outlets;
    const std::vector<Topic>& topics;
    WarcWriter* warc = nullptr;        ///< null: no capture
    std::size_t max_body_bytes = 8u << 20; ///< limit for gunzipped sitemaps
};

/// Reads a 2xx response: WARC capture, charset decoding, then feed/sitemap links, page links
/// (home and section pages; sections only for outlets without a sitemap), or the article
/// with every topic's analysis. Thread-safe.
/// `captured` names the WARC record the bytes came from when they were read from a WARC
/// file (then nothing is written to context.warc). @throws only on I/O failure of the WARC
/// writer.
PageReport process_fetched(WorkItem item, const ProcessContext& context, Timestamp now,
                           const WarcRecordRef* captured = nullptr);

/// The report of a 304: the stored copy stays, validators are refreshed.
PageReport report_not_modified(const CrawlTask& task, const FetchResult& result, Timestamp now);

/// The report of a task given up (after retries, or permanent) or refused by robots.txt.
PageReport report_failure(const CrawlTask& task, const FetchResult* result, PageReport::Event event,
                          std::string reason, Timestamp now);

/// Of several topics' analyses, the one the article is most about: a status beats none and
/// mentioned, then higher confidence. Empty input gives an empty analysis.
RumorAnalysis strongest_analysis(const std::vector<RumorAnalysis>& analyses);

/// Links of a home page that look like section pages ("/tech/", "/business"): on the same
/// host, one or two path segments, not an article URL, not an about/contact/login page.
std::vector<std::string> section_links(const std::vector<std::string>& links, const Outlet& outlet,
                                       const OutletMap& outlets, std::size_t max_sections);

} // namespace rumorwatch
