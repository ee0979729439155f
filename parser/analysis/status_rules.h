/// \file
/// The status one sentence asserts about the deal, by readable rules over its cues.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "parser/analysis/attribution.h"
#include "parser/analysis/cues.h"
#include "parser/core/core.h"

namespace rumorwatch {

/// What the rules need to know besides the sentence.
struct RuleContext {
    SourceContext sources;        ///< parties, official bodies, what "the company" is
    bool generic = false;         ///< no topic: a plain statement asserts the claim
    bool names_all_parties = false; ///< the sentence (with references) names every party
    std::string_view claim;       ///< generic mode: the claim, lower-cased, or empty
};

/// The verdict on one sentence.
struct SentenceJudgement {
    RumorStatus status = RumorStatus::mentioned;
    double strength = 0.0;    ///< 0..1, how clearly the sentence says it
    std::uint32_t cue_begin = 0; ///< the deciding words, as offsets into the sentence
    std::uint32_t cue_end = 0;
    Source source;            ///< who is said to say it
    int cue_hit = -1;         ///< index of the deciding hit, or -1
    bool bare = false;        ///< decided by a deal term alone, with no cue
    bool weak = false;        ///< bare, or a cue that says little about the whole article
                              ///< (a pending review, "declined to comment", a reason clause)
    bool full_confirmation = false; ///< `confirmed` by every party or jointly, not by default
};

/// Judges one sentence from its lexicon hits (in order, offsets into `sentence`).
///
/// The rules, in order of precedence when several cues compete:
/// 1. cancelled, denied, stalled, when not negated, hedged or themselves denied
///    ("denied reports that talks had stalled" is no stall, and the denial affirms the deal);
/// 2. confirmed / partially_confirmed: an announcement, a joint statement, or a confirmation
///    by every party is `confirmed`; by one party or an official body `partially_confirmed`;
///    by unnamed sources or the media only `reported`;
/// 3. reported: hearsay, talks, negated confirmations ("has not confirmed", 尚未证实),
///    "declined to comment";
/// 4. speculation: any of the above under a hedge ("could", 或将, a question) without a
///    sourced report, or said by analysts;
/// 5. a bare deal statement: in a topic, `reported` when it names every party, else
///    `mentioned`; in generic mode it asserts the claim (`confirmed`).
SentenceJudgement judge_sentence(std::string_view sentence, std::span<const Lexicon::Hit> hits,
                                 const RuleContext& context);

} // namespace rumorwatch
