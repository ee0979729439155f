/// \file
/// The generic cue lexicons (parser/analysis/data/cues.*.tsv, built in) and the Lexicon that compiles
/// them with a topic.
#include "parser/analysis/cues.h"

#include "parser/analysis/embedded_data.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace rumorwatch {
namespace {

using K = CueKind;

constexpr std::pair<CueKind, std::string_view> kKindNames[] = {
    {K::confirm, "confirm"}, {K::approve, "approve"}, {K::announce, "announce"}, {K::deny, "deny"},
    {K::deny_after, "deny_after"}, {K::stall, "stall"}, {K::review, "review"}, {K::cancel, "cancel"}, {K::resume, "resume"}, {K::speculative, "speculative"},
    {K::hearsay, "hearsay"}, {K::talks, "talks"}, {K::hedge, "hedge"},
    {K::no_comment, "no_comment"}, {K::negator, "negator"}, {K::negator_pending, "negator_pending"},
    {K::negator_wide, "negator_wide"}, {K::future, "future"}, {K::joint, "joint"},
    {K::background, "background"}, {K::past_perfect, "past_perfect"}, {K::contrast, "contrast"},
    {K::ignore, "ignore"}, {K::speech, "speech"}, {K::according_to, "according_to"},
    {K::unnamed_source, "unnamed_source"}, {K::media, "media"}, {K::analyst, "analyst"},
    {K::entity, "entity"}, {K::deal, "deal"}, {K::joint_announcement, "joint_announcement"},
    {K::party_ref, "party_ref"}, {K::all_parties_ref, "all_parties_ref"},
    {K::neither_party, "neither_party"}, {K::one_party, "one_party"}, {K::deal_ref, "deal_ref"},
};

#ifndef RUMORWATCH_CUES_EN_PATH
#error "RUMORWATCH_CUES_EN_PATH and RUMORWATCH_CUES_ZH_PATH must name parser/analysis/data/cues.*.tsv"
#endif
RUMORWATCH_EMBED_FILE(english_cue_text, rumorwatch_cues_en, RUMORWATCH_CUES_EN_PATH)
RUMORWATCH_EMBED_FILE(chinese_cue_text, rumorwatch_cues_zh, RUMORWATCH_CUES_ZH_PATH)

/// Reads a cue table: `phrase<TAB>kind` lines, `#` comments and blank lines skipped. The
/// phrases view the embedded text, which lives as long as the program.
/// @throws std::logic_error on a malformed row: the tables are built in, so it is a bug.
std::vector<LexiconEntry> parse_cue_table(std::string_view text, std::string_view name) {
    std::vector<LexiconEntry> out;
    std::size_t number = 0;
    while (!text.empty()) {
        const std::string_view line = take_line(text);
        ++number;
        if (line.empty() || line.front() == '#') continue;
        const std::size_t tab = line.find('\t');
        const auto bad = [&](const char* what) {
            return std::logic_error(std::string(name) + ":" + std::to_string(number) + ": " + what);
        };
        if (tab == std::string_view::npos || tab == 0) throw bad("expected phrase<TAB>kind");
        const std::string_view kind_name = line.substr(tab + 1);
        const auto kind = std::find_if(std::begin(kKindNames), std::end(kKindNames),
                                       [&](const auto& row) { return row.second == kind_name; });
        if (kind == std::end(kKindNames)) throw bad("unknown cue kind");
        out.push_back({line.substr(0, tab), kind->first});
    }
    return out;
}

const std::vector<LexiconEntry>& english_table() {
    static const std::vector<LexiconEntry> table = parse_cue_table(english_cue_text(), "cues.en.tsv");
    return table;
}

const std::vector<LexiconEntry>& chinese_table() {
    static const std::vector<LexiconEntry> table = parse_cue_table(chinese_cue_text(), "cues.zh.tsv");
    return table;
}

} // namespace

std::string_view to_string(CueKind kind) {
    for (const auto& [k, name] : kKindNames)
        if (k == kind) return name;
    return "?";
}

std::span<const LexiconEntry> english_cues() { return english_table(); }
std::span<const LexiconEntry> chinese_cues() { return chinese_table(); }

CueKind cue_kind_for(RumorStatus status) {
    switch (status) {
    case RumorStatus::speculation: return K::hedge;
    case RumorStatus::reported: return K::hearsay;
    case RumorStatus::partially_confirmed: return K::confirm;
    case RumorStatus::confirmed: return K::announce;
    case RumorStatus::denied: return K::deny;
    case RumorStatus::stalled: return K::stall;
    case RumorStatus::cancelled: return K::cancel;
    case RumorStatus::none:
    case RumorStatus::mentioned: break;
    }
    return K::ignore;
}

Lexicon::Lexicon(const Topic* topic) {
    // The topic's own phrases go first: for the same phrase, the first one added wins, and
    // a topic knows better than the generic tables what its words mean.
    if (topic) {
        // An alias that is also a deal term ("Apple Intelligence": Apple's, and the deal's
        // subject) names the entity and the deal at once.
        auto folded = [](std::string_view s) {
            std::string out(s);
            for (char& c : out)
                if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            return out;
        };
        std::vector<std::string> deal_terms;
        for (const auto& term : topic->deal_terms) deal_terms.push_back(folded(term));
        for (std::size_t i = 0; i < topic->entities.size(); ++i)
            for (const auto& alias : topic->entities[i].aliases) {
                const bool deal = std::find(deal_terms.begin(), deal_terms.end(), folded(alias)) != deal_terms.end();
                add(alias, K::entity, static_cast<std::int16_t>(i), deal);
            }
        // A deal term that holds a party's alias ("Apple Intelligence in China") names both.
        for (const auto& term : topic->deal_terms)
            for (std::size_t i = 0; i < topic->entities.size(); ++i) {
                if (!topic->entities[i].party) continue;
                for (const auto& alias : topic->entities[i].aliases)
                    if (alias.size() >= 3 && folded(term) != folded(alias) &&
                        folded(term).find(folded(alias)) != std::string::npos) {
                        add(term, K::entity, static_cast<std::int16_t>(i), true);
                        break;
                    }
            }
        for (const auto& phrase : topic->joint_announcement) add(phrase, K::joint_announcement);
        for (const auto& cue : topic->cues) add(cue.phrase, cue_kind_for(cue.status));
        for (const auto& term : topic->deal_terms) add(term, K::deal);
    }
    for (const auto& e : english_table()) add(e.phrase, e.kind);
    for (const auto& e : chinese_table()) add(e.phrase, e.kind);
    matcher_.compile();
}

void Lexicon::add(std::string_view phrase, CueKind kind, std::int16_t entity, bool also_deal) {
    matcher_.add(phrase, static_cast<std::uint32_t>(terms_.size()));
    terms_.push_back({kind, entity, also_deal});
}

void Lexicon::scan(std::string_view text, std::vector<Hit>& out) const {
    thread_local std::vector<PhraseMatcher::Match> matches;
    matches.clear();
    matcher_.find(text, matches);
    for (const auto& m : matches) {
        const Term& t = terms_[m.payload];
        out.push_back({m.begin, m.end, t.kind, t.entity, t.also_deal});
    }
}

} // namespace rumorwatch
