/// \file
/// Resolving the links a page gives (canonical, og:url, images) against the page's URL,
/// RFC 3986 style, with the fragment dropped and scheme/host lower-cased. Internal to parser/.
#pragma once

#include <string>
#include <string_view>

namespace rumorwatch {

/// `reference` resolved against `base`. An absolute http(s) reference is returned
/// normalised; an empty or non-web reference ("javascript:", "data:") gives "".
/// With an empty or relative `base`, relative references give "".
std::string resolve_page_link(std::string_view base, std::string_view reference);

} // namespace rumorwatch
