/// \file
/// The rule families of judge_sentence: one small function per kind of cue, each proposing
/// the status its cue asserts given the sentence's facts, and the precedence that picks one.
#include "parser/analysis/rule_families.h"

#include <algorithm>
#include <string>

#include "parser/analysis/clauses.h"
#include "parser/analysis/rule_words.h"
#include "parser/core/core.h"

namespace rumorwatch::rules {
namespace {

/// Precedence groups: a candidate of a higher group wins whatever its strength.
int group_of(RumorStatus s, bool bare) {
    if (bare) return 1;
    switch (s) {
    case RumorStatus::cancelled:
    case RumorStatus::denied:
    case RumorStatus::stalled: return 5;
    case RumorStatus::confirmed:
    case RumorStatus::partially_confirmed: return 4;
    case RumorStatus::reported: return 3;
    case RumorStatus::speculation: return 2;
    default: return 0;
    }
}

/// Tie-break inside a group: the more final outcome first.
int finality(RumorStatus s) {
    switch (s) {
    case RumorStatus::cancelled: return 3;
    case RumorStatus::denied: return 2;
    case RumorStatus::confirmed: return 2;
    case RumorStatus::stalled: return 1;
    default: return 0;
    }
}

bool better(const Candidate& a, const Candidate& b) {
    const int ga = a.group >= 0 ? a.group : group_of(a.status, a.bare);
    const int gb = b.group >= 0 ? b.group : group_of(b.status, b.bare);
    if (ga != gb) return ga > gb;
    // Among outcomes the more final one wins; among reports and waits, the stronger cue.
    if (ga >= 4 && finality(a.status) != finality(b.status)) return finality(a.status) > finality(b.status);
    return a.strength > b.strength;
}

/// Generic mode: a cue that is a word of the claim itself ("cancels" in "X cancels Y") is part
/// of what is claimed, not a stance toward it.
bool in_claim(std::string_view claim, std::string_view cue) {
    if (claim.empty() || cue.size() < 3) return false;
    std::string c = text::to_lower_ascii(cue);
    if (c.size() > 6 && static_cast<unsigned char>(c[0]) < 0x80) c.resize(c.size() - 2); // cancelled ~ cancel
    return claim.find(c) != std::string_view::npos;
}

/// Does the clause holding `pos` give a reason ("because ...", 由于…)?
bool in_cause(std::string_view s, std::size_t pos) {
    const auto [b, e] = segment_around(s, pos);
    if (ends_with_any(s.substr(0, b), "cause_before")) return true;
    std::string_view seg = s.substr(b, e - b);
    while (!seg.empty() && seg.front() == ' ') seg.remove_prefix(1);
    return starts_with_any(seg, "cause_opener");
}

/// Is `pos` in a "since ..." clause (自…以来)?
bool in_time_clause(std::string_view s, std::size_t pos) {
    const auto [b, e] = segment_around(s, pos);
    if (ends_with_any(s.substr(0, b), "time_clause_before")) return true;
    std::string_view seg = s.substr(b, e - b);
    while (!seg.empty() && seg.front() == ' ') seg.remove_prefix(1);
    if (starts_with_any(seg, "time_clause_opener")) return true;
    return contains_any(seg, "time_clause_zh_end") && starts_with_any(seg, "time_clause_zh_start");
}

bool is_rival(const SourceContext& c, int entity) {
    return entity >= 0 && static_cast<std::size_t>(entity) < c.is_party.size() && !c.is_party[entity] &&
           !c.is_official[entity];
}

/// "switched to Baidu": a switch ends this deal only when it goes to a rival; a switch to a
/// party ("switched to Alibaba's models") is the deal itself.
bool switch_to_rival(std::string_view s, std::span<const Lexicon::Hit> hits, std::size_t n,
                     const SourceContext& c) {
    for (std::size_t j = n + 1; j < hits.size(); ++j) {
        if (hits[j].kind != CueKind::entity) continue;
        return word_gap(s, hits[n].end, hits[j].begin) <= 2 && is_rival(c, hits[j].entity);
    }
    return false;
}

/// "no longer expected the features to arrive by the spring": a hope for a date given up is
/// a delay, not the end of the deal (without a date, "no longer expects a deal" stays an end).
bool expected_date_given_up(std::string_view s, const Lexicon::Hit& h) {
    if (!equals_any(text::to_lower_ascii(s.substr(h.begin, h.end - h.begin)), "no_longer")) return false;
    std::size_t i = h.end;
    while (i < s.size() && s[i] == ' ') ++i;
    if (!starts_with_any(text::to_lower_ascii(s.substr(i, 12)), "expectation_verb")) return false;
    std::size_t e = s.find_first_of(";", i);
    const std::string rest = text::to_lower_ascii(s.substr(i, e == std::string_view::npos ? std::string_view::npos : e - i));
    return contains_any(rest, "deadline");
}

/// "To launch in China, Apple will need a partner", 为了在中国推出…: an opening purpose clause
/// names a goal and what it takes, neither an act nor anyone's plan.
bool in_opening_purpose_clause(std::string_view s, std::size_t pos) {
    const auto [b, e] = segment_around(s, pos);
    if (b != 0) return false;
    std::string_view seg = s.substr(0, e);
    while (!seg.empty() && seg.front() == ' ') seg.remove_prefix(1);
    return starts_with_any(seg, "purpose_opener");
}

/// Title Case text ("Apple Enters Final Talks") capitalises every word, so a capital says
/// nothing about a name there.
bool title_case(std::string_view s) {
    int words = 0, capitalised = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == ' ' || (i > 0 && s[i - 1] != ' ')) continue;
        ++words;
        capitalised += s[i] >= 'A' && s[i] <= 'Z';
    }
    return words > 0 && capitalised * 10 >= words * 6;
}

