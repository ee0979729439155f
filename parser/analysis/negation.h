/// \file
/// Scope of negation, hedges, future markers and denials over the cues of one sentence.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "parser/analysis/cues.h"

namespace rumorwatch {

/// How the modifiers of a sentence bear on one of its cues.
struct CueScope {
    bool negated = false; ///< "has not confirmed", "no delay", "neither ... nor ...", 没有确认
    bool pending = false; ///< "not yet", "has yet to", 尚未: negated, but as not-done-yet
    bool hedged = false;  ///< "could", "may", "if", 可能, or the sentence is a question
    bool future = false;  ///< "plans to", "will", 将: the act has not happened
    bool denied = false;  ///< the cue is the content of a denial ("denied that talks had stalled")
    bool flips = false;   ///< this denial is of a negative event (stall, cancel), so affirms the deal
    bool object = false;  ///< follows a negated statement closely: its object ("has not
                          ///< confirmed the launch"), negated with it, not a statement of its own
    bool clause_hedged = false; ///< a hedge stands anywhere in its clause (for deal terms,
                                ///< which are often the subject of the modal: "a deal could ...")
    bool attached = false; ///< for a negator: it negates some statement
    int clause = 0;       ///< clause number within the sentence
    int negator = -1;     ///< index of the negator hit that applies, or -1
    int hedge = -1;       ///< index of the hedge hit that applies, or -1
};

/// True for the kinds that say something about the deal (the ones scopes apply to).
bool is_statement(CueKind kind);

/// True if the sentence asks rather than tells (ends in ? or ？, or with 吗/呢 before it).
bool is_question(std::string_view sentence);

/// Resolves, for every hit of a sentence (same order as `hits`), what modifies it.
///
/// - A plain negator (not, no, never, 没有, 未) applies to the first statement within four
///   words (or eight Chinese characters) after it, not across a comma or a clause boundary;
///   a speech verb on the way takes the negation ("has not said"), and is marked negated.
/// - A pending negator (not yet, yet to, 尚未) does the same and marks it pending.
/// - A wide negator (neither, 均未) applies to every statement after it in its clause.
/// - A hedge applies to every statement after it in its clause (clauses end at "but",
///   "however", ";" ...); in a question every statement is hedged.
/// - A future marker (plans to, will, 将) applies to the statement within four words after it.
/// - A denial's scope is the rest of its clause up to the next speech verb; stall and cancel
///   cues inside it are `denied`, and the denial `flips`. A deny_after cue ("... is false")
///   looks back over its clause instead.
std::vector<CueScope> resolve_scopes(std::string_view sentence, std::span<const Lexicon::Hit> hits);

} // namespace rumorwatch
