/// \file
/// From mentions to the status an article asserts as news, with a confidence.
#pragma once

#include <span>

#include "parser/core/core.h"

namespace rumorwatch {

/// Where a mention stands in its article.
struct MentionPlace {
    bool in_headline = false;
    int ordinal = 0; ///< 0-based body sentence number (ignored for the headline)
    bool bare = false; ///< weak evidence: a deal word alone, a pending review, "no comment"
    bool full_confirmation = false; ///< confirmed jointly or by every party
};

/// Sets `analysis.status`, `confidence` and `evidence` from `analysis.mentions` (one place
/// per mention, same order). This is the rules' own article decision: generic mode and
/// Analyzer::Decision::rules use it as is; in topic mode the learned model decides from it
/// and more (parser/analysis/status_model.h).
///
/// Each mention scores status weight × its confidence × place weight (headline and lead
/// weigh more) × 0.35 if it is background × 0.5 if it is bare; the best score is the evidence. Outcomes
/// (cancelled, denied, stalled, confirmed) weigh more than reports, reports more than
/// speculation, so a clear direct statement anywhere in the article can outweigh a hedged
/// headline, while a recap of an older event cannot outweigh the news. `generic` makes the
/// headline weigh more still (stance of a headline). A one-party confirmation that wins is
/// completed by a close joint or all-party one (they agree; the fuller one is the news).
/// With no mentions the status is left as is.
void decide_article_status(RumorAnalysis& analysis, std::span<const MentionPlace> places, bool generic);

} // namespace rumorwatch
