/// \file
/// Choosing an article's published and modified dates among what the page offers, in the
/// order of trust: JSON-LD, meta tags, <time datetime> near the headline, the URL, then
/// the visible byline and the top of the text (not reliable). Private to parser/extract.
#pragma once

#include "parser/core/core.h"
#include "parser/extract/page.h"

namespace rumorwatch {

/// Sets article.published and article.modified (each with source and reliability) and
/// adds warnings for what was rejected. The fetch time is never used as a date.
void fill_dates(const Page& page, Article& article);

} // namespace rumorwatch
