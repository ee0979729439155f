/// \file
/// Speaker spans by walking words back from a verb (English) or characters back to the last
/// punctuation (Chinese), then trimming auxiliaries, adverbs and time words.
#include "parser/analysis/attribution.h"

#include <algorithm>
#include <array>

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

constexpr std::size_t kMaxSubjectWords = 12;
constexpr std::size_t kMaxPostposedWords = 8;
constexpr std::size_t kMaxChineseSubjectBytes = 30 * 3;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool at(std::string_view s, std::size_t i, std::string_view what) {
    return i + what.size() <= s.size() && s.compare(i, what.size(), what) == 0;
}

bool is_ascii_boundary(char c) {
    return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == '[' || c == ']';
}

constexpr std::string_view kWideBoundaries[] = {"“", "”", "—", "，", "。", "；", "：", "、", "「",
                                                "」", "（", "）", "！", "？", "『", "』"};

/// Length of a punctuation mark that bounds a subject and ends just before byte `i`, or 0.
std::size_t boundary_before(std::string_view s, std::size_t i) {
    if (i == 0) return 0;
    if (is_ascii_boundary(s[i - 1])) return 1;
    if (i >= 3)
        for (std::string_view mark : kWideBoundaries)
            if (at(s, i - 3, mark)) return 3;
    return 0;
}

/// Length of a punctuation mark that bounds a subject and starts at byte `i`, or 0.
std::size_t boundary_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return 0;
    if (is_ascii_boundary(s[i])) return 1;
    for (std::string_view mark : kWideBoundaries)
        if (at(s, i, mark)) return 3;
    return 0;
}

// Words that end a subject when walking back from its verb.
constexpr std::array<std::string_view, 16> kSubordinators = {
    "that", "which", "who", "whom", "as", "after", "when", "because", "since", "while",
    "but", "if", "where", "although", "though", "before"};

// Words between a subject and its verb that are not part of the subject.
constexpr std::array<std::string_view, 52> kAuxiliaries = {
    "has", "have", "had", "also", "officially", "publicly", "formally", "reportedly", "already",
    "finally", "now", "recently", "separately", "again", "first", "later", "previously", "earlier",
    "then", "did", "does", "do", "not", "never", "yet", "today", "yesterday", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "on", "last", "week", "this", "month",
    "quickly", "flatly", "firmly", "strongly", "once", "itself", "themselves", "both", "still",
    "subsequently", "apparently", "swiftly", "partly"};

constexpr std::array<std::string_view, 7> kBeForms = {"is", "was", "were", "are", "been", "be", "being"};

// Words that never stand inside a subject noun phrase: finding one means the words walked
// back over are a clause ("Apple is working with Alibaba to"), not a subject.
constexpr std::array<std::string_view, 24> kClauseWords = {
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
    "could", "may", "might", "should", "to", "do", "does", "did", "must", "plans", "said", "says"};


template <std::size_t N>
bool in(const std::array<std::string_view, N>& table, std::string_view word) {
    return std::find(table.begin(), table.end(), word) != table.end();
}

struct Word {
    std::size_t begin, end;
};

bool looks_like_clause(std::string_view s, const std::vector<Word>& words) {
    for (const auto& w : words)
        if (in(kClauseWords, text::to_lower_ascii(s.substr(w.begin, w.end - w.begin)))) return true;
    return false;
}

/// Words (space-separated, ASCII boundaries) ending at `from`, walking back to a boundary.
std::vector<Word> words_back(std::string_view s, std::size_t from, bool& stopped_at_comma) {
    std::vector<Word> words;
    std::size_t i = from;
    stopped_at_comma = false;
    while (true) {
        while (i > 0 && is_space(s[i - 1])) --i;
        if (i == 0) break;
        if (const auto b = boundary_before(s, i)) {
            stopped_at_comma = b == 1 && s[i - 1] == ',';
            (void)b;
            break;
        }
        const std::size_t e = i;
        while (i > 0 && !is_space(s[i - 1]) && !boundary_before(s, i)) --i;
        const std::string w = text::to_lower_ascii(s.substr(i, e - i));
        if (in(kSubordinators, w)) break;
        words.push_back({i, e});
        if (words.size() > kMaxSubjectWords + 4) break;
    }
    std::reverse(words.begin(), words.end());
    return words;
}