/// "the London talks", "the Geneva talks": talks named for a place or a third party are not
/// this deal's. A party's own name is an entity hit ("the Alibaba talks") and does not count.
bool talks_named_for_other(std::string_view s, std::span<const Lexicon::Hit> hits, std::size_t n) {
    const std::size_t at = hits[n].begin;
    if (at < 2 || s[at - 1] != ' ' || title_case(s)) return false;
    std::size_t b = at - 1;
    while (b > 0 && s[b - 1] != ' ') --b;
    if (b == at - 1 || !(s[b] >= 'A' && s[b] <= 'Z') || b < 4) return false;
    for (const auto& h : hits)
        if (h.kind == CueKind::entity && h.begin <= b && h.end >= at - 1) return false;
    // The article before the name: "the " is four bytes, as is every entry of the list.
    const std::string before = text::to_lower_ascii(s.substr(b - 4, 4));
    return equals_any(before, "talks_named_article");
}

} // namespace

// ---- Proposals -------------------------------------------------------------------------

void Proposals::propose(RumorStatus status, double strength, int i, const Source& src, bool bare) {
    Candidate c;
    c.status = status;
    c.strength = strength;
    c.hit = i;
    if (i >= 0) {
        c.cue_begin = f_.hits[i].begin;
        c.cue_end = f_.hits[i].end;
        // Show the negator with what it negates: "has not confirmed", 尚未证实.
        if (f_.scopes[i].negator >= 0) c.cue_begin = f_.hits[f_.scopes[i].negator].begin;
    }
    c.source = src;
    c.bare = bare;
    candidates_.push_back(std::move(c));
}

void Proposals::negation(double strength, int i, const Source& src) {
    if (f_.claim_negated) propose(RumorStatus::confirmed, strength, i, src);
    else propose(RumorStatus::denied, strength, i, src);
}

RumorStatus Proposals::hedged_status() const { return f_.sourced ? RumorStatus::reported : RumorStatus::speculation; }

Source Proposals::agent(std::size_t i) const {
    if (auto span = agent_of(f_.s, f_.hits, i)) {
        Source src = classify_source(f_.s, f_.hits, *span, f_.context->sources);
        if (src.kind != SourceKind::other || f_.speaker.kind == SourceKind::none || f_.generic) return src;
    }
    return f_.speaker;
}

