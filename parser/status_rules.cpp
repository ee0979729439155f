/// \file
/// judge_sentence: every statement cue proposes a candidate status; precedence picks one.
#include "parser/status_rules.h"

#include <vector>

#include "parser/negation.h"

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
    int hit = -1;
    std::uint32_t cue_begin = 0, cue_end = 0;
    Source source;
    bool bare = false;
};

bool better(const Candidate& a, const Candidate& b) {
    const int ga = group_of(a.status, a.bare), gb = group_of(b.status, b.bare);
    if (ga != gb) return ga > gb;
    if (finality(a.status) != finality(b.status)) return finality(a.status) > finality(b.status);
    return a.strength > b.strength;
}

bool sourced_kind(SourceKind k) { return k == SourceKind::unnamed || k == SourceKind::media; }

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// Generic mode: a cue that is a word of the claim itself ("cancels" in "X cancels Y") is part
/// of what is claimed, not a stance toward it.
bool in_claim(std::string_view claim, std::string_view cue) {
    if (claim.empty() || cue.size() < 3) return false;
    std::string c = lower(cue);
    if (c.size() > 6 && static_cast<unsigned char>(c[0]) < 0x80) c.resize(c.size() - 2); // cancelled ~ cancel
    return claim.find(c) != std::string_view::npos;
}

/// "May" the month, not the modal: a capital M after the first word, or before a day or year.
bool is_month_may(std::string_view s, const Lexicon::Hit& h) {
    if (s.compare(h.begin, 3, "May") != 0) return false;
    if (h.begin == 0) return false;
    std::size_t i = h.end;
    while (i < s.size() && s[i] == ' ') ++i;
    if (i < s.size() && s[i] >= '0' && s[i] <= '9') return true;
    return true; // mid-sentence capitalised "May" is the month in news prose
}

} // namespace

