/// \file
/// What a page's JSON-LD says about its article: the article-like object (NewsArticle,
/// BlogPosting, LiveBlogPosting, ...) found in any block, list or @graph, with references
/// (@id) resolved, and page-level fallbacks (WebPage, WebSite, publisher). Private to parser/extract.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace rumorwatch {

/// A name from JSON-LD `author`/`creator`, with whether it is typed as an organisation.
struct PersonName {
    std::string name;
    bool organisation = false;
    bool operator==(const PersonName&) const = default;
};

/// The fields the extractor uses. Strings are entity-decoded and trimmed; empty when absent.
struct JsonLdArticle {
    bool found = false;  ///< an article-like object was found
    std::string type;    ///< its @type, e.g. "NewsArticle"
    std::string headline;
    std::string description;
    std::string article_body;
    std::string date_published; ///< as written
    std::string date_modified;
    std::string section;
    std::string image;
    std::string url;
    std::string language;
    std::string publisher;
    std::string site_name; ///< WebSite name
    std::vector<PersonName> authors;
    std::vector<std::string> keywords;
    int blocks = 0;            ///< script blocks seen
    int unreadable_blocks = 0; ///< blocks with nothing recoverable
};

/// Interprets the raw bodies of the page's ld+json scripts (lenient parse). Never throws.
JsonLdArticle read_json_ld(const std::vector<std::string>& blocks);

} // namespace rumorwatch
