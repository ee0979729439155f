/// \file
/// Stored articles -> the timeline's entries and edits.
#pragma once

#include <string>
#include <vector>

#include "index/index.h"
#include "query/timeline/story.h"

namespace rumorwatch {

struct TimelineInput {
    std::vector<TimelineEntry> entries;
    std::vector<TimelineEdit> edits;
};

/// One entry per stored article (dated by publication, else first seen), and one edit
/// per pair of consecutive versions whose status differs.
TimelineInput timeline_input(const std::vector<StoredArticle>& articles, const std::string& topic_id);

/// Keeps only the given outlets and languages (an empty list keeps all).
void filter_timeline_input(TimelineInput& input, const std::vector<std::string>& outlets,
                           const std::vector<std::string>& languages);

} // namespace rumorwatch
