/// \file
/// Telling an article's news from its recap: reported speech of an older event.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string_view>

#include "parser/analysis/cues.h"

namespace rumorwatch {

/// Is the statement decided by hit `cue_hit` about an older event rather than this article's
/// news? True when
/// - the sentence carries a recap marker ("earlier this year", "last year", "previously",
///   去年, 此前, 曾);
/// - "had" stands just before the cue ("had confirmed", "had been delayed");
/// - the sentence dates the statement to an earlier month than `published`
///   ("in February", "February 2025", "in 2024", 2025年2月, 今年2月); without a publication
///   date, "in February" before a past-tense cue ("in February the chairman confirmed") still is.
bool is_background(std::string_view sentence, std::span<const Lexicon::Hit> hits, int cue_hit,
                   std::optional<std::chrono::year_month_day> published);

} // namespace rumorwatch
