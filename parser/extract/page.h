/// \file
/// Everything the extractor knows about one page while it builds the Article: the Dom,
/// metadata, JSON-LD, main text and the elements that look like a byline or dateline.
/// Internal to parser/extract; the field fillers (dates, authors) read it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "parser/extract/class_hints.h"
#include "parser/extract/dates.h"
#include "parser/extract/html_tree.h"
#include "parser/extract/json_ld.h"
#include "parser/extract/metadata.h"
#include "parser/extract/readability.h"

namespace rumorwatch {

/// At most this many byline-like elements are kept, nearest to the headline first.
inline constexpr std::size_t kMaxBylineNodes = 12;
/// Byline-like elements with more text than this are containers, not bylines.
inline constexpr std::size_t kMaxBylineChars = 300;
/// At most this many plain elements between the headline and the body are kept as bylines.
inline constexpr std::size_t kMaxHeaderZoneNodes = 12;

struct Page {
    Dom dom;
    std::vector<ClassHint> hints; ///< classify_elements(dom)
    PageMeta meta;
    JsonLdArticle ld;
    MainText main;
    std::string url;      ///< as fetched
    std::string base_url; ///< for resolving links (<base href> applied)
    DateContext dates;
    std::int32_t h1 = -1; ///< the headline element when found
    std::vector<std::int32_t> bylines; ///< byline/dateline/<time> elements, nearest to h1 first
};

/// Finds the headline element (first <h1> whose text is not the site name) and the
/// byline-like elements around it: class/id hints (byline, author, date, time, meta),
/// <time>, itemprop=author/datePublished, rel=author; none inside nav, aside, footer,
/// comments or related lists.
void find_headline_and_bylines(Page& page, const std::vector<std::string>& site_names);

} // namespace rumorwatch
