/// \file
/// status_features: the article as a bag of named features for the linear status model.
#include "parser/analysis/status_features.h"

#include <algorithm>
#include <cstdint>

namespace rumorwatch {
namespace {

// Body sentences up to this number (0-based) are the lead, whose words the model reads.
constexpr int kLeadSentences = 3;
// Further mention sentences whose words the model reads (as unigrams), at most.
constexpr int kMaxBodyMentions = 6;

std::string_view place_of(bool in_headline, int ordinal) {
    if (in_headline) return "h";
    return ordinal < kLeadSentences ? "l" : "b";
}

/// Cue kinds the model reads as they are (entities and plain deal words are read elsewhere).
bool is_cue(CueKind k) {
    switch (k) {
    case CueKind::entity:
    case CueKind::ignore:
    case CueKind::contrast: return false;
    default: return true;
    }
}

/// Kinds that change what follows them in a sentence: read as ordered pairs with the next cue.
bool is_modifier(CueKind k) {
    switch (k) {
    case CueKind::negator:
    case CueKind::negator_pending:
    case CueKind::negator_wide:
    case CueKind::future:
    case CueKind::hedge:
    case CueKind::past_perfect:
    case CueKind::background:
    case CueKind::joint:
    case CueKind::neither_party:
    case CueKind::one_party:
    case CueKind::all_parties_ref:
    case CueKind::speech:
    case CueKind::according_to:
    case CueKind::unnamed_source:
    case CueKind::media:
    case CueKind::analyst: return true;
    default: return false;
    }
}

bool is_ascii_alnum(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// Length of the UTF-8 sequence starting with `c` (1 for a stray byte).
std::size_t utf8_length(unsigned char c) {
    if (c >= 0xF0) return 4;
    if (c >= 0xE0) return 3;
    if (c >= 0xC0) return 2;
    return 1;
}

/// A CJK ideograph (U+3400–U+9FFF), from its 3-byte UTF-8 form.
bool is_ideograph(std::string_view s, std::size_t i) {
    if (i + 3 > s.size()) return false;
    const auto b0 = static_cast<unsigned char>(s[i]);
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    return (b0 >= 0xE4 && b0 <= 0xE9) || (b0 == 0xE3 && b1 >= 0x90);
}

std::string cap(std::size_t n, std::size_t max) { return std::to_string(std::min(n, max)); }

void add_ngrams(const std::vector<std::string>& tokens, std::string_view prefix, bool bigrams,
                std::vector<std::string>& out) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        out.push_back(std::string(prefix) + tokens[i]);
        if (bigrams && i + 1 < tokens.size()) out.push_back(std::string(prefix) + tokens[i] + "_" + tokens[i + 1]);
    }
}

} // namespace

std::vector<std::string> masked_tokens(std::string_view text, const std::vector<Lexicon::Hit>& hits,
                                       const std::vector<FrameHit>& frame, const std::vector<bool>& is_party) {
    struct Mask {
        std::uint32_t begin, end;
        std::string_view token;
    };
    std::vector<Mask> masks;
    for (const auto& h : hits) {
        if (h.kind != CueKind::entity) continue;
        const bool party = h.entity >= 0 && static_cast<std::size_t>(h.entity) < is_party.size() && is_party[h.entity];
        masks.push_back({h.begin, h.end, party ? "<p>" : "<o>"});
    }
    for (const auto& f : frame)
        masks.push_back({f.begin, f.end, f.kind == FrameKind::object       ? "<obj>"
                                         : f.kind == FrameKind::other_deal ? "<other>"
                                                                           : "<trap>"});
    std::stable_sort(masks.begin(), masks.end(), [](const Mask& a, const Mask& b) { return a.begin < b.begin; });

    std::vector<std::string> out;
    std::size_t next = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        while (next < masks.size() && masks[next].begin < i) ++next;
        if (next < masks.size() && masks[next].begin == i) {
            if (out.empty() || out.back() != masks[next].token) out.emplace_back(masks[next].token);
            i = std::max<std::size_t>(masks[next].end, i + 1);
            continue;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        if (is_ascii_alnum(c)) {
            std::size_t e = i;
            while (e < text.size() && is_ascii_alnum(static_cast<unsigned char>(text[e]))) ++e;
            // A word running into a masked span ("Alibaba's" is not, but "xAlibaba" is) stops there.
            if (next < masks.size() && masks[next].begin > i && masks[next].begin < e) e = masks[next].begin;
            std::string word(text.substr(i, e - i));
            bool digits = true;
            for (char& ch : word) {
                if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
                digits = digits && ch >= '0' && ch <= '9';
            }
            out.push_back(digits ? "0" : word);
            i = e;
        } else if (is_ideograph(text, i)) {
            out.emplace_back(text.substr(i, 3));
            i += 3;
        } else if (c == '?' || text.substr(i).starts_with("\xEF\xBC\x9F")) { // ? or fullwidth ？
            out.emplace_back("?");
            i += c == '?' ? 1 : 3;
        } else {
            i += utf8_length(c);
        }
    }
    return out;
}