/// Words after `from` up to a boundary or a subordinator, at most `limit`.
std::vector<Word> words_forward(std::string_view s, std::size_t from, std::size_t limit) {
    std::vector<Word> words;
    std::size_t i = from;
    while (words.size() < limit) {
        while (i < s.size() && is_space(s[i])) ++i;
        if (i >= s.size() || boundary_at(s, i)) break;
        const std::size_t b = i;
        while (i < s.size() && !is_space(s[i]) && !boundary_at(s, i)) ++i;
        std::size_t e = i;
        // A sentence-final period belongs to the sentence, not to the name.
        if (e == s.size() && e > b && (s[e - 1] == '.' || s[e - 1] == '!' || s[e - 1] == '?')) --e;
        if (e == b) break;
        const std::string w = text::to_lower_ascii(s.substr(b, e - b));
        if (in(kSubordinators, w)) break;
        words.push_back({b, e});
    }
    return words;
}

std::optional<SpeakerSpan> english_agent(std::string_view s, std::span<const Lexicon::Hit> hits,
                                         std::size_t verb) {
    const auto& h = hits[verb];
    bool after_comma = false;
    std::vector<Word> words = words_back(s, h.begin, after_comma);
    bool passive = false;
    while (!words.empty()) {
        const std::string w = text::to_lower_ascii(s.substr(words.back().begin, words.back().end - words.back().begin));
        if (in(kBeForms, w)) passive = true;
        else if (!in(kAuxiliaries, w) && w != "in" && w != "a" && w != "statement" && w != "it's" &&
                 w.find("n't") == std::string::npos && w.find("n’t") == std::string::npos)
            break;
        words.pop_back();
    }
    while (!words.empty()) {
        const std::string w = text::to_lower_ascii(s.substr(words.front().begin, words.front().end - words.front().begin));
        if (w != "and" && w != "so" && w != "meanwhile" && w != "however" && w != "but" && w != "also")
            break;
        words.erase(words.begin());
    }
    if (passive) {
        // "was confirmed by Alibaba's chairman"
        std::size_t i = h.end;
        while (i < s.size() && is_space(s[i])) ++i;
        if (at(s, i, "by ")) {
            auto by = words_forward(s, i + 3, kMaxPostposedWords);
            if (!by.empty())
                return SpeakerSpan{static_cast<std::uint32_t>(by.front().begin),
                                   static_cast<std::uint32_t>(by.back().end), static_cast<int>(verb)};
        }
        return std::nullopt;
    }
    // "The launch ends ...": a lone determiner makes the verb a noun, with no agent.
    if (words.size() == 1) {
        const std::string w = text::to_lower_ascii(s.substr(words[0].begin, words[0].end - words[0].begin));
        for (std::string_view d : {"the", "a", "an", "any", "every", "each", "such", "some", "no", "another",
                                   "this", "that", "its", "their", "our"})
            if (w == d) return std::nullopt;
    }
    if (!words.empty()) {
        if (words.size() > kMaxSubjectWords || looks_like_clause(s, words)) return std::nullopt;
        std::size_t begin = words.front().begin;
        // Headlines join subjects with commas: "Apple, Alibaba confirm ...".
        std::size_t c = begin;
        while (c > 0 && is_space(s[c - 1])) --c;
        if (after_comma && words.size() <= 3 && c > 0 && s[c - 1] == ',') {
            bool more = false;
            auto first = words_back(s, c - 1, more);
            if (!first.empty() && first.size() <= 3 && first.front().begin == 0) begin = 0;
        }
        return SpeakerSpan{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(words.back().end),
                           static_cast<int>(verb)};
    }
    std::size_t i = h.begin;
    while (i > 0 && is_space(s[i - 1])) --i;
    // Only speech verbs put their subject after them (", said Joe Tsai"); ", went live for
    // users" has no agent after the verb.
    if (h.kind != CueKind::speech || !boundary_before(s, i)) return std::nullopt;
    // Postposed: '..., said Joe Tsai, chairman of Alibaba.' or '"...," said Tsai.' The name
    // runs to the next comma or the end; a clause there ("said Apple had picked") is no name.
    auto after = words_forward(s, h.end, kMaxPostposedWords);
    while (!after.empty()) {
        const std::string w = text::to_lower_ascii(s.substr(after.front().begin, after.front().end - after.front().begin));
        if (w != "on" && !in(kAuxiliaries, w)) break;
        after.erase(after.begin());
    }
    if (!after.empty() && !looks_like_clause(s, after))
        return SpeakerSpan{static_cast<std::uint32_t>(after.front().begin),
                           static_cast<std::uint32_t>(after.back().end), static_cast<int>(verb)};
    // A parenthetical between subject and verb: "A Reuters report, citing three sources, said".
    if (i > 0 && s[i - 1] == ',') {
        std::size_t j = i - 1;
        while (j > 0 && s[j - 1] != ',') --j;
        if (j > 0) {
            bool comma = false;
            auto before = words_back(s, j - 1, comma);
            if (!before.empty() && before.size() <= kMaxSubjectWords && !looks_like_clause(s, before))
                return SpeakerSpan{static_cast<std::uint32_t>(before.front().begin),
                                   static_cast<std::uint32_t>(before.back().end), static_cast<int>(verb)};
        }
    }
    return std::nullopt;
}

