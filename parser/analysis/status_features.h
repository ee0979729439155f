/// \file
/// What the learned status model reads of an article: the rules' verdicts, cue kinds by
/// place, who speaks, which entities meet, and the words of the headline and lead with the
/// topic's names masked (so that weights learned on one rumor carry to another).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "parser/analysis/attribution.h"
#include "parser/analysis/mentions.h"
#include "parser/core/core.h"

namespace rumorwatch {

/// One mention as the rules judged it, with where it stands.
struct JudgedMention {
    RumorStatus status = RumorStatus::mentioned;
    bool in_headline = false;
    int ordinal = 0;          ///< body sentence number (ignored in the headline)
    bool background = false;  ///< a recap of an older event
    bool weak = false;        ///< a bare deal word, a pending review, "no comment"
    SourceKind source = SourceKind::none;
    std::vector<int> speaks_for; ///< entity indices of the parties its speaker speaks for
    bool all_parties = false;    ///< said by "both companies", jointly, or every party
};

/// What a phrase of the topic's frame (TopicFrame) marks.
enum class FrameKind : std::uint8_t { object, other_deal, sense_trap };

/// One frame phrase found in a sentence (offsets relative to the sentence).
struct FrameHit {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    FrameKind kind = FrameKind::object;
};

/// Everything the features are computed from. Views and references must outlive the call.
struct FeatureInput {
    const std::vector<SentenceFacts>& facts;
    const std::vector<std::vector<FrameHit>>& frame; ///< per sentence of `facts`
    const std::vector<bool>& is_party; ///< per topic entity index
    const std::vector<JudgedMention>& mentions;
    RumorStatus rule_status = RumorStatus::mentioned; ///< what the rules alone decide
};

/// The feature names of one article, sorted and unique. Pure; thread-safe.
std::vector<std::string> status_features(const FeatureInput& input);

/// The word and character tokens of a text, topic names replaced by `<p>` (a party) or `<o>`
/// (another entity) and frame phrases by `<obj>`, `<other>` or `<trap>`, Latin words
/// lower-cased, numbers folded to `0`, each CJK character a token, `?`/`？` kept. `hits` and
/// `frame` hold offsets relative to `text`; where spans overlap, a name wins.
std::vector<std::string> masked_tokens(std::string_view text, const std::vector<Lexicon::Hit>& hits,
                                       const std::vector<FrameHit>& frame, const std::vector<bool>& is_party);

} // namespace rumorwatch
