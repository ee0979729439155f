/// \file
/// Choosing an article's authors: JSON-LD author, then meta tags, then byline elements
/// (itemprop=author, rel=author, class byline/author), split into people and
/// organisations. Private to parser/extract.
#pragma once

#include "parser/core/core.h"
#include "parser/extract/page.h"

namespace rumorwatch {

/// Sets article.authors, article.organisations and article.authors_source.
void fill_authors(const Page& page, Article& article);

} // namespace rumorwatch