// Chinese words that end a subject but are not part of it (time words, adverbs).
constexpr std::array<std::string_view, 44> kChineseTrailers = {
    "周一", "周二", "周三", "周四", "周五", "周六", "周日", "今日", "今天", "昨日", "昨天",
    "日前", "近日", "本周", "上周", "此前", "已经", "也", "已", "正式", "公开", "首次", "再次",
    "还", "则", "亦", "均", "都", "对此", "就此", "向记者", "对记者", "方面", "当天", "随后",
    "近期", "早前", "曾", "并", "明确", "官方", "同日", "晚间", "上午"};

std::size_t strip_chinese_trailers(std::string_view s, std::size_t b, std::size_t e) {
    bool changed = true;
    while (changed && e > b) {
        changed = false;
        for (auto t : kChineseTrailers) {
            if (e - b >= t.size() && s.compare(e - t.size(), t.size(), t) == 0) {
                e -= t.size();
                changed = true;
            }
        }
        // Dates: "2月13日", "13日"
        while (e > b && ((s[e - 1] >= '0' && s[e - 1] <= '9') || at(s, e >= 3 ? e - 3 : 0, "日") ||
                         at(s, e >= 3 ? e - 3 : 0, "月") || at(s, e >= 3 ? e - 3 : 0, "号"))) {
            e -= (s[e - 1] >= '0' && s[e - 1] <= '9') ? 1 : 3;
            changed = true;
        }
    }
    return e;
}

std::optional<SpeakerSpan> chinese_agent(std::string_view s, std::size_t verb_begin, int verb) {
    std::size_t b = verb_begin;
    // A space ends a Chinese subject too: headlines join phrases with spaces
    // ("华盛顿审视苹果阿里AI合作 美议员称").
    while (b > 0 && !boundary_before(s, b) && s[b - 1] != ' ') {
        --b;
        while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
    }
    std::size_t e = strip_chinese_trailers(s, b, verb_begin);
    // "蔡崇信在迪拜的一场峰会上": the subject ends where its place or time phrase begins.
    for (std::string_view prep : {"在", "于"}) {
        const auto p = s.substr(b, e - b).find(prep);
        if (p != std::string_view::npos && p >= 6) e = strip_chinese_trailers(s, b, b + p);
    }
    for (std::string_view lead : {"而", "但", "并", "且", "另外", "此外", "同时", "其中", "据", "援引"})
        if (e > b && at(s, b, lead)) b += lead.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    if (e <= b || e - b > kMaxChineseSubjectBytes) return std::nullopt;
    return SpeakerSpan{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), verb};
}

bool chinese_before(std::string_view s, std::size_t i) {
    while (i > 0 && is_space(s[i - 1])) --i;
    if (i == 0) return false;
    std::size_t b = i - 1;
    while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
    return static_cast<unsigned char>(s[b]) >= 0xE0;
}