SentenceJudgement judge_sentence(std::string_view s, std::span<const Lexicon::Hit> input,
                                 const RuleContext& context) {
    // "May" the month is no hedge; rewrite it before scopes are computed.
    std::vector<Lexicon::Hit> hits(input.begin(), input.end());
    for (auto& h : hits)
        if (h.kind == CueKind::hedge && is_month_may(s, h)) h.kind = CueKind::ignore;

    const auto scopes = resolve_scopes(s, hits);
    const bool question = is_question(s);

    // Who speaks in the sentence as a whole ("..., people familiar with the matter said").
    Source speaker;
    bool sourced = false;
    for (const auto& span : find_speakers(s, hits)) {
        Source src = classify_source(s, hits, span, context.sources);
        if (sourced_kind(src.kind)) sourced = true;
        auto rank = [](SourceKind k) {
            switch (k) {
            case SourceKind::party: return 6;
            case SourceKind::official: return 5;
            case SourceKind::unnamed: return 4;
            case SourceKind::media: return 3;
            case SourceKind::analyst: return 2;
            case SourceKind::other: return 1;
            default: return 0;
            }
        };
        if (rank(src.kind) > rank(speaker.kind)) speaker = std::move(src);
    }
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const CueKind k = hits[i].kind;
        if ((k == CueKind::hearsay || k == CueKind::unnamed_source || k == CueKind::media) && !scopes[i].negated)
            sourced = true;
    }
    if (speaker.kind == SourceKind::none) {
        // No speech verb, but "people familiar with the matter" or "Reuters" stand in the sentence.
        for (const auto& h : hits) {
            if (h.kind == CueKind::unnamed_source || h.kind == CueKind::media) {
                speaker.kind = h.kind == CueKind::unnamed_source ? SourceKind::unnamed : SourceKind::media;
                speaker.text = std::string(s.substr(h.begin, h.end - h.begin));
                if (h.kind == CueKind::unnamed_source) break;
            }
        }
    }
    bool joint = false;
    for (const auto& h : hits)
        if (h.kind == CueKind::joint || h.kind == CueKind::joint_announcement) joint = true;

    std::vector<Candidate> candidates;
    auto propose = [&](RumorStatus status, double strength, std::size_t i, const Source& src, bool bare = false) {
        Candidate c;
        c.status = status;
        c.strength = strength;
        c.hit = static_cast<int>(i);
        c.cue_begin = hits[i].begin;
        c.cue_end = hits[i].end;
        // Show the negator with what it negates: "has not confirmed", 尚未证实.
        if (scopes[i].negator >= 0) c.cue_begin = hits[scopes[i].negator].begin;
        c.source = src;
        c.bare = bare;
        candidates.push_back(std::move(c));
    };
    // A hedged statement is speculation, unless the sentence reports a source for it.
    auto hedged_status = [&] { return sourced ? RumorStatus::reported : RumorStatus::speculation; };
    auto agent = [&](std::size_t i) {
        if (auto span = agent_of(s, hits, i)) {
            Source src = classify_source(s, hits, *span, context.sources);
            if (src.kind != SourceKind::other || speaker.kind == SourceKind::none) return src;
        }
        return speaker;
    };
    // What a confirmation by `src` amounts to.
    auto confirmation_by = [&](const Source& src, double strength) -> std::pair<RumorStatus, double> {
        if (joint || src.all_parties) return {RumorStatus::confirmed, strength + 0.05};
        switch (src.kind) {
        case SourceKind::party:
            if (static_cast<int>(src.parties.size()) >= context.sources.party_count)
                return {RumorStatus::confirmed, strength};
            return {RumorStatus::partially_confirmed, strength};
        case SourceKind::official: return {RumorStatus::partially_confirmed, strength - 0.05};
        case SourceKind::unnamed:
        case SourceKind::media: return {RumorStatus::reported, strength - 0.15};
        case SourceKind::analyst: return {RumorStatus::speculation, strength - 0.3};
        case SourceKind::other: return {RumorStatus::reported, strength - 0.25};
        case SourceKind::none: break;
        }
        return {RumorStatus::confirmed, strength - 0.3};
    };

    for (std::size_t i = 0; i < hits.size(); ++i) {
        const CueKind k = hits[i].kind;
        if (!is_statement(k)) continue;
        const CueScope& sc = scopes[i];
        if (sc.denied) continue; // the content of a denial asserts nothing
        if (context.generic && in_claim(context.claim, s.substr(hits[i].begin, hits[i].end - hits[i].begin)) &&
            k != CueKind::hearsay && k != CueKind::no_comment) {
            // Part of the claim's own wording: treat as a plain statement of the claim.
            if (sc.negated && !sc.pending) propose(RumorStatus::denied, 0.55, i, speaker);
            else if (sc.hedged) propose(hedged_status(), 0.45, i, speaker);
            else propose(RumorStatus::confirmed, 0.45, i, speaker, true);
            continue;
        }
        switch (k) {
        case CueKind::confirm: {
            if (sc.negated) propose(RumorStatus::reported, 0.85, i, speaker); // nobody says it
            else if (sc.hedged || sc.future) propose(hedged_status(), 0.5, i, agent(i));
            else {
                const Source src = agent(i);
                const auto [status, strength] = confirmation_by(src, 0.85);
                propose(status, strength, i, src);
            }
            break;
        }
        case CueKind::announce:
        case CueKind::joint_announcement: {
            const Source src = agent(i);
            if (sc.negated) propose(RumorStatus::reported, 0.8, i, speaker);
            else if (sc.hedged) propose(hedged_status(), 0.5, i, src);
            else if (sc.future) {
                // "plans to launch", 将推出: a plan, not an act.
                if (src.kind == SourceKind::party) propose(confirmation_by(src, 0.7).first, 0.7, i, src);
                else if (src.kind == SourceKind::analyst) propose(RumorStatus::speculation, 0.5, i, src);
                else if (context.generic) propose(RumorStatus::confirmed, 0.5, i, src, true);
                else propose(RumorStatus::reported, 0.55, i, src);
            } else if (src.kind == SourceKind::unnamed) propose(RumorStatus::reported, 0.7, i, src);
            else if (src.kind == SourceKind::analyst) propose(RumorStatus::speculation, 0.5, i, src);
            else propose(RumorStatus::confirmed, k == CueKind::joint_announcement || joint ? 0.95 : 0.85, i, src);
            break;
        }
        case CueKind::deny:
        case CueKind::deny_after: {
            const Source src = agent(i);
            if (sc.negated) propose(RumorStatus::reported, 0.5, i, src); // "did not deny"
            else if (sc.hedged) propose(hedged_status(), 0.45, i, src);
            else if (sc.flips) {
                // "denied reports that talks had stalled": the deal is alive, says the denier.
                if (src.kind == SourceKind::party || src.kind == SourceKind::official)
                    propose(confirmation_by(src, 0.75).first, 0.75, i, src);
                else propose(RumorStatus::reported, 0.6, i, src);
            } else propose(RumorStatus::denied, k == CueKind::deny ? 0.9 : 0.75, i, src);
            break;
        }
        case CueKind::stall:
        case CueKind::cancel: {
            const RumorStatus st = k == CueKind::stall ? RumorStatus::stalled : RumorStatus::cancelled;
            if (sc.negated) {
                // "has not been delayed", "no longer on hold": the deal goes on.
                if (speaker.kind == SourceKind::party) propose(confirmation_by(speaker, 0.6).first, 0.6, i, speaker);
                else propose(RumorStatus::reported, 0.5, i, speaker);
            } else if (sc.hedged) propose(hedged_status(), 0.5, i, speaker);
            else propose(st, 0.85, i, speaker);
            break;
        }
        case CueKind::hearsay:
            if (!sc.negated) propose(RumorStatus::reported, 0.7, i, speaker);
            break;
        case CueKind::no_comment:
            propose(RumorStatus::reported, 0.6, i, speaker.kind == SourceKind::none ? agent(i) : speaker);
            break;
        case CueKind::talks:
        case CueKind::deal:
        case CueKind::deal_ref: {
            const bool talks = k == CueKind::talks;
            // "has not confirmed the partnership": the deal term is the object of a negated
            // verb, not a statement of its own.
            bool object_of_negated = false;
            if (sc.negated)
                for (std::size_t j = 0; j < hits.size(); ++j)
                    if (j != i && scopes[j].negator == sc.negator && is_statement(hits[j].kind) &&
                        hits[j].kind != CueKind::deal && hits[j].kind != CueKind::deal_ref)
                        object_of_negated = true;
            if (object_of_negated) break;
            if (sc.hedged) propose(hedged_status(), talks ? 0.5 : 0.4, i, speaker);
            else if (sc.negated && !sc.pending) {
                // "Apple will not use Alibaba's models", 没有接触
                propose(RumorStatus::denied, talks ? 0.75 : 0.55, i, speaker);
            } else if (sc.negated) propose(RumorStatus::reported, 0.6, i, speaker);
            else if (sc.hedged) propose(hedged_status(), talks ? 0.5 : 0.4, i, speaker);
            else if (speaker.kind == SourceKind::party || speaker.kind == SourceKind::official)
                propose(confirmation_by(speaker, 0.75).first, 0.75, i, speaker);
            else if (sourced_kind(speaker.kind) || sourced || speaker.kind == SourceKind::other)
                propose(RumorStatus::reported, talks ? 0.7 : 0.6, i, speaker);
            else if (speaker.kind == SourceKind::analyst) propose(RumorStatus::speculation, 0.5, i, speaker);
            else if (talks) propose(context.generic ? RumorStatus::confirmed : RumorStatus::reported, 0.55, i, speaker, context.generic);
            else if (context.generic) propose(RumorStatus::confirmed, 0.4, i, speaker, true);
            else if (context.names_all_parties) propose(RumorStatus::reported, 0.35, i, speaker, true);
            else propose(RumorStatus::mentioned, 0.2, i, speaker, true);
            break;
        }
        default: break;
        }
    }

    // Hedges and questions with no statement cue at all: opinion about the deal.
    bool has_hedge = question;
    for (const auto& h : hits)
        if (h.kind == CueKind::hedge || h.kind == CueKind::analyst) has_hedge = true;

    SentenceJudgement out;
    out.source = speaker;
    if (candidates.empty()) {
        if (has_hedge) {
            out.status = RumorStatus::speculation;
            out.strength = 0.35;
            for (std::size_t i = 0; i < hits.size(); ++i)
                if (hits[i].kind == CueKind::hedge || hits[i].kind == CueKind::analyst) {
                    out.cue_begin = hits[i].begin;
                    out.cue_end = hits[i].end;
                    out.cue_hit = static_cast<int>(i);
                    break;
                }
        } else if (context.generic) {
            out.status = RumorStatus::confirmed;
            out.strength = 0.35;
            out.bare = true;
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
    if (best->source.kind != SourceKind::none) out.source = best->source;
    return out;
}

} // namespace rumorwatch
