/// \file
/// analysis_for: an article's analysis for one topic of a multi-topic crawl.
#include "index/index.h"

namespace rumorwatch {

const RumorAnalysis* analysis_for(const ArticleRecord& record, std::string_view topic_id) {
    if (topic_id.empty() || record.analysis.topic_id.empty() || record.analysis.topic_id == topic_id)
        return &record.analysis;
    for (const auto& other : record.other_topics)
        if (other.topic_id == topic_id) return &other;
    return nullptr;
}

} // namespace rumorwatch
