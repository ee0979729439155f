/// \file
/// judge_sentence: the facts of the sentence once, then every statement cue's rule family
/// proposes a candidate status and the precedence picks one (rule_families.h).
#include "parser/analysis/status_rules.h"

#include "parser/analysis/rule_families.h"

namespace rumorwatch {

SentenceJudgement judge_sentence(std::string_view s, std::span<const Lexicon::Hit> input,
                                 const RuleContext& context) {
    using namespace rules;
    const RuleFacts f = rule_facts(s, input, context);
    Proposals p(f);
    for (std::size_t n = 0; n < f.hits.size(); ++n) {
        if (rule_negated_claim(f, n, p) || rule_silence(f, n, p) || rule_according_to(f, n, p)) continue;
        if (!statement_counts(f, n) || rule_claim_wording(f, n, p)) continue;
        apply_family(f, n, p);
    }
    rule_no_cue(f, p);
    return choose(f, p);
}

} // namespace rumorwatch
