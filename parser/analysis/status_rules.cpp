/// \file
/// judge_sentence: every statement cue proposes a candidate status; precedence picks one.
#include "parser/analysis/status_rules.h"

#include <vector>

#include "parser/core/core.h"
#include "parser/analysis/clauses.h"
#include "parser/analysis/negation.h"

namespace rumorwatch {
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

struct Candidate {
    RumorStatus status = RumorStatus::mentioned;
    double strength = 0.0;
    int group = -1; ///< precedence group when not the status's own (see group_of)
    bool weak = false; ///< says little about the article as a whole (a review, "no comment")
    int hit = -1;
    std::uint32_t cue_begin = 0, cue_end = 0;
    Source source;
    bool bare = false;
};

bool better(const Candidate& a, const Candidate& b) {
    const int ga = a.group >= 0 ? a.group : group_of(a.status, a.bare);
    const int gb = b.group >= 0 ? b.group : group_of(b.status, b.bare);
    if (ga != gb) return ga > gb;
    // Among outcomes the more final one wins; among reports and waits, the stronger cue.
    if (ga >= 4 && finality(a.status) != finality(b.status)) return finality(a.status) > finality(b.status);
    return a.strength > b.strength;
}

bool sourced_kind(SourceKind k) { return k == SourceKind::unnamed || k == SourceKind::media; }

/// Generic mode: a cue that is a word of the claim itself ("cancels" in "X cancels Y") is part
/// of what is claimed, not a stance toward it.
bool in_claim(std::string_view claim, std::string_view cue) {
    if (claim.empty() || cue.size() < 3) return false;
    std::string c = text::to_lower_ascii(cue);
    if (c.size() > 6 && static_cast<unsigned char>(c[0]) < 0x80) c.resize(c.size() - 2); // cancelled ~ cancel
    return claim.find(c) != std::string_view::npos;
}

/// "May" the month, not the modal: before a day or a year, or after a preposition of time
/// ("in May", "by May"). Title Case headlines capitalise the modal too ("Apple May Launch").
bool is_month_may(std::string_view s, const Lexicon::Hit& h) {
    if (s.compare(h.begin, 3, "May") != 0 || h.begin == 0) return false;
    std::size_t i = h.end;
    while (i < s.size() && s[i] == ' ') ++i;
    if (i < s.size() && s[i] >= '0' && s[i] <= '9') return true;
    std::size_t e = h.begin;
    while (e > 0 && s[e - 1] == ' ') --e;
    std::size_t b = e;
    while (b > 0 && s[b - 1] != ' ') --b;
    const std::string before = text::to_lower_ascii(s.substr(b, e - b));
    for (std::string_view w : {"in", "on", "by", "since", "early", "late", "mid", "of", "last", "next", "this",
                               "until", "before", "after", "from", "through", "mid-", "end", "around"})
        if (before == w) return true;
    return false;
}

int speaker_rank(SourceKind k) {
    switch (k) {
    case SourceKind::party: return 6;
    case SourceKind::official: return 5;
    case SourceKind::unnamed: return 4;
    case SourceKind::media: return 3;
    case SourceKind::analyst: return 2;
    case SourceKind::other: return 1;
    default: return 0;
    }
}

/// Does the clause holding `pos` give a reason ("because ...", 由于…)?
bool in_cause(std::string_view s, std::size_t pos) {
    const auto [b, e] = segment_around(s, pos);
    if (s.substr(0, b).ends_with(" because ")) return true;
    std::string_view seg = s.substr(b, e - b);
    while (!seg.empty() && seg.front() == ' ') seg.remove_prefix(1);
    for (std::string_view w : {"由于", "因为", "因", "受", "because", "Because", "due to", "Due to", "owing to"})
        if (seg.starts_with(w)) return true;
    return false;
}

/// Is `pos` in a "since ..." clause (自…以来)?
bool in_time_clause(std::string_view s, std::size_t pos) {
    const auto [b, e] = segment_around(s, pos);
    if (s.substr(0, b).ends_with(" since ")) return true;
    std::string_view seg = s.substr(b, e - b);
    while (!seg.empty() && seg.front() == ' ') seg.remove_prefix(1);
    if (seg.starts_with("since") || seg.starts_with("Since")) return true;
    return seg.find("以来") != std::string_view::npos && (seg.starts_with("自") || seg.starts_with("从"));
}

bool is_rival(const SourceContext& c, int entity) {
    return entity >= 0 && static_cast<std::size_t>(entity) < c.is_party.size() && !c.is_party[entity] &&
           !c.is_official[entity];
}

/// Does a (lower-cased) claim negate itself ("Tesla will not build ...")?
bool has_negation(std::string_view claim) {
    for (std::string_view w : {" not ", "n't ", " no ", " never ", "不", "没有", "未"})
        if (claim.find(w) != std::string_view::npos) return true;
    return false;
}


/// Words (space-separated runs) between two offsets.
int word_gap(std::string_view s, std::size_t from, std::size_t to) {
    int n = 0;
    bool in_word = false;
    for (std::size_t i = from; i < to && i < s.size(); ++i) {
        const bool space = s[i] == ' ';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
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
    if (text::to_lower_ascii(s.substr(h.begin, h.end - h.begin)) != "no longer") return false;
    std::size_t i = h.end;
    while (i < s.size() && s[i] == ' ') ++i;
    const std::string next = text::to_lower_ascii(s.substr(i, 12));
    bool expectation = false;
    for (std::string_view v : {"expect", "anticipat", "foresee", "hope", "count on", "see "})
        if (next.starts_with(v)) expectation = true;
    if (!expectation) return false;
    std::size_t e = s.find_first_of(";", i);
    const std::string rest = text::to_lower_ascii(s.substr(i, e == std::string_view::npos ? std::string_view::npos : e - i));
    for (std::string_view deadline : {" by ", " before ", " until ", " in time", " this year", " on schedule",
                                      " on time", " next month", " this month", " this quarter"})
        if (rest.find(deadline) != std::string::npos) return true;
    return false;
}

/// "To launch in China, Apple will need a partner", 为了在中国推出…: an opening purpose clause
/// names a goal and what it takes, neither an act nor anyone's plan.
bool in_opening_purpose_clause(std::string_view s, std::size_t pos) {
    const auto [b, e] = segment_around(s, pos);
    if (b != 0) return false;
    std::string_view seg = s.substr(0, e);
    while (!seg.empty() && seg.front() == ' ') seg.remove_prefix(1);
    return seg.starts_with("To ") || seg.starts_with("In order to ") || seg.starts_with("为了");
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
    const std::string before = text::to_lower_ascii(s.substr(b - 4, 4));
    return before == "the ";
}

/// 已通过网信办审查, "passed a security review": a review that was passed is an approval.
bool review_passed(std::string_view s, const Lexicon::Hit& h) {
    const auto [b, e] = segment_around(s, h.begin);
    const std::size_t window_begin = std::max<std::size_t>(b, h.begin >= 30 ? h.begin - 30 : 0);
    const std::string_view before = s.substr(window_begin, h.begin - window_begin);
    if (const auto p = before.rfind("通过"); p != std::string_view::npos) {
        const std::string_view lead = s.substr(0, window_begin + p);
        for (std::string_view no : {"未", "没", "不", "没有", "尚未", "未能"})
            if (lead.ends_with(no)) return false;
        return true;
    }
    const std::string lowered = text::to_lower_ascii(before);
    for (std::string_view v : {"passed ", "cleared ", "passes ", "clears "})
        if (const auto p = lowered.rfind(v); p != std::string::npos && word_gap(lowered, p, lowered.size()) <= 4)
            return true;
    return false;
}

} // namespace

SentenceJudgement judge_sentence(std::string_view s, std::span<const Lexicon::Hit> input,
                                 const RuleContext& context) {
    // "May" the month is no hedge; rewrite it before scopes are computed.
    std::vector<Lexicon::Hit> hits(input.begin(), input.end());
    for (auto& h : hits) {
        if (h.kind == CueKind::hedge && is_month_may(s, h)) h.kind = CueKind::ignore;
        if (h.kind == CueKind::review && review_passed(s, h)) h.kind = CueKind::approve;
    }

    const auto scopes = resolve_scopes(s, hits);
    const bool question = is_question(s);
    const bool generic = context.generic;
    // "resumed after a two-month pause", 暂停了两个月…终于回来了: the pause is the past that a
    // resumption ends, not the news.
    bool resumed = false;
    bool talks_named = false;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if (hits[i].kind == CueKind::resume && !scopes[i].negated && !scopes[i].hedged) resumed = true;
        if (hits[i].kind == CueKind::talks) talks_named = true;
    }