std::pair<RumorStatus, double> Proposals::confirmation_by(const Source& src, double strength) const {
    if (f_.joint || src.all_parties) return {RumorStatus::confirmed, strength + 0.05};
    switch (src.kind) {
    case SourceKind::party:
        if (f_.generic || static_cast<int>(src.parties.size()) >= f_.context->sources.party_count)
            return {RumorStatus::confirmed, strength};
        return {RumorStatus::partially_confirmed, strength};
    case SourceKind::official: return {RumorStatus::partially_confirmed, strength - 0.05};
    case SourceKind::unnamed:
    case SourceKind::media: return {RumorStatus::reported, strength - 0.15};
    case SourceKind::analyst: return {RumorStatus::speculation, strength - 0.3};
    case SourceKind::other:
        // Without a topic, whoever confirms is the one the claim is about.
        if (f_.generic) return {RumorStatus::confirmed, strength};
        return {RumorStatus::reported, strength - 0.25};
    case SourceKind::none: break;
    }
    return {RumorStatus::confirmed, strength - 0.3};
}

void Proposals::plain_statement(int i, bool talks) {
    const Source& speaker = f_.speaker;
    if (speaker.kind == SourceKind::party || speaker.kind == SourceKind::official)
        propose(confirmation_by(speaker, 0.75).first, 0.75, i, speaker);
    else if (speaker.kind == SourceKind::analyst || f_.analyst_view) propose(RumorStatus::speculation, 0.5, i, speaker);
    else if (sourced_kind(speaker.kind) || f_.sourced) propose(RumorStatus::reported, talks ? 0.7 : 0.6, i, speaker);
    else if (f_.generic) propose(RumorStatus::confirmed, talks ? 0.5 : 0.4, i, speaker, true);
    else if (speaker.kind == SourceKind::other) propose(RumorStatus::reported, 0.5, i, speaker, true);
    else if (talks) propose(RumorStatus::reported, 0.55, i, speaker);
    else if (f_.context->names_all_parties) propose(RumorStatus::reported, 0.35, i, speaker, true);
    else propose(RumorStatus::mentioned, 0.2, i, speaker, true);
}

// ---- Rule families ---------------------------------------------------------------------

bool rule_negated_claim(const RuleFacts& f, std::size_t n, Proposals& p) {
    const CueScope& sc = f.scopes[n];
    if (f.hits[n].kind != CueKind::negator || !f.generic || sc.attached || sc.hedged || f.question) return false;
    // "Netflix will not raise prices", "No, she did not": a negated claim. Words like
    // "without" or "nothing" negate a detail, not the claim; a reported negation is
    // still a report ("iPhone 7 will not have a headphone jack, report says").
    const std::string_view s = f.s;
    const std::string word = text::to_lower_ascii(s.substr(f.hits[n].begin, f.hits[n].end - f.hits[n].begin));
    const bool plain = !equals_any(word, "detail_negator") && !equals_any(word, "detail_negator_claim");
    bool reported_here = sourced_kind(f.speaker.kind); // "..., report says"
    for (std::size_t m = 0; m < f.hits.size(); ++m)
        if (f.scopes[m].clause == sc.clause &&
            (f.hits[m].kind == CueKind::hearsay || f.hits[m].kind == CueKind::unnamed_source ||
             f.hits[m].kind == CueKind::media))
            reported_here = true; // not "..., despite viral posts" in another clause
    const int i = static_cast<int>(n);
    if (plain && reported_here) p.propose(RumorStatus::reported, 0.6, i, f.speaker);
    else if (plain) p.negation(0.55, i, f.speaker);
    return true;
}

bool rule_silence(const RuleFacts& f, std::size_t n, Proposals& p) {
    if (f.hits[n].kind != CueKind::speech || !f.scopes[n].negated) return false;
    p.propose(RumorStatus::reported, 0.5, static_cast<int>(n), f.speaker);
    p.last().weak = true;
    return true;
}

