/// \file
/// The cue lexicons (English and Chinese) that drive status rules, and the Lexicon that
/// merges them with a topic's entities, deal terms and extra cues into one matcher.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "parser/analysis/phrase_matcher.h"
#include "parser/analysis/topic.h"

namespace rumorwatch {

/// What a matched phrase means to the status rules.
enum class CueKind : std::uint8_t {
    // Statements about the deal.
    confirm,    ///< confirmed, acknowledged, 证实: who says it decides partial or full
    approve,    ///< approved, cleared, 批准: a regulator's word (partial); withheld, a stall
    announce,   ///< announced, launched, signed, 官宣: an official act (confirmed)
    deny,       ///< denied, dismissed, no plans, 否认, 辟谣
    deny_after, ///< "... are false", "……不实": denies what stands before it as well
    stall,      ///< delayed, on hold, blocked, 推迟, 搁置
    review,     ///< under review, awaiting approval, scrutiny, 审查: stalled, unless a report
                ///< in the same sentence says more (a normal wait is not news by itself)
    cancel,     ///< called off, scrapped, 取消, 终止
    resume,     ///< resumed, back on track, 恢复: a pause is over; an act like `announce`, and a
                ///< stall named beside it is the past it ends
    speculative, ///< "remains speculation", 停留在猜测: the writer calls the claim unproven
    hearsay,    ///< reportedly, rumored, a report, 据悉, 传闻
    talks,      ///< in talks, negotiating, 洽谈: reported, unless a party says it
    hedge,      ///< could, might, may, expected to, 或将, 可能
    no_comment, ///< declined to comment, did not respond, 未予置评
    // Modifiers of the statements that follow them.
    negator,         ///< not, no, never, 未, 没有, 不
    negator_pending, ///< not yet, has yet to, 尚未: pending, not false
    negator_wide,    ///< neither, 均未: negates to the end of the clause
    future,          ///< plans to, will, set to, 计划, 将: the act is not done yet
    joint,           ///< jointly, joint statement, 联合
    background,      ///< earlier this year, last year, 去年, 此前
    past_perfect,    ///< "had" (+ confirmed): reported speech of an older event
    contrast,        ///< but, however, 但: a clause boundary
    ignore,          ///< words that contain a cue but are none: "not only", 未来, 数据
    // Who speaks.
    speech,         ///< said, says, told, 表示, 称
    according_to,   ///< according to, citing, 据
    unnamed_source, ///< people familiar with the matter, sources, 知情人士
    media,          ///< Reuters, Bloomberg, a report, 路透社
    analyst,        ///< analysts, experts, I think, 分析师
    // Topic terms and references (Lexicon::Hit::entity holds the entity index for `entity`).
    entity,             ///< an alias of a topic entity
    deal,               ///< one of the topic's deal terms
    joint_announcement, ///< a topic phrase meaning an official joint announcement
    party_ref,          ///< "the company", 该公司: the last named party
    all_parties_ref,    ///< "both companies", 双方
    neither_party,      ///< "neither company": every party, negated
    one_party,          ///< "one of the two companies", 其中一方: a single party, not both
    deal_ref,           ///< "the deal", "the partnership", 此次合作
};

/// Stable name of a cue kind ("confirm", "deny_after", ...), for tests and debugging.
std::string_view to_string(CueKind kind);

/// One row of a generic lexicon: a phrase as PhraseMatcher reads it and what it means.
struct LexiconEntry {
    std::string_view phrase;
    CueKind kind;
};

/// The generic English cues (matched case-insensitively on word boundaries).
std::span<const LexiconEntry> english_cues();
/// The generic Chinese cues (matched as substrings).
std::span<const LexiconEntry> chinese_cues();

/// The cue kind a topic's extra cue for `status` becomes (e.g. denied -> deny).
CueKind cue_kind_for(RumorStatus status);

/// A compiled lexicon: the generic cues plus, when given, a topic's aliases, deal terms,
/// extra cues and joint-announcement phrases. Build once, scan many texts.
/// Thread-safety: `scan` is const and may run concurrently.
class Lexicon {
public:
    /// One phrase found in a text.
    struct Hit {
        std::uint32_t begin = 0;
        std::uint32_t end = 0;
        CueKind kind = CueKind::ignore;
        std::int16_t entity = -1; ///< index into Topic::entities for CueKind::entity
        bool also_deal = false;   ///< an alias the topic also lists as a deal term
    };

    /// `topic` may be null (generic cues only); it is copied from, not kept.
    explicit Lexicon(const Topic* topic);

    /// Appends every hit in `text` to `out`, left to right (see PhraseMatcher::find).
    void scan(std::string_view text, std::vector<Hit>& out) const;

private:
    struct Term {
        CueKind kind;
        std::int16_t entity;
        bool also_deal;
    };
    void add(std::string_view phrase, CueKind kind, std::int16_t entity = -1, bool also_deal = false);

    PhraseMatcher matcher_;
    std::vector<Term> terms_;
};

} // namespace rumorwatch
