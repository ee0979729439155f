/// \file
/// The rule families of judge_sentence, one at a time: each golden row of
/// tests/golden/analysis/rule_families.jsonl runs one sentence through the facts and ONLY the named family
/// (for the first cue of the family's kinds), and checks the status it proposes.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "parser/analysis/mentions.h"
#include "parser/analysis/rule_families.h"
#include "parser/analysis/rule_words.h"
#include "parser/analysis/topic.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;
using namespace rumorwatch::rules;

namespace {

Topic apple_alibaba() {
    const auto path = test::source_dir() / "seeds" / "topics" / "apple-alibaba.json";
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return parse_topic(s.str(), path.string());
}

using Family = bool (*)(const RuleFacts&, std::size_t, Proposals&);
template <void (*F)(const RuleFacts&, std::size_t, Proposals&)>
bool always(const RuleFacts& f, std::size_t n, Proposals& p) {
    F(f, n, p);
    return true;
}

struct FamilyEntry {
    Family run;
    std::set<CueKind> kinds;
};

const std::map<std::string, FamilyEntry>& families() {
    static const std::map<std::string, FamilyEntry> table = {
        {"negated_claim", {rule_negated_claim, {CueKind::negator}}},
        {"silence", {rule_silence, {CueKind::speech}}},
        {"according_to", {rule_according_to, {CueKind::according_to}}},
        {"confirm", {always<rule_confirm>, {CueKind::confirm}}},
        {"approve", {always<rule_approve>, {CueKind::approve}}},
        {"speculative", {always<rule_speculative>, {CueKind::speculative}}},
        {"announce", {always<rule_announce>, {CueKind::announce, CueKind::joint_announcement, CueKind::resume}}},
        {"deny", {always<rule_deny>, {CueKind::deny, CueKind::deny_after}}},
        {"setback", {always<rule_setback>, {CueKind::stall, CueKind::cancel}}},
        {"review", {always<rule_review>, {CueKind::review}}},
        {"hearsay", {always<rule_hearsay>, {CueKind::hearsay}}},
        {"no_comment", {always<rule_no_comment>, {CueKind::no_comment}}},
        {"deal_term", {always<rule_deal_term>, {CueKind::talks, CueKind::deal, CueKind::deal_ref}}},
    };
    return table;
}

/// What one family says of one sentence: the status it proposes, "nothing", or for
/// statement_counts "counts"/"filtered" (of the first statement cue).
std::string run_family(const nlohmann::json& row) {
    const bool generic = row.value("mode", "topic") == "generic";
    static const Topic topic = apple_alibaba();
    static const Lexicon topic_lexicon(&topic);
    static const Lexicon generic_lexicon(nullptr);
    const std::string text = row.at("text");
    const auto sentences = read_sentences("", text, generic ? generic_lexicon : topic_lexicon, generic ? nullptr : &topic);
    REQUIRE(sentences.size() == 1);
    const auto& sentence = sentences.front();

    RuleContext context;
    std::string claim;
    if (generic) {
        context.generic = true;
        claim = text::to_lower_ascii(row.at("claim").get<std::string>());
        context.claim = claim;
    } else {
        std::size_t parties = 0;
        for (const auto& e : topic.entities) {
            context.sources.is_party.push_back(e.party);
            context.sources.is_official.push_back(std::find(topic.official_bodies.begin(), topic.official_bodies.end(),
                                                            e.id) != topic.official_bodies.end());
            parties += e.party ? 1 : 0;
        }
        context.sources.party_count = static_cast<int>(parties);
        context.sources.last_party = sentence.party_before;
        context.names_all_parties = parties > 1 && sentence.parties.size() >= parties;
    }
    const RuleFacts facts = rule_facts(sentence.text, sentence.hits, context);
    Proposals proposals(facts);
    const std::string family = row.at("family");
    if (family == "no_cue") {
        rule_no_cue(facts, proposals);
    } else if (family == "statement_counts") {
        for (std::size_t n = 0; n < facts.hits.size(); ++n)
            if (is_statement(facts.hits[n].kind)) return statement_counts(facts, n) ? "counts" : "filtered";
        return "no statement cue";
    } else {
        const FamilyEntry& entry = families().at(family);
        std::size_t n = 0;
        while (n < facts.hits.size() && !entry.kinds.count(facts.hits[n].kind)) ++n;
        if (n == facts.hits.size()) return "no cue of the family";
        if (!entry.run(facts, n, proposals)) return "not taken";
    }
    if (proposals.empty()) return "nothing";
    return std::string(to_string(choose(facts, proposals).status));
}

} // namespace

TEST_CASE("rule families: each family alone proposes what its golden rows say", "[parser]") {
    std::ifstream in(test::source_dir() / "tests/golden/analysis/rule_families.jsonl");
    std::string line;
    std::set<std::string> covered;
    int rows = 0;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto row = nlohmann::json::parse(line);
        ++rows;
        covered.insert(row.at("family").get<std::string>());
        INFO(row.at("family").get<std::string>() << ": " << row.at("text").get<std::string>() << " ("
                                                 << row.at("why").get<std::string>() << ")");
        CHECK(run_family(row) == row.at("expect").get<std::string>());
    }
    CHECK(rows >= 25);
    // Every family has rows.
    for (const auto& [name, entry] : families()) {
        INFO("family without golden rows: " << name);
        CHECK(covered.count(name) == 1);
    }
    CHECK(covered.count("no_cue") == 1);
    CHECK(covered.count("statement_counts") == 1);
}

TEST_CASE("rule words: the rules' word lists come from the data file, spaces kept where marked", "[parser]") {
    CHECK(word_list("claim_negation").front() == " not ");
    CHECK(equals_any("the ", "talks_named_article"));
    CHECK(starts_with_any("due to the review", "cause_opener"));
    CHECK_FALSE(contains_any("nothing new", "claim_negation")); // " not " needs its spaces
    CHECK_THROWS_AS(word_list("no_such_list"), std::logic_error);
    // Every list a rule reads is in the file (a typo would throw at the first sentence).
    for (const char* list :
         {"own_view_prefix", "month_may_after", "claim_negation", "review_passed_zh", "review_passed_zh_negator",
          "review_passed_en", "cause_opener", "cause_before", "time_clause_opener", "time_clause_before",
          "time_clause_zh_start", "time_clause_zh_end", "detail_negator", "detail_negator_claim",
          "detail_negator_deal", "no_longer", "expectation_verb", "deadline", "purpose_opener",
          "talks_named_article", "switch_prefix"}) {
        INFO(list);
        CHECK_FALSE(word_list(list).empty());
    }
}
