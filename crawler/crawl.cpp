/// \file
/// Placeholder for the crawl engine (issue: foundation / crawler).
#include "crawler/crawler.h"

#include "parser/errors.h"

namespace rumorwatch {

CrawlSummary crawl(const CrawlOptions&, std::ostream&) { throw Error("crawl is not built yet"); }

} // namespace rumorwatch
