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

/// The names that put a party of `topic` on record when an attribution holds one: the
/// aliases of its party entities, without products and the deal's object.
std::vector<std::string> party_names(const Topic& topic);

/// Keeps only the given outlets and languages (an empty list keeps all).
void filter_timeline_input(TimelineInput& input, const std::vector<std::string>& outlets,
                           const std::vector<std::string>& languages);

} // namespace rumorwatch