bool rule_according_to(const RuleFacts& f, std::size_t n, Proposals& p) {
    if (f.hits[n].kind != CueKind::according_to || !sourced_kind(f.speaker.kind) || f.generic) return false;
    p.propose(RumorStatus::reported, 0.6, static_cast<int>(n), f.speaker);
    return true;
}

bool statement_counts(const RuleFacts& f, std::size_t n) {
    const std::string_view s = f.s;
    const auto& hits = f.hits;
    const CueKind k = hits[n].kind;
    const CueScope& sc = f.scopes[n];
    const RuleContext& context = *f.context;
    if (!is_statement(k) || sc.object) return false;
    if (f.resumed && (k == CueKind::stall || k == CueKind::review)) return false;
    if ((k == CueKind::announce || k == CueKind::confirm || k == CueKind::approve) &&
        in_time_clause(s, hits[n].begin))
        return false; // "since the app launched in the country": a time, not news
    if (!f.generic) {
        // A cue about someone else's deal: "as Baidu talks stall", 苹果终止与百度的合作.
        auto [b, e] = segment_around(s, hits[n].begin);
        // Bad news about a deal in a sentence that names a rival and not every party is
        // the rival deal's: "…但最终因为该公司缺乏…而放弃" after DeepSeek was named.
        const bool outcome = k == CueKind::cancel || k == CueKind::stall || k == CueKind::review ||
                             k == CueKind::deny || k == CueKind::deny_after;
        if (outcome) {
            b = 0;
            e = s.size();
        }
        bool rival = false;
        std::vector<int> named;
        for (const auto& h : hits) {
            if (h.begin < b || h.end > e || h.kind != CueKind::entity) continue;
            if (is_rival(context.sources, h.entity)) rival = true;
            else if (context.sources.is_party[h.entity]) named.push_back(h.entity);
        }
        std::sort(named.begin(), named.end());
        named.erase(std::unique(named.begin(), named.end()), named.end());
        const bool all_parties = static_cast<int>(named.size()) >= context.sources.party_count;
        if (rival && !all_parties) return false;
    }
    if (sc.denied) return false; // the content of a denial asserts nothing
    return true;
}

bool rule_claim_wording(const RuleFacts& f, std::size_t n, Proposals& p) {
    const CueKind k = f.hits[n].kind;
    const CueScope& sc = f.scopes[n];
    if (!f.generic || !in_claim(f.context->claim, f.s.substr(f.hits[n].begin, f.hits[n].end - f.hits[n].begin)) ||
        k == CueKind::hearsay || k == CueKind::no_comment)
        return false;
    // Part of the claim's own wording: treat as a plain statement of the claim.
    const int i = static_cast<int>(n);
    if (sc.negated && !sc.pending) p.negation(0.55, i, f.speaker);
    else if (sc.hedged) p.propose(p.hedged_status(), 0.45, i, f.speaker);
    else p.plain_statement(i, false);
    return true;
}

void rule_confirm(const RuleFacts& f, std::size_t n, Proposals& p) {
    const CueScope& sc = f.scopes[n];
    const int i = static_cast<int>(n);
    if (sc.negated) p.propose(RumorStatus::reported, 0.85, i, f.speaker); // nobody says it
    else if (sc.hedged || sc.future) p.propose(p.hedged_status(), 0.5, i, p.agent(n));
    else {
        const Source src = p.agent(n);
        const auto [status, strength] = p.confirmation_by(src, 0.85);
        p.propose(status, strength, i, src);
    }
}

