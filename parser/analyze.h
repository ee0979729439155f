/// \file
/// Article -> what it says about a topic: mentions, their status and evidence.
#pragma once

#include <string_view>

#include "parser/model.h"
#include "parser/topic.h"

namespace rumorwatch {

/// Finds the mentions of `topic` in the article's title and text and the status the
/// article asserts as news. Pure and thread-safe.
RumorAnalysis analyze_article(const Article& article, const Topic& topic);

/// Judges a headline and body. With `topic` null the entity gate is off (the stance of
/// the text toward its main claim, for `classify --generic`).
RumorAnalysis classify_text(std::string_view headline, std::string_view body, const Topic* topic);

} // namespace rumorwatch