bool is_chinese_hit(std::string_view s, const Lexicon::Hit& h) {
    return static_cast<unsigned char>(s[h.begin]) >= 0xE0;
}

} // namespace

namespace {

bool is_determiner(std::string_view lowered) {
    for (std::string_view d : {"the", "a", "an", "any", "every", "each", "such", "some", "no", "another", "this",
                               "that", "its", "their", "our", "his", "her", "my", "your"})
        if (lowered == d) return true;
    return false;
}

/// The word that ends just before `end` (spaces skipped), as offsets.
std::pair<std::size_t, std::size_t> word_before(std::string_view s, std::size_t end) {
    while (end > 0 && is_space(s[end - 1])) --end;
    std::size_t b = end;
    while (b > 0 && !is_space(s[b - 1])) --b;
    return {b, end};
}

} // namespace

bool is_noun_use(std::string_view s, const Lexicon::Hit& hit) {
    const auto [b, e] = word_before(s, hit.begin);
    const std::string w = text::to_lower_ascii(s.substr(b, e - b));
    if (is_determiner(w)) return true;
    // "Apple's launch", "the company’s rollout": a possessive makes a noun of what follows.
    if (w.ends_with("'s") || w.ends_with("âs")) return true;
    // "its US launch", "the China rollout": a determiner and one capitalised modifier before an
    // uninflected cue ("the company launched" stays a verb: the cue is inflected).
    const std::string cue = text::to_lower_ascii(s.substr(hit.begin, hit.end - hit.begin));
    if (cue != "launch" && cue != "rollout" && cue != "roll-out" && cue != "debut") return false;
    if (b == e || !(s[b] >= 'A' && s[b] <= 'Z')) return false;
    const auto [b2, e2] = word_before(s, b);
    return is_determiner(text::to_lower_ascii(s.substr(b2, e2 - b2)));
}

std::optional<SpeakerSpan> agent_of(std::string_view s, std::span<const Lexicon::Hit> hits, std::size_t verb) {
    if (verb >= hits.size()) return std::nullopt;
    const auto& h = hits[verb];
    if (is_chinese_hit(s, h) || chinese_before(s, h.begin)) return chinese_agent(s, h.begin, static_cast<int>(verb));
    return english_agent(s, hits, verb);
}

std::vector<SpeakerSpan> find_speakers(std::string_view s, std::span<const Lexicon::Hit> hits) {
    std::vector<SpeakerSpan> out;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const auto& h = hits[i];
        if (h.kind == CueKind::speech) {
            if (auto a = agent_of(s, hits, i)) out.push_back(*a);
        } else if (h.kind == CueKind::according_to) {
            if (is_chinese_hit(s, h)) {
                // 据路透社报道 / 据知情人士透露 / 援引彭博社消息: up to the verb or punctuation.
                std::size_t e = h.end;
                std::size_t limit = s.size();
                for (std::size_t j = i + 1; j < hits.size(); ++j)
                    if (hits[j].kind == CueKind::speech || hits[j].kind == CueKind::hearsay) {
                        limit = hits[j].begin;
                        break;
                    }
                while (e < limit && !boundary_at(s, e)) ++e;
                if (e - h.end > kMaxChineseSubjectBytes) e = h.end + kMaxChineseSubjectBytes;
                // Back to a character boundary; e may be s.size() (the text ends in the subject).
                while (e > h.end && e < s.size() && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80) --e;
                if (e > h.end) out.push_back({h.end, static_cast<std::uint32_t>(e), static_cast<int>(i)});
            } else {
                auto words = words_forward(s, h.end, 10);
                if (!words.empty())
                    out.push_back({static_cast<std::uint32_t>(words.front().begin),
                                   static_cast<std::uint32_t>(words.back().end), static_cast<int>(i)});
            }
        }
    }
    // 据知情人士透露: "according to" and the verb name the same speaker once.
    std::vector<SpeakerSpan> unique;
    for (const auto& span : out)
        if (std::none_of(unique.begin(), unique.end(),
                         [&](const SpeakerSpan& u) { return u.begin == span.begin && u.end == span.end; }))
            unique.push_back(span);
    return unique;
}

