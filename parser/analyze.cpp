/// \file
/// Placeholder analyzer (issue: rumor analysis).
#include "parser/analyze.h"

namespace rumorwatch {

RumorAnalysis analyze_article(const Article&, const Topic& topic) {
    RumorAnalysis r;
    r.topic_id = topic.id;
    return r;
}

RumorAnalysis classify_text(std::string_view, std::string_view, const Topic* topic) {
    RumorAnalysis r;
    if (topic) r.topic_id = topic->id;
    return r;
}

} // namespace rumorwatch