std::vector<std::string> status_features(const FeatureInput& in) {
    std::vector<std::string> out;
    out.push_back("rule=" + std::string(to_string(in.rule_status)));

    // The rules' judgement of each mention, by place, recap and speaker.
    for (const auto& m : in.mentions) {
        const std::string base = "m:" + std::string(place_of(m.in_headline, m.ordinal)) + ":" +
                                 std::string(to_string(m.status));
        out.push_back(base);
        if (m.background) out.push_back(base + ":bg");
        if (m.weak) out.push_back(base + ":weak");
        out.push_back("ms:" + std::string(to_string(m.status)) + ":" + std::string(to_string(m.source)));
        if (!m.background) out.push_back("any:" + std::string(to_string(m.status)));
    }

    // Who is on record: how many distinct parties the news mentions of each kind quote.
    std::vector<int> confirming, denying;
    bool joint = false;
    for (const auto& m : in.mentions) {
        // A recap is not this article's record, and "declined to comment" affirms nothing.
        if (m.background || m.weak || m.source != SourceKind::party) continue;
        auto& into = m.status == RumorStatus::denied ? denying : confirming;
        if (m.status == RumorStatus::denied || m.status == RumorStatus::partially_confirmed ||
            m.status == RumorStatus::confirmed || m.status == RumorStatus::reported)
            into.insert(into.end(), m.speaks_for.begin(), m.speaks_for.end());
        joint = joint || (m.all_parties && m.status != RumorStatus::denied);
    }
    const auto distinct = [](std::vector<int>& v) {
        std::sort(v.begin(), v.end());
        return static_cast<std::size_t>(std::unique(v.begin(), v.end()) - v.begin());
    };
    out.push_back("rec:affirming=" + cap(distinct(confirming), 2));
    out.push_back("rec:denying=" + cap(distinct(denying), 2));
    if (joint) out.push_back("rec:joint");

    // Entities: how many parties the article and its headline name, where they meet a deal word.
    std::vector<bool> named(in.is_party.size(), false), named_in_headline(in.is_party.size(), false);
    int body_mentions = 0;
    bool any_object = false;
    for (std::size_t n = 0; n < in.facts.size(); ++n) {
        const auto& f = in.facts[n];
        const auto& frame = in.frame[n];
        for (int p : f.parties) {
            named[p] = true;
            if (f.in_headline) named_in_headline[p] = true;
        }
        const bool about_party = !f.parties.empty() || f.refers_back;
        // Sentences past the lead that name no party and no deal say nothing the model reads
        // (and skipping them keeps long articles cheap).
        if (!f.in_headline && f.ordinal >= kLeadSentences && !about_party && !f.deal) continue;
        const std::string place(place_of(f.in_headline, f.ordinal));
        if (f.parties.size() >= 2) out.push_back("e:all_parties:" + place);
        if (!f.parties.empty() && f.deal) out.push_back("e:party_deal:" + place);
        if (f.rival) out.push_back("e:rival:" + place);
        if (f.rival_deal) out.push_back("e:rival_deal");
        if (f.deal_ref) out.push_back("e:deal_ref:" + place);

        // The deal's frame: its object, the parties' other deals, other senses of the names.
        for (const auto& h : frame) {
            const std::string_view kind = h.kind == FrameKind::object       ? "obj"
                                          : h.kind == FrameKind::other_deal ? "other"
                                                                            : "trap";
            out.push_back("f:" + std::string(kind) + ":" + place);
            if (!f.parties.empty()) out.push_back("f:party_" + std::string(kind) + ":" + place);
            if (f.parties.size() >= 2) out.push_back("f:all_parties_" + std::string(kind) + ":" + place);
            any_object = any_object || h.kind == FrameKind::object;
        }

        // Cue kinds, by place, and whether the sentence is about a party.
        const std::string cue_prefix = (about_party ? "c:" : "cx:") + place + ":";
        const Lexicon::Hit* modifier = nullptr;
        const Lexicon::Hit* previous = nullptr;
        bool after_contrast = false;
        for (const auto& h : f.hits) {
            if (h.kind == CueKind::contrast) {
                after_contrast = true;
                if (previous) out.push_back("cs:" + std::string(to_string(previous->kind)) + ">contrast");
                previous = &h;
                modifier = nullptr;
                continue;
            }
            if (!is_cue(h.kind)) continue;
            const std::string kind(to_string(h.kind));
            out.push_back(cue_prefix + kind);
            // "denies the figure, but confirms the talks": what follows "but" is the point.
            if (after_contrast && about_party) out.push_back("ac:" + place + ":" + kind);
            if (previous) out.push_back("cs:" + std::string(to_string(previous->kind)) + ">" + kind);
            if (modifier && !is_modifier(h.kind))
                out.push_back("cp:" + std::string(to_string(modifier->kind)) + ">" + kind);
            if (is_modifier(h.kind)) modifier = &h;
            previous = &h;
        }

        // Words: the headline and lead as unigrams and bigrams, other mentions as unigrams.
        if (f.in_headline || f.ordinal < kLeadSentences) {
            add_ngrams(masked_tokens(f.text, f.hits, frame, in.is_party), place == "h" ? "h|" : "l|", true, out);
        } else if (about_party && (f.deal || f.statement) && body_mentions < kMaxBodyMentions) {
            ++body_mentions;
            add_ngrams(masked_tokens(f.text, f.hits, frame, in.is_party), "b|", false, out);
        }
    }
    const auto count = [](const std::vector<bool>& v) { return static_cast<std::size_t>(std::count(v.begin(), v.end(), true)); };
    out.push_back(any_object ? "f:object_named" : "f:object_absent");
    out.push_back("e:parties=" + cap(count(named), 2));
    out.push_back("e:headline_parties=" + cap(count(named_in_headline), 2));

    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace rumorwatch
