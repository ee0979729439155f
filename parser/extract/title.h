/// \file
/// Choosing the headline among what a page offers (JSON-LD headline, og:title, <h1>,
/// <title>) and stripping the site name from titles ("Headline | Outlet"). Private to parser/extract.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace rumorwatch {

/// The raw candidates, white space collapsed; any may be empty.
struct TitleCandidates {
    std::string json_ld;
    std::string og;
    std::string twitter;
    std::vector<std::string> h1s; ///< in document order, article ones first when known
    std::string title_tag;
    std::vector<std::string> site_names; ///< og:site_name, publisher, outlet name ...
};

struct TitleChoice {
    std::string title;
    std::string source; ///< "json-ld", "og:title", "twitter:title", "h1", "title"; "" when none
};

/// `title` without a leading or trailing site name: "Headline | Outlet", "Headline - Outlet",
/// "Headline_Outlet", "Outlet: Headline", with the separators | - – — _ : ： » · ｜.
/// When no site name is known, a trailing segment is cut only if it is short and the
/// rest is clearly the headline.
/// When `removed` is given it receives the stripped site name (or "").
std::string strip_site_name(std::string_view title, const std::vector<std::string>& site_names,
                            std::string* removed = nullptr);

/// Picks the headline: the candidate most others agree with (equal, or one containing the
/// other), preferring JSON-LD, then og:title, h1, and the stripped <title>; a truncated
/// candidate ("…") loses to the full one it starts.
TitleChoice choose_title(const TitleCandidates& candidates);

} // namespace rumorwatch
