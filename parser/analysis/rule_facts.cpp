/// \file
/// The facts of one sentence that every status rule reads, computed once.
#include "parser/analysis/rule_families.h"

#include "parser/analysis/clauses.h"
#include "parser/analysis/rule_words.h"

#include <string>

#include "parser/core/core.h"

namespace rumorwatch::rules {
namespace {

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
    return equals_any(before, "month_may_after");
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

/// Does a (lower-cased) claim negate itself ("Tesla will not build ...")?
bool has_negation(std::string_view claim) {
    return contains_any(claim, "claim_negation");
}

/// 已通过网信办审查, "passed a security review": a review that was passed is an approval.
bool review_passed(std::string_view s, const Lexicon::Hit& h) {
    const auto [b, e] = segment_around(s, h.begin);
    const std::size_t window_begin = std::max<std::size_t>(b, h.begin >= 30 ? h.begin - 30 : 0);
    const std::string_view before = s.substr(window_begin, h.begin - window_begin);
    for (const auto& passed : word_list("review_passed_zh"))
        if (const auto p = before.rfind(passed); p != std::string_view::npos)
            return !ends_with_any(s.substr(0, window_begin + p), "review_passed_zh_negator");
    const std::string lowered = text::to_lower_ascii(before);
    for (const auto& v : word_list("review_passed_en"))
        if (const auto p = lowered.rfind(v); p != std::string::npos && word_gap(lowered, p, lowered.size()) <= 4)
            return true;
    return false;
}

} // namespace

bool sourced_kind(SourceKind k) { return k == SourceKind::unnamed || k == SourceKind::media; }

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

RuleFacts rule_facts(std::string_view s, std::span<const Lexicon::Hit> input, const RuleContext& context) {
    RuleFacts f;
    f.s = s;
    f.context = &context;
    // "May" the month is no hedge; rewrite it before scopes are computed.
    f.hits.assign(input.begin(), input.end());
    auto& hits = f.hits;
    for (auto& h : hits) {
        if (h.kind == CueKind::hedge && is_month_may(s, h)) h.kind = CueKind::ignore;
        if (h.kind == CueKind::review && review_passed(s, h)) h.kind = CueKind::approve;
    }

    f.scopes = resolve_scopes(s, hits);
    const auto& scopes = f.scopes;
    f.question = is_question(s);
    f.generic = context.generic;
    // "resumed after a two-month pause", 暂停了两个月…终于回来了: the pause is the past that a
    // resumption ends, not the news.
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if (hits[i].kind == CueKind::resume && !scopes[i].negated && !scopes[i].hedged) f.resumed = true;
        if (hits[i].kind == CueKind::talks) f.talks_named = true;
    }

    // Who speaks in the sentence as a whole ("..., people familiar with the matter said").
    Source& speaker = f.speaker;
    for (const auto& span : find_speakers(s, hits)) {
        if (span.verb >= 0 && scopes[span.verb].negated) continue; // "has not said": no speaker
        Source src = classify_source(s, hits, span, context.sources);
        if (sourced_kind(src.kind)) f.sourced = true;
        if (speaker_rank(src.kind) > speaker_rank(speaker.kind)) speaker = std::move(src);
    }
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const CueKind k = hits[i].kind;
        if (k == CueKind::analyst) {
            const std::string w = text::to_lower_ascii(s.substr(hits[i].begin, hits[i].end - hits[i].begin));
            if (starts_with_any(w, "own_view_prefix")) f.own_view = true;
        }
        if ((k == CueKind::hearsay || k == CueKind::unnamed_source || k == CueKind::media) && !scopes[i].negated)
            f.sourced = true;
        if (k == CueKind::analyst) f.analyst_view = true;
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
    f.any_hedge = f.question;
    for (const auto& h : hits)
        if (h.kind == CueKind::hedge || h.kind == CueKind::analyst) f.any_hedge = true;
    for (const auto& h : hits)
        if (h.kind == CueKind::joint || h.kind == CueKind::joint_announcement) f.joint = true;
    f.claim_negated = f.generic && has_negation(context.claim);

    return f;
}

} // namespace rumorwatch::rules
