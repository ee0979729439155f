/// \file
/// Placeholder extractor (issue: article extraction).
#include "parser/extract.h"

namespace rumorwatch {

Article extract_article(std::string_view, const ExtractOptions& options) {
    Article a;
    a.url = options.url;
    a.canonical_url = options.url;
    a.warnings.push_back("extractor not built yet");
    return a;
}

} // namespace rumorwatch