void rule_approve(const RuleFacts& f, std::size_t n, Proposals& p) {
    const CueScope& sc = f.scopes[n];
    const RuleContext& context = *f.context;
    const int i = static_cast<int>(n);
    // A regulator's approval is official word on one step; withheld, the deal waits.
    Source src = p.agent(n);
    for (const auto& h : f.hits)
        if (h.kind == CueKind::entity && h.entity >= 0 &&
            static_cast<std::size_t>(h.entity) < context.sources.is_official.size() &&
            context.sources.is_official[h.entity]) {
            src.kind = SourceKind::official;
            src.all_parties = false;
            src.text = std::string(f.s.substr(h.begin, h.end - h.begin));
        }
    if (sc.negated) {
        // "have not been approved": a wait, like a pending review.
        p.propose(RumorStatus::stalled, 0.58, i, src);
        p.last().group = 3;
        p.last().weak = true;
    }
    else if (sc.hedged || sc.future) p.propose(p.hedged_status(), 0.45, i, src);
    else if (src.kind == SourceKind::official) p.propose(RumorStatus::partially_confirmed, 0.75, i, src);
    else if (f.generic) p.propose(RumorStatus::confirmed, 0.7, i, src);
    else p.propose(p.confirmation_by(src, 0.7).first, 0.7, i, src);
}

void rule_speculative(const RuleFacts& f, std::size_t n, Proposals& p) {
    // The writer's verdict on the claim outranks the reports it sums up.
    if (f.scopes[n].negated) return;
    p.propose(RumorStatus::speculation, 0.7, static_cast<int>(n), f.speaker);
    p.last().group = 4;
}

void rule_announce(const RuleFacts& f, std::size_t n, Proposals& p) {
    const std::string_view s = f.s;
    const CueKind k = f.hits[n].kind;
    const CueScope& sc = f.scopes[n];
    const Source& speaker = f.speaker;
    const int i = static_cast<int>(n);
    // "talks resumed": the talks cue says what goes on; otherwise a resumed rollout is an act.
    if (k == CueKind::resume && f.talks_named) return;
    const Source src = p.agent(n);
    if (sc.negated) p.propose(RumorStatus::reported, 0.8, i, speaker);
    else if (f.own_view) p.propose(p.hedged_status(), 0.5, i, speaker); // "I think Apple will launch ..."
    else if (in_opening_purpose_clause(s, f.hits[n].begin)) {
        // "To launch ..., Apple will most likely need ...": opinion if hedged, else a plain mention.
        if (f.any_hedge) p.propose(p.hedged_status(), 0.45, i, speaker);
        else p.plain_statement(i, false);
    }
    else if (sc.hedged) p.propose(p.hedged_status(), 0.5, i, src);
    else if (k == CueKind::announce && is_noun_use(s, f.hits[n]) && !f.joint)
        p.plain_statement(i, false); // "any launch would still need ...": a thing, not an act
    else if (sc.future) {
        // "plans to launch", 将推出: a plan, not an act. The planner is no source when the
        // sentence names one ("according to Bloomberg, Apple plans to launch").
        if (src.kind == SourceKind::party && !f.sourced && speaker.kind != SourceKind::analyst)
            p.propose(p.confirmation_by(src, 0.7).first, 0.7, i, src);
        else p.plain_statement(i, false);
    } else if (src.kind == SourceKind::unnamed || speaker.kind == SourceKind::unnamed ||
               (src.kind != SourceKind::party && f.sourced))
        // "have signed a final agreement, two people with knowledge said": an act that
        // only unnamed sources vouch for is a report.
        p.propose(RumorStatus::reported, 0.7, i, speaker.kind == SourceKind::unnamed ? speaker : src);
    else if (src.kind == SourceKind::analyst ||
             (f.analyst_view && src.kind != SourceKind::party && speaker.kind != SourceKind::party))
        p.propose(RumorStatus::speculation, 0.5, i, src);
    else p.propose(RumorStatus::confirmed, k == CueKind::joint_announcement || f.joint ? 0.95 : 0.85, i, src);
}