    // Who speaks in the sentence as a whole ("..., people familiar with the matter said").
    Source speaker;
    bool sourced = false; // a report by unnamed sources or the media stands in the sentence
    for (const auto& span : find_speakers(s, hits)) {
        if (span.verb >= 0 && scopes[span.verb].negated) continue; // "has not said": no speaker
        Source src = classify_source(s, hits, span, context.sources);
        if (sourced_kind(src.kind)) sourced = true;
        if (speaker_rank(src.kind) > speaker_rank(speaker.kind)) speaker = std::move(src);
    }
    bool analyst_view = false;
    bool own_view = false; // "I think", "my interpretation", 笔者认为: the writer's opinion
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const CueKind k = hits[i].kind;
        if (k == CueKind::analyst) {
            const std::string w = text::to_lower_ascii(s.substr(hits[i].begin, hits[i].end - hits[i].begin));
            for (std::string_view p : {"i ", "i'", "my ", "we ", "in my", "if i", "笔者", "小编", "我认为", "在我看来", "个人认为"})
                if (w.starts_with(p)) own_view = true;
        }
        if ((k == CueKind::hearsay || k == CueKind::unnamed_source || k == CueKind::media) && !scopes[i].negated)
            sourced = true;
        if (k == CueKind::analyst) analyst_view = true;
    }
    if (speaker.kind == SourceKind::none || speaker.kind == SourceKind::other) {
        // No speech verb, but "people familiar with the matter" or "Reuters" stand in the sentence.
        for (const auto& h : hits) {
            if (h.kind != CueKind::unnamed_source && h.kind != CueKind::media && h.kind != CueKind::analyst) continue;
            speaker.kind = h.kind == CueKind::unnamed_source ? SourceKind::unnamed
                           : h.kind == CueKind::media        ? SourceKind::media
                                                              : SourceKind::analyst;
            speaker.text = std::string(s.substr(h.begin, h.end - h.begin));
            speaker.parties.clear();
            if (h.kind == CueKind::unnamed_source) break;
        }
    }
    bool any_hedge = question;
    for (const auto& h : hits)
        if (h.kind == CueKind::hedge || h.kind == CueKind::analyst) any_hedge = true;
    bool joint = false;
    for (const auto& h : hits)
        if (h.kind == CueKind::joint || h.kind == CueKind::joint_announcement) joint = true;
    const bool claim_negated = generic && has_negation(context.claim);

    std::vector<Candidate> candidates;
    auto propose = [&](RumorStatus status, double strength, int i, const Source& src, bool bare = false) {
        Candidate c;
        c.status = status;
        c.strength = strength;
        c.hit = i;
        if (i >= 0) {
            c.cue_begin = hits[i].begin;
            c.cue_end = hits[i].end;
            // Show the negator with what it negates: "has not confirmed", 尚未证实.
            if (scopes[i].negator >= 0) c.cue_begin = hits[scopes[i].negator].begin;
        }
        c.source = src;
        c.bare = bare;
        candidates.push_back(std::move(c));
    };
    // A negation of the claim; in generic mode a negated claim turns it around.
    auto propose_negation = [&](double strength, int i, const Source& src) {
        if (claim_negated) propose(RumorStatus::confirmed, strength, i, src);
        else propose(RumorStatus::denied, strength, i, src);
    };
    // A hedged statement is speculation, unless the sentence reports a source for it.
    auto hedged_status = [&] { return sourced ? RumorStatus::reported : RumorStatus::speculation; };
    auto agent = [&](std::size_t i) {
        if (auto span = agent_of(s, hits, i)) {
            Source src = classify_source(s, hits, *span, context.sources);
            if (src.kind != SourceKind::other || speaker.kind == SourceKind::none || generic) return src;
        }
        return speaker;
    };
    // What a confirmation by `src` amounts to.
    auto confirmation_by = [&](const Source& src, double strength) -> std::pair<RumorStatus, double> {
        if (joint || src.all_parties) return {RumorStatus::confirmed, strength + 0.05};
        switch (src.kind) {
        case SourceKind::party:
            if (generic || static_cast<int>(src.parties.size()) >= context.sources.party_count)
                return {RumorStatus::confirmed, strength};
            return {RumorStatus::partially_confirmed, strength};
        case SourceKind::official: return {RumorStatus::partially_confirmed, strength - 0.05};
        case SourceKind::unnamed:
        case SourceKind::media: return {RumorStatus::reported, strength - 0.15};
        case SourceKind::analyst: return {RumorStatus::speculation, strength - 0.3};
        case SourceKind::other:
            // Without a topic, whoever confirms is the one the claim is about.
            if (generic) return {RumorStatus::confirmed, strength};
            return {RumorStatus::reported, strength - 0.25};
        case SourceKind::none: break;
        }
        return {RumorStatus::confirmed, strength - 0.3};
    };
    // A plain statement of the deal (a deal term, talks, or every party named), decided by
    // who says it.
    auto plain_statement = [&](int i, bool talks) {
        if (speaker.kind == SourceKind::party || speaker.kind == SourceKind::official)
            propose(confirmation_by(speaker, 0.75).first, 0.75, i, speaker);
        else if (speaker.kind == SourceKind::analyst || analyst_view) propose(RumorStatus::speculation, 0.5, i, speaker);
        else if (sourced_kind(speaker.kind) || sourced) propose(RumorStatus::reported, talks ? 0.7 : 0.6, i, speaker);
        else if (generic) propose(RumorStatus::confirmed, talks ? 0.5 : 0.4, i, speaker, true);
        else if (speaker.kind == SourceKind::other) propose(RumorStatus::reported, 0.5, i, speaker, true);
        else if (talks) propose(RumorStatus::reported, 0.55, i, speaker);
        else if (context.names_all_parties) propose(RumorStatus::reported, 0.35, i, speaker, true);
        else propose(RumorStatus::mentioned, 0.2, i, speaker, true);
    };

    for (std::size_t n = 0; n < hits.size(); ++n) {
        const int i = static_cast<int>(n);
        const CueKind k = hits[n].kind;
        const CueScope& sc = scopes[n];
        if (k == CueKind::negator && generic && !sc.attached && !sc.hedged && !question) {
            // "Netflix will not raise prices", "No, she did not": a negated claim. Words like
            // "without" or "nothing" negate a detail, not the claim; a reported negation is
            // still a report ("iPhone 7 will not have a headphone jack, report says").
            const std::string word = text::to_lower_ascii(s.substr(hits[n].begin, hits[n].end - hits[n].begin));
            const bool plain = word != "without" && word != "lack of" && word != "absence of" &&
                               word != "far from" && word != "nothing" && word != "lacks" &&
                               word != "refused to" && word != "failed to" && word != "无" && word != "非";
            bool reported_here = sourced_kind(speaker.kind); // "..., report says"
            for (std::size_t m = 0; m < hits.size(); ++m)
                if (scopes[m].clause == sc.clause &&
                    (hits[m].kind == CueKind::hearsay || hits[m].kind == CueKind::unnamed_source ||
                     hits[m].kind == CueKind::media))
                    reported_here = true; // not "..., despite viral posts" in another clause
            if (plain && reported_here) propose(RumorStatus::reported, 0.6, i, speaker);
            else if (plain) propose_negation(0.55, i, speaker);
            continue;
        }
        if (k == CueKind::speech && sc.negated) {
            // "Neither company has said anything", 双方均未表态: no word from them.
            propose(RumorStatus::reported, 0.5, i, speaker);
            candidates.back().weak = true;
            continue;
        }
        if (k == CueKind::according_to && sourced_kind(speaker.kind) && !generic) {
            // "according to a report that cites people familiar": the sentence is a report.
            propose(RumorStatus::reported, 0.6, i, speaker);
            continue;
        }
        if (!is_statement(k) || sc.object) continue;
        if (resumed && (k == CueKind::stall || k == CueKind::review)) continue;
        if ((k == CueKind::announce || k == CueKind::confirm || k == CueKind::approve) &&
            in_time_clause(s, hits[n].begin))
            continue; // "since the app launched in the country": a time, not news
        if (!generic) {
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
            if (rival && !all_parties) continue;
        }
        if (sc.denied && !generic) continue; // the content of a denial asserts nothing
        if (generic && sc.denied) continue;
        if (generic && in_claim(context.claim, s.substr(hits[n].begin, hits[n].end - hits[n].begin)) &&
            k != CueKind::hearsay && k != CueKind::no_comment) {
            // Part of the claim's own wording: treat as a plain statement of the claim.
            if (sc.negated && !sc.pending) propose_negation(0.55, i, speaker);
            else if (sc.hedged) propose(hedged_status(), 0.45, i, speaker);
            else plain_statement(i, false);
            continue;
        }
        switch (k) {
        case CueKind::confirm: {
            if (sc.negated) propose(RumorStatus::reported, 0.85, i, speaker); // nobody says it
            else if (sc.hedged || sc.future) propose(hedged_status(), 0.5, i, agent(n));
            else {
                const Source src = agent(n);
                const auto [status, strength] = confirmation_by(src, 0.85);
                propose(status, strength, i, src);
            }
            break;
        }
        case CueKind::approve: {
            // A regulator's approval is official word on one step; withheld, the deal waits.
            Source src = agent(n);
            for (const auto& h : hits)
                if (h.kind == CueKind::entity && h.entity >= 0 &&
                    static_cast<std::size_t>(h.entity) < context.sources.is_official.size() &&
                    context.sources.is_official[h.entity]) {
                    src.kind = SourceKind::official;
                    src.all_parties = false;
                    src.text = std::string(s.substr(h.begin, h.end - h.begin));
                }
            if (sc.negated) {
                // "have not been approved": a wait, like a pending review.
                propose(RumorStatus::stalled, 0.58, i, src);
                candidates.back().group = 3;
                candidates.back().weak = true;
            }
            else if (sc.hedged || sc.future) propose(hedged_status(), 0.45, i, src);
            else if (src.kind == SourceKind::official) propose(RumorStatus::partially_confirmed, 0.75, i, src);
            else if (generic) propose(RumorStatus::confirmed, 0.7, i, src);
            else propose(confirmation_by(src, 0.7).first, 0.7, i, src);
            break;
        }
        case CueKind::speculative:
            // The writer's verdict on the claim outranks the reports it sums up.
            if (!sc.negated) {
                propose(RumorStatus::speculation, 0.7, i, speaker);
                candidates.back().group = 4;
            }
            break;
        case CueKind::resume:
            // "talks resumed": the talks cue says what goes on; otherwise a resumed rollout is an act.
            if (talks_named) break;
            [[fallthrough]];
        case CueKind::announce:
        case CueKind::joint_announcement: {
            const Source src = agent(n);
            if (sc.negated) propose(RumorStatus::reported, 0.8, i, speaker);
            else if (own_view) propose(hedged_status(), 0.5, i, speaker); // "I think Apple will launch ..."
            else if (in_opening_purpose_clause(s, hits[n].begin)) {
                // "To launch ..., Apple will most likely need ...": opinion if hedged, else a plain mention.
                if (any_hedge) propose(hedged_status(), 0.45, i, speaker);
                else plain_statement(i, false);
            }
            else if (sc.hedged) propose(hedged_status(), 0.5, i, src);
            else if (k == CueKind::announce && is_noun_use(s, hits[n]) && !joint)
                plain_statement(i, false); // "any launch would still need ...": a thing, not an act
            else if (sc.future) {
                // "plans to launch", 将推出: a plan, not an act. The planner is no source when the
                // sentence names one ("according to Bloomberg, Apple plans to launch").
                if (src.kind == SourceKind::party && !sourced && speaker.kind != SourceKind::analyst)
                    propose(confirmation_by(src, 0.7).first, 0.7, i, src);
                else plain_statement(i, false);
            } else if (src.kind == SourceKind::unnamed || speaker.kind == SourceKind::unnamed ||
                       (src.kind != SourceKind::party && sourced))
                // "have signed a final agreement, two people with knowledge said": an act that
                // only unnamed sources vouch for is a report.
                propose(RumorStatus::reported, 0.7, i, speaker.kind == SourceKind::unnamed ? speaker : src);
            else if (src.kind == SourceKind::analyst ||
                     (analyst_view && src.kind != SourceKind::party && speaker.kind != SourceKind::party))
                propose(RumorStatus::speculation, 0.5, i, src);
            else propose(RumorStatus::confirmed, k == CueKind::joint_announcement || joint ? 0.95 : 0.85, i, src);
            break;
        }
        case CueKind::deny:
        case CueKind::deny_after: {
            const Source src = agent(n);
            if (sc.negated) propose(RumorStatus::reported, 0.5, i, src); // "did not deny"
            else if (sc.hedged) propose(hedged_status(), 0.45, i, src);
            else if (sc.flips && !generic) {
                // "denied reports that talks had stalled": the deal is alive, says the denier.
                if (src.kind == SourceKind::party || src.kind == SourceKind::official)
                    propose(confirmation_by(src, 0.75).first, 0.75, i, src);
                else propose(RumorStatus::reported, 0.6, i, src);
            } else propose(RumorStatus::denied, k == CueKind::deny ? 0.9 : 0.75, i, src);
            break;
        }
        case CueKind::stall:
        case CueKind::cancel: {
            if (k == CueKind::cancel && text::to_lower_ascii(s.substr(hits[n].begin, 6)) == "switch" &&
                (generic || !switch_to_rival(s, hits, n, context.sources)))
                break;
            const RumorStatus st = k == CueKind::stall || expected_date_given_up(s, hits[n]) ? RumorStatus::stalled
                                                                                             : RumorStatus::cancelled;
            if (sc.negated) {
                // "has not been delayed", "no longer on hold": the deal goes on.
                if (speaker.kind == SourceKind::party) propose(confirmation_by(speaker, 0.6).first, 0.6, i, speaker);
                else propose(RumorStatus::reported, 0.5, i, speaker);
            } else if (sc.hedged || own_view) propose(hedged_status(), 0.5, i, speaker);
            else if (generic && sourced && speaker.kind != SourceKind::party)
                propose(RumorStatus::reported, 0.7, i, speaker); // "Rumor: X to ditch Y"
            else if (k == CueKind::stall && in_cause(s, hits[n].begin)) {
                // "由于审批迟迟没有进展，苹果正在考虑…": the delay is the reason, not the news.
                propose(st, 0.58, i, speaker);
                candidates.back().group = 3;
                candidates.back().weak = true;
            } else propose(st, 0.85, i, speaker);
            break;
        }
        case CueKind::review:
            // A regulator's review or a wait for approval: stalled, unless the sentence also
            // reports something more (same precedence group as reports, a little weaker).
            if (sc.negated) propose(RumorStatus::reported, 0.5, i, speaker);
            else if (sc.hedged) propose(hedged_status(), 0.45, i, speaker);
            else {
                propose(RumorStatus::stalled, 0.58, i, speaker);
                candidates.back().group = 3;
                candidates.back().weak = true;
            }
            break;
        case CueKind::hearsay:
            if (!sc.negated) propose(RumorStatus::reported, 0.7, i, speaker);
            break;
        case CueKind::no_comment:
            // A reply to whatever the article reports: weak evidence of the article's status.
            propose(RumorStatus::reported, 0.6, i, speaker.kind == SourceKind::none ? agent(n) : speaker);
            candidates.back().weak = true;
            break;
        case CueKind::talks:
        case CueKind::deal:
        case CueKind::deal_ref: {
            const bool talks = k == CueKind::talks;
            if (talks && !generic && talks_named_for_other(s, hits, n)) break;
            if (sc.hedged || (sc.clause_hedged && !sc.negated)) propose(hedged_status(), talks ? 0.5 : 0.4, i, speaker);
            else if (sc.negated && !sc.pending) {
                // "Apple will not use Alibaba's models" denies; "a quarter without AI features"
                // does not speak of the deal at all.
                const std::string negator = text::to_lower_ascii(s.substr(hits[sc.negator].begin,
                                                           hits[sc.negator].end - hits[sc.negator].begin));
                const bool plain = negator != "without" && negator != "lack of" && negator != "absence of" &&
                                   negator != "far from" && negator != "nothing" && negator != "none" &&
                                   negator != "nobody" && negator != "无" && negator != "非";
                if (plain && (generic || talks || context.names_all_parties))
                    propose_negation(talks ? 0.75 : 0.55, i, speaker);
            }
            else if (sc.negated) propose(RumorStatus::reported, 0.6, i, speaker);
            else if (talks && generic) propose(RumorStatus::reported, 0.6, i, speaker); // "X in talks to buy Y"
            else plain_statement(i, talks);
            break;
        }
        default: break;
        }
    }

    if (candidates.empty() && (context.names_all_parties || generic)) {
        // Every party named with no cue at all ("'We are working closely with Alibaba,' an
        // Apple executive said"), or a generic headline: a plain statement, or opinion.
        if (any_hedge) propose(hedged_status(), 0.4, -1, speaker);
        else if (generic || (speaker.kind != SourceKind::none && speaker.kind != SourceKind::other) || sourced)
            plain_statement(-1, false);
        // else: both names, no deal word and nobody speaking: a market wrap, not a statement.
    }

    SentenceJudgement out;
    out.source = speaker;
    if (candidates.empty()) {
        if (any_hedge) {
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
                            (joint || best->source.all_parties ||
                             static_cast<int>(best->source.parties.size()) >= context.sources.party_count);
    if (best->source.kind != SourceKind::none) out.source = best->source;
    return out;
}

} // namespace rumorwatch