Source classify_source(std::string_view s, std::span<const Lexicon::Hit> hits, const SpeakerSpan& span,
                       const SourceContext& context) {
    Source src;
    bool unnamed = false, analyst = false, media = false, official = false, one_of = false;
    std::vector<int> parties;
    // "the two companies" in a sentence that names a rival are the party and the rival.
    bool rival_named = false;
    for (const auto& h : hits)
        if (h.kind == CueKind::entity && h.entity >= 0 && static_cast<std::size_t>(h.entity) < context.is_party.size() &&
            !context.is_party[h.entity] && !context.is_official[h.entity])
            rival_named = true;
    for (const auto& h : hits) {
        if (h.begin < span.begin || h.end > span.end) continue;
        switch (h.kind) {
        case CueKind::unnamed_source: unnamed = true; break;
        case CueKind::analyst: analyst = true; break;
        case CueKind::media:
        case CueKind::hearsay: media = true; break;
        case CueKind::entity:
            if (h.entity >= 0 && static_cast<std::size_t>(h.entity) < context.is_party.size()) {
                if (context.is_party[h.entity]) parties.push_back(h.entity);
                else if (context.is_official[h.entity]) official = true;
            }
            break;
        case CueKind::party_ref:
            if (context.last_party >= 0) parties.push_back(context.last_party);
            break;
        case CueKind::all_parties_ref:
        case CueKind::neither_party:
            if (!rival_named) src.all_parties = true;
            break;
        case CueKind::one_party: one_of = true; break;
        default: break;
        }
    }
    // "双方首次有一方公开确认", "one of the two companies said": one of them speaks, not both.
    if (one_of) {
        src.all_parties = false;
        if (parties.size() > 1) parties.erase(parties.begin() + 1, parties.end());
        if (parties.empty() && context.last_party >= 0) parties.push_back(context.last_party);
        if (parties.empty())
            for (std::size_t i = 0; i < context.is_party.size() && parties.empty(); ++i)
                if (context.is_party[i]) parties.push_back(static_cast<int>(i));
    }
    std::string_view text = s.substr(span.begin, span.end - span.begin);
    const std::string lowered = text::to_lower_ascii(text);
    if (parties.empty() && context.last_party >= 0 && (lowered == "it" || lowered == "the company"))
        parties.push_back(context.last_party);
    std::sort(parties.begin(), parties.end());
    parties.erase(std::unique(parties.begin(), parties.end()), parties.end());
    if (src.all_parties && !one_of) {
        parties.clear();
        for (std::size_t i = 0; i < context.is_party.size(); ++i)
            if (context.is_party[i]) parties.push_back(static_cast<int>(i));
    }
    if (context.party_count > 1 && static_cast<int>(parties.size()) >= context.party_count && !one_of)
        src.all_parties = true;
    src.parties = std::move(parties);
    if (unnamed) src.kind = SourceKind::unnamed;
    else if (analyst) src.kind = SourceKind::analyst;
    else if (!src.parties.empty()) src.kind = SourceKind::party;
    else if (official) src.kind = SourceKind::official;
    else if (media) src.kind = SourceKind::media;
    else src.kind = SourceKind::other;
    // A dateline's dash ("HONG KONG, 8 October (Meridian) - Apple on Thursday denied")
    // or an opening quote or bracket is not part of the name.
    while (!text.empty() && std::string_view("-:;,.()[]\"' ").find(text.front()) != std::string_view::npos)
        text.remove_prefix(1);
    constexpr std::size_t kMaxText = 80;
    if (text.size() > kMaxText) {
        std::size_t cut = kMaxText;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text = text.substr(0, cut);
    }
    src.text = std::string(text);
    return src;
}

std::string_view to_string(SourceKind kind) {
    switch (kind) {
    case SourceKind::none: return "none";
    case SourceKind::party: return "party";
    case SourceKind::official: return "official";
    case SourceKind::unnamed: return "unnamed";
    case SourceKind::media: return "media";
    case SourceKind::analyst: return "analyst";
    case SourceKind::other: return "other";
    }
    return "?";
}

} // namespace rumorwatch