void rule_deny(const RuleFacts& f, std::size_t n, Proposals& p) {
    const CueKind k = f.hits[n].kind;
    const CueScope& sc = f.scopes[n];
    const int i = static_cast<int>(n);
    const Source src = p.agent(n);
    if (sc.negated) p.propose(RumorStatus::reported, 0.5, i, src); // "did not deny"
    else if (sc.hedged) p.propose(p.hedged_status(), 0.45, i, src);
    else if (sc.flips && !f.generic) {
        // "denied reports that talks had stalled": the deal is alive, says the denier.
        if (src.kind == SourceKind::party || src.kind == SourceKind::official)
            p.propose(p.confirmation_by(src, 0.75).first, 0.75, i, src);
        else p.propose(RumorStatus::reported, 0.6, i, src);
    } else p.propose(RumorStatus::denied, k == CueKind::deny ? 0.9 : 0.75, i, src);
}

void rule_setback(const RuleFacts& f, std::size_t n, Proposals& p) {
    const std::string_view s = f.s;
    const auto& hits = f.hits;
    const CueKind k = hits[n].kind;
    const CueScope& sc = f.scopes[n];
    const Source& speaker = f.speaker;
    const int i = static_cast<int>(n);
    if (k == CueKind::cancel && starts_with_any(text::to_lower_ascii(s.substr(hits[n].begin, hits[n].end - hits[n].begin)), "switch_prefix") &&
        (f.generic || !switch_to_rival(s, hits, n, f.context->sources)))
        return;
    const RumorStatus st = k == CueKind::stall || expected_date_given_up(s, hits[n]) ? RumorStatus::stalled
                                                                                     : RumorStatus::cancelled;
    if (sc.negated) {
        // "has not been delayed", "no longer on hold": the deal goes on.
        if (speaker.kind == SourceKind::party) p.propose(p.confirmation_by(speaker, 0.6).first, 0.6, i, speaker);
        else p.propose(RumorStatus::reported, 0.5, i, speaker);
    } else if (sc.hedged || f.own_view) p.propose(p.hedged_status(), 0.5, i, speaker);
    else if (f.generic && f.sourced && speaker.kind != SourceKind::party)
        p.propose(RumorStatus::reported, 0.7, i, speaker); // "Rumor: X to ditch Y"
    else if (k == CueKind::stall && in_cause(s, hits[n].begin)) {
        // "由于审批迟迟没有进展，苹果正在考虑…": the delay is the reason, not the news.
        p.propose(st, 0.58, i, speaker);
        p.last().group = 3;
        p.last().weak = true;
    } else p.propose(st, 0.85, i, speaker);
}

void rule_review(const RuleFacts& f, std::size_t n, Proposals& p) {
    // A regulator's review or a wait for approval: stalled, unless the sentence also
    // reports something more (same precedence group as reports, a little weaker).
    const CueScope& sc = f.scopes[n];
    const int i = static_cast<int>(n);
    if (sc.negated) p.propose(RumorStatus::reported, 0.5, i, f.speaker);
    else if (sc.hedged) p.propose(p.hedged_status(), 0.45, i, f.speaker);
    else {
        p.propose(RumorStatus::stalled, 0.58, i, f.speaker);
        p.last().group = 3;
        p.last().weak = true;
    }
}

void rule_hearsay(const RuleFacts& f, std::size_t n, Proposals& p) {
    if (!f.scopes[n].negated) p.propose(RumorStatus::reported, 0.7, static_cast<int>(n), f.speaker);
}

void rule_no_comment(const RuleFacts& f, std::size_t n, Proposals& p) {
    // A reply to whatever the article reports: weak evidence of the article's status.
    p.propose(RumorStatus::reported, 0.6, static_cast<int>(n), f.speaker.kind == SourceKind::none ? p.agent(n) : f.speaker);
    p.last().weak = true;
}

