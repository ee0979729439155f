/// \file
/// Which sentences of an article speak of the deal: entities, references and deal terms.
#pragma once

#include <string_view>
#include <vector>

#include "parser/analysis/cues.h"
#include "parser/analysis/sentences.h"
#include "parser/analysis/topic.h"

namespace rumorwatch {

/// One sentence as the analyzer sees it, with its references resolved.
struct SentenceFacts {
    std::string_view text;        ///< the sentence (a view into the headline or body)
    SentenceSpan span;            ///< offsets into the headline (if `in_headline`) or body
    bool in_headline = false;
    int ordinal = 0;              ///< 0-based position among body sentences; -1 for the headline
    std::vector<Lexicon::Hit> hits;  ///< offsets relative to `text`
    std::vector<int> entities;    ///< entity indices named or referred to, sorted, unique
    std::vector<int> parties;     ///< the subset that are parties
    int party_before = -1;        ///< the party "the company" means at the sentence start
    bool deal = false;            ///< a deal term, "the deal", or a joint-announcement phrase
    bool deal_ref = false;        ///< "the deal", "the partnership", 此次合作 (refers back)
    bool statement = false;       ///< a status cue (confirm, deny, stall, hearsay, ...)
    bool reply = false;           ///< a cue that answers news (no comment, deny, confirm, delay)
    bool refers_back = false;     ///< "the company", "both companies", 该公司, 双方
    bool rival = false;           ///< names an entity that is neither a party nor an official body
    std::size_t named_parties = 0; ///< distinct parties named directly (not by reference)
    bool rival_deal = false;      ///< a clause names a party, a rival and a deal word or cue
};

/// Scans the sentences with `lexicon` and resolves references: "the company", 该公司 and
/// possessive pronouns to the last named party; "both companies", 双方 to every party.
/// `topic` may be null (generic mode: no entities).
std::vector<SentenceFacts> read_sentences(std::string_view headline, std::string_view body,
                                          const Lexicon& lexicon, const Topic* topic);

/// Marks the sentences that mention the deal in a topic: a party and a deal term meet in the
/// sentence, or every party does; or, next to such a mention, a sentence whose party or
/// "the deal" comes with a reply cue or a reference back ("Alibaba declined to comment.",
/// "The company confirmed it.").
std::vector<bool> select_mentions(const std::vector<SentenceFacts>& sentences, const Topic& topic);

} // namespace rumorwatch
