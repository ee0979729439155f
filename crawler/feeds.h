/// \file
/// Feed and sitemap XML -> links: RSS 2.0, Atom, RSS 1.0 (RDF), sitemaps, news sitemaps and
/// sitemap indexes, read with a real XML parser. Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/core/core.h"

namespace rumorwatch {

/// What kind of document a feed or sitemap turned out to be.
enum class FeedKind { unknown, rss, atom, rdf, urlset, sitemap_index };
/// "rss", "atom", "rdf", "urlset", "sitemap_index", "unknown".
std::string_view to_string(FeedKind kind);

/// One link a feed or sitemap announces, with what it says about it.
struct FeedLink {
    std::string url;      ///< as written (trimmed); may be relative: resolve against the feed's URL
    std::string title;    ///< item title or news:title, empty when none
    std::optional<Timestamp> published; ///< pubDate, published, dc:date, news:publication_date
    std::optional<Timestamp> modified;  ///< updated, lastmod
    bool is_sitemap = false; ///< an entry of a sitemap index: another sitemap, not a page

    bool operator==(const FeedLink&) const = default;
};

/// A parsed feed or sitemap.
struct FeedDocument {
    FeedKind kind = FeedKind::unknown;
    std::vector<FeedLink> links; ///< in document order, without duplicates
    std::string error;           ///< XML error (what was read before it is still returned)
};

/// Parses a feed or sitemap from UTF-8 (or UTF-16 with a BOM) XML; the XML declaration's
/// encoding is ignored, so decode other charsets first. Never throws on bad input: a
/// document that is not XML, or XML of another kind, gives kind unknown and no links.
/// Thread-safe.
FeedDocument parse_feed(std::string_view xml);

/// Reads an RFC 822 / RFC 1123 date as RSS writes it ("Tue, 11 Feb 2025 14:30:00 GMT",
/// "+0800", "EST", two-digit years, missing seconds); falls back to ISO 8601.
std::optional<Timestamp> parse_feed_date(std::string_view text);

} // namespace rumorwatch