void rule_deal_term(const RuleFacts& f, std::size_t n, Proposals& p) {
    const std::string_view s = f.s;
    const auto& hits = f.hits;
    const CueScope& sc = f.scopes[n];
    const Source& speaker = f.speaker;
    const int i = static_cast<int>(n);
    const bool talks = hits[n].kind == CueKind::talks;
    if (talks && !f.generic && talks_named_for_other(s, hits, n)) return;
    if (sc.hedged || (sc.clause_hedged && !sc.negated)) p.propose(p.hedged_status(), talks ? 0.5 : 0.4, i, speaker);
    else if (sc.negated && !sc.pending) {
        // "Apple will not use Alibaba's models" denies; "a quarter without AI features"
        // does not speak of the deal at all.
        const std::string negator = text::to_lower_ascii(s.substr(hits[sc.negator].begin,
                                                                  hits[sc.negator].end - hits[sc.negator].begin));
        const bool plain = !equals_any(negator, "detail_negator") && !equals_any(negator, "detail_negator_deal");
        if (plain && (f.generic || talks || f.context->names_all_parties))
            p.negation(talks ? 0.75 : 0.55, i, speaker);
    }
    else if (sc.negated) p.propose(RumorStatus::reported, 0.6, i, speaker);
    else if (talks && f.generic) p.propose(RumorStatus::reported, 0.6, i, speaker); // "X in talks to buy Y"
    else p.plain_statement(i, talks);
}

void rule_no_cue(const RuleFacts& f, Proposals& p) {
    if (!p.empty() || !(f.context->names_all_parties || f.generic)) return;
    // Every party named with no cue at all ("'We are working closely with Alibaba,' an
    // Apple executive said"), or a generic headline: a plain statement, or opinion.
    if (f.any_hedge) p.propose(p.hedged_status(), 0.4, -1, f.speaker);
    else if (f.generic || (f.speaker.kind != SourceKind::none && f.speaker.kind != SourceKind::other) || f.sourced)
        p.plain_statement(-1, false);
    // else: both names, no deal word and nobody speaking: a market wrap, not a statement.
}

void apply_family(const RuleFacts& f, std::size_t n, Proposals& p) {
    switch (f.hits[n].kind) {
    case CueKind::confirm: rule_confirm(f, n, p); break;
    case CueKind::approve: rule_approve(f, n, p); break;
    case CueKind::speculative: rule_speculative(f, n, p); break;
    case CueKind::resume:
    case CueKind::announce:
    case CueKind::joint_announcement: rule_announce(f, n, p); break;
    case CueKind::deny:
    case CueKind::deny_after: rule_deny(f, n, p); break;
    case CueKind::stall:
    case CueKind::cancel: rule_setback(f, n, p); break;
    case CueKind::review: rule_review(f, n, p); break;
    case CueKind::hearsay: rule_hearsay(f, n, p); break;
    case CueKind::no_comment: rule_no_comment(f, n, p); break;
    case CueKind::talks:
    case CueKind::deal:
    case CueKind::deal_ref: rule_deal_term(f, n, p); break;
    default: break;
    }
}

SentenceJudgement choose(const RuleFacts& f, const Proposals& p) {
    const auto& hits = f.hits;
    SentenceJudgement out;
    out.source = f.speaker;
    if (p.empty()) {
        if (f.any_hedge) {
            // Hedges and questions with no statement at all: opinion about the deal.
            out.status = RumorStatus::speculation;
            out.strength = 0.35;
            for (std::size_t i = 0; i < hits.size(); ++i)
                if (hits[i].kind == CueKind::hedge || hits[i].kind == CueKind::analyst) {
                    out.cue_begin = hits[i].begin;
                    out.cue_end = hits[i].end;
                    out.cue_hit = static_cast<int>(i);
                    break;
                }
        }
        return out;
    }
    const auto& candidates = p.all();
    const Candidate* best = &candidates.front();
    for (const auto& c : candidates)
        if (better(c, *best)) best = &c;
    out.status = best->status;
    out.strength = std::min(1.0, std::max(0.05, best->strength));
    out.cue_begin = best->cue_begin;
    out.cue_end = best->cue_end;
    out.cue_hit = best->hit;
    out.bare = best->bare;
    out.weak = best->weak || best->bare;
    out.full_confirmation = best->status == RumorStatus::confirmed && !best->bare &&
                            (f.joint || best->source.all_parties ||
                             static_cast<int>(best->source.parties.size()) >= f.context->sources.party_count);
    if (best->source.kind != SourceKind::none) out.source = best->source;
    return out;
}

} // namespace rumorwatch::rules
