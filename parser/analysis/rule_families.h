/// \file
/// The pieces of judge_sentence (status_rules.h): the facts of one sentence, computed once
/// (rule_facts.cpp), and the rule families that read them, one small function per kind
/// of cue (rule_families.cpp). Each family proposes candidate statuses; choose() applies the
/// precedence documented at judge_sentence. Private to parser/analysis; the families have
/// their own tests (tests/parser/analysis/rule_families_test.cpp, golden rows in
/// tests/golden/analysis/rule_families.jsonl).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "parser/analysis/attribution.h"
#include "parser/analysis/cues.h"
#include "parser/analysis/negation.h"
#include "parser/analysis/status_rules.h"

namespace rumorwatch::rules {

/// What every rule of one sentence reads: its cue hits (after the rewrites that do not
/// depend on a rule: "May" the month is no hedge, a passed review is an approval), their
/// scopes, and who speaks.
struct RuleFacts {
    std::string_view s;
    const RuleContext* context = nullptr;
    std::vector<Lexicon::Hit> hits;
    std::vector<CueScope> scopes;
    bool question = false;
    bool generic = false;
    bool resumed = false;     ///< a resumption stands: the pause it ends is the past
    bool talks_named = false; ///< a talks cue is in the sentence
    Source speaker;           ///< who speaks in the sentence as a whole
    bool sourced = false;     ///< a report by unnamed sources or the media stands in it
    bool analyst_view = false;
    bool own_view = false;    ///< "I think", 笔者认为: the writer's opinion
    bool any_hedge = false;   ///< a hedge, an analyst or a question
    bool joint = false;       ///< a joint statement or announcement
    bool claim_negated = false; ///< generic mode: the claim negates itself
};

RuleFacts rule_facts(std::string_view sentence, std::span<const Lexicon::Hit> hits,
                             const RuleContext& context);

/// One proposed status with the cue and speaker behind it.
struct Candidate {
    RumorStatus status = RumorStatus::mentioned;
    double strength = 0.0;
    int group = -1; ///< precedence group when not the status's own (see choose)
    bool weak = false; ///< says little about the article as a whole (a review, "no comment")
    int hit = -1;
    std::uint32_t cue_begin = 0, cue_end = 0;
    Source source;
    bool bare = false;
};

/// The candidates of one sentence and the ways rules propose them.
class Proposals {
public:
    explicit Proposals(const RuleFacts& facts) : f_(facts) {}

    void propose(RumorStatus status, double strength, int hit, const Source& source, bool bare = false);
    /// A negation of the claim; in generic mode a negated claim turns it around.
    void negation(double strength, int hit, const Source& source);
    /// A hedged statement is speculation, unless the sentence reports a source for it.
    RumorStatus hedged_status() const;
    /// Who does what cue `n` says: its agent when one is named, else the speaker.
    Source agent(std::size_t n) const;
    /// What a confirmation by `source` amounts to, and how strong it is.
    std::pair<RumorStatus, double> confirmation_by(const Source& source, double strength) const;
    /// A plain statement of the deal (a deal term, talks, or every party named), decided by
    /// who says it.
    void plain_statement(int hit, bool talks);

    Candidate& last() { return candidates_.back(); }
    const std::vector<Candidate>& all() const { return candidates_; }
    bool empty() const { return candidates_.empty(); }

private:
    const RuleFacts& f_;
    std::vector<Candidate> candidates_;
};

// ---- Rule families. Each reads cue `n` of the facts and proposes what it asserts. ----
// The first three decide a cue before any filter; they return true when they did.

/// Generic mode: a plain negator negates the claim ("Netflix will not raise prices").
bool rule_negated_claim(const RuleFacts& f, std::size_t n, Proposals& p);
/// "Neither company has said anything", 双方均未表态: no word from the parties.
bool rule_silence(const RuleFacts& f, std::size_t n, Proposals& p);
/// "according to a report that cites people familiar": the sentence is a report.
bool rule_according_to(const RuleFacts& f, std::size_t n, Proposals& p);

/// Whether statement cue `n` speaks of this deal at all: not an object of another verb, not
/// the pause a resumption ends, not a time clause, not a rival's deal, not the content of a
/// denial.
bool statement_counts(const RuleFacts& f, std::size_t n);
/// Generic mode: a cue that is the claim's own wording is a plain statement of the claim.
bool rule_claim_wording(const RuleFacts& f, std::size_t n, Proposals& p);

void rule_confirm(const RuleFacts& f, std::size_t n, Proposals& p);
void rule_approve(const RuleFacts& f, std::size_t n, Proposals& p);
void rule_speculative(const RuleFacts& f, std::size_t n, Proposals& p);
/// announce, joint announcement, and a resumption that is an act.
void rule_announce(const RuleFacts& f, std::size_t n, Proposals& p);
void rule_deny(const RuleFacts& f, std::size_t n, Proposals& p);
/// stall and cancel.
void rule_setback(const RuleFacts& f, std::size_t n, Proposals& p);
void rule_review(const RuleFacts& f, std::size_t n, Proposals& p);
void rule_hearsay(const RuleFacts& f, std::size_t n, Proposals& p);
void rule_no_comment(const RuleFacts& f, std::size_t n, Proposals& p);
/// talks, a deal term, a reference to the deal.
void rule_deal_term(const RuleFacts& f, std::size_t n, Proposals& p);
/// No statement cue proposed anything: every party named, or a generic headline.
void rule_no_cue(const RuleFacts& f, Proposals& p);

/// Runs the family that owns cue `n`'s kind (after the filters above).
void apply_family(const RuleFacts& f, std::size_t n, Proposals& p);

/// The precedence: the winning candidate, or the hedge-only verdict when there is none.
SentenceJudgement choose(const RuleFacts& f, const Proposals& p);

// Shared by the facts and the families.
bool sourced_kind(SourceKind k);
/// Words (space-separated runs) between two offsets.
int word_gap(std::string_view s, std::size_t from, std::size_t to);

} // namespace rumorwatch::rules
