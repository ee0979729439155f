/// \file
/// HTML page -> the links it holds, resolved to absolute http(s) URLs. Pure: no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rumorwatch {

/// One link of a page.
struct PageLink {
    std::string url;  ///< absolute http(s) URL in canonical_url() form
    std::string text; ///< the anchor's visible text, whitespace collapsed (may be empty)
    bool nofollow = false; ///< rel="nofollow" (or "sponsored", "ugc")

    bool operator==(const PageLink&) const = default;
};

/// What a page links to.
struct PageLinks {
    std::vector<PageLink> links; ///< <a href> and <area href>, in document order, without duplicates
    std::string canonical;       ///< <link rel="canonical"> resolved, empty when none
};

/// Reads the links of UTF-8 HTML. Relative references are resolved against `<base href>`
/// when the page has one, else against `page_url`, and put in canonical_url() form;
/// javascript:, mailto: and other schemes are dropped. Never throws on bad input. Thread-safe.
PageLinks extract_links(std::string_view html_utf8, std::string_view page_url);

} // namespace rumorwatch
