/// \file
/// What an element's class and id say about it (article body, comments, share bar, ad...),
/// the way page templates name their parts. Private to parser/extract.
#pragma once

#include <string_view>
#include <vector>

namespace rumorwatch {

class Dom;

/// The verdict on one element's class and id attributes.
struct ClassHint {
    bool positive = false;      ///< article, body, content, story, entry, post, text ...
    bool strong_positive = false; ///< articleBody, article-body, story-body, entry-content ...
    bool soft_negative = false; ///< layout parts that may wrap content: sidebar, footer, menu, widget
    bool hard_negative = false; ///< never article text: comments, share, related, ads, newsletter, cookies
    bool caption = false;       ///< figure captions and photo credits
    bool comments = false;      ///< a comment section (for the "comments longer than article" case)
    bool byline = false;        ///< byline, author, dateline, timestamp: metadata, not text
    bool always_remove = false; ///< never content, whatever the retries: cookies, share bars, newsletters

    /// Readability-style weight: +25 for positive, -25 for negative, +50 for strong positive.
    int weight() const;
};

/// Classifies the `class` and `id` attribute values (either may be empty). Matching is
/// case-insensitive; short words (ad, nav, tag) must be whole tokens, long ones may be
/// part of a token ("relatedArticles", "cb-comments").
ClassHint classify_class_id(std::string_view class_attr, std::string_view id_attr);

/// classify_class_id for every element of `dom` (indexed like its nodes; default hints for
/// other nodes). Repeated class strings are classified once.
std::vector<ClassHint> classify_elements(const Dom& dom);

} // namespace rumorwatch
