/// \file
/// read_sentences and select_mentions: entity hits, reference resolution and the gate.
#include "parser/analysis/mentions.h"

#include <algorithm>

#include "parser/analysis/clauses.h"
#include "parser/analysis/negation.h"

namespace rumorwatch {
namespace {

std::string_view trim(std::string_view s, std::size_t& offset) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t' || s.front() == '\r')) {
        s.remove_prefix(1);
        ++offset;
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

void sort_unique(std::vector<int>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

} // namespace

std::vector<SentenceFacts> read_sentences(std::string_view headline, std::string_view body,
                                          const Lexicon& lexicon, const Topic* topic) {
    std::vector<SentenceFacts> out;
    std::size_t head_offset = 0;
    const std::string_view head = trim(headline, head_offset);
    // Headlines sometimes arrive with line breaks (kicker, title); keep them one sentence.
    if (!head.empty()) {
        SentenceFacts f;
        f.text = head;
        f.span = {head_offset, head_offset + head.size(), 0};
        f.in_headline = true;
        f.ordinal = -1;
        out.push_back(std::move(f));
    }
    int ordinal = 0;
    for (const auto& span : split_sentences(body)) {
        SentenceFacts f;
        f.text = body.substr(span.begin, span.end - span.begin);
        f.span = span;
        f.ordinal = ordinal++;
        out.push_back(std::move(f));
    }

    int last_party = -1;
    int last_company = -1; // the last party or rival named: what "the company" means
    std::vector<int> all_parties;
    auto is_rival = [&](int e) {
        return topic && !topic->entities[e].party &&
               std::find(topic->official_bodies.begin(), topic->official_bodies.end(), topic->entities[e].id) ==
                   topic->official_bodies.end();
    };
    if (topic)
        for (std::size_t i = 0; i < topic->entities.size(); ++i)
            if (topic->entities[i].party) all_parties.push_back(static_cast<int>(i));
    // A reference resolves only to a party named close by: "both sides" three paragraphs
    // after the last mention of the companies are somebody else.
    constexpr int kReferenceReach = 2;
    int last_party_sentence = -100;
    for (std::size_t index = 0; index < out.size(); ++index) {
        auto& f = out[index];
        const int here = static_cast<int>(index);
        lexicon.scan(f.text, f.hits);
        // At the start of a text ("Both companies declined to comment." alone) a reference
        // can only mean the topic's parties.
        const bool recent = here - last_party_sentence <= kReferenceReach || last_party_sentence < 0;
        f.party_before = recent ? last_party : -1;
        // "the two companies" next to a rival's name are not the topic's parties.
        bool rival = false;
        if (topic)
            for (const auto& h : f.hits)
                if (h.kind == CueKind::entity && is_rival(h.entity)) rival = true;
        std::vector<int> named;
        for (auto& h : f.hits) {
            // "The company", 该公司: the company named last, a party or a rival. The hit becomes
            // that entity's, so the rules downstream see who it is.
            if (h.kind == CueKind::party_ref && topic) {
                f.refers_back = true;
                const int target = last_company >= 0 && (recent || last_party_sentence == here) ? last_company : -1;
                if (target < 0) continue;
                h.kind = CueKind::entity;
                h.entity = static_cast<std::int16_t>(target);
                h.also_deal = false;
                if (is_rival(target)) rival = true;
                f.entities.push_back(target);
                if (topic->entities[target].party) f.parties.push_back(target);
                continue;
            }
            if (h.kind == CueKind::entity && topic && (topic->entities[h.entity].party || is_rival(h.entity)))
                last_company = h.entity;
            switch (h.kind) {
            case CueKind::entity:
                if (h.also_deal) f.deal = true;
                f.entities.push_back(h.entity);
                if (topic && topic->entities[h.entity].party) {
                    if (std::find(f.parties.begin(), f.parties.end(), h.entity) == f.parties.end() &&
                        std::find(named.begin(), named.end(), h.entity) == named.end())
                        named.push_back(h.entity);
                    f.parties.push_back(h.entity);
                    last_party = h.entity;
                    last_party_sentence = here;
                }
                if (f.party_before < 0 && topic && topic->entities[h.entity].party) f.party_before = h.entity;
                break;
            case CueKind::party_ref: f.refers_back = true; break; // generic mode
            case CueKind::all_parties_ref:
            case CueKind::neither_party:
                f.refers_back = true;
                if (rival || !(recent || last_party_sentence == here)) break;
                f.entities.insert(f.entities.end(), all_parties.begin(), all_parties.end());
                f.parties.insert(f.parties.end(), all_parties.begin(), all_parties.end());
                break;
            case CueKind::deal_ref: f.deal_ref = true; [[fallthrough]];
            case CueKind::deal:
            case CueKind::joint_announcement: f.deal = true; break;
            default:
                if (is_statement(h.kind)) f.statement = true;
                if (h.kind == CueKind::talks) f.deal = true; // talks are about some deal
                // Cues that answer or refer back to the news next door: a reply ("declined to
                // comment", "denied"), not a fresh act ("launched") that could be about anything.
                if (h.kind == CueKind::no_comment || h.kind == CueKind::deny || h.kind == CueKind::deny_after ||
                    h.kind == CueKind::confirm || h.kind == CueKind::stall || h.kind == CueKind::review ||
                    h.kind == CueKind::cancel)
                    f.reply = true;
                break;
            }
        }
        f.rival = rival;
        f.named_parties = named.size();
        if (rival && topic) {
            // A party's deal with a rival: both and a deal word or cue in one clause
            // ("Apple scraps planned Baidu tie-up", 苹果终止与百度地图AI合作计划).
            for (const auto& h : f.hits) {
                if (h.kind != CueKind::entity || !is_rival(h.entity)) continue;
                const auto seg = segment_around(f.text, h.begin);
                bool party = false, deal = false;
                std::vector<int> seg_parties;
                for (const auto& g : f.hits) {
                    if (g.begin < seg.first || g.end > seg.second) continue;
                    if (g.kind == CueKind::entity && topic->entities[g.entity].party) {
                        party = true;
                        seg_parties.push_back(g.entity);
                    }
                    if (g.kind == CueKind::deal || g.kind == CueKind::deal_ref || is_statement(g.kind)) deal = true;
                }
                sort_unique(seg_parties);
                if (party && deal && seg_parties.size() < all_parties.size()) f.rival_deal = true;
            }
        }
        sort_unique(f.entities);
        sort_unique(f.parties);
    }
    return out;
}

std::vector<bool> select_mentions(const std::vector<SentenceFacts>& sentences, const Topic& topic) {
    const std::size_t party_count = topic.party_ids().size();
    std::vector<bool> direct(sentences.size(), false);
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        const auto& f = sentences[i];
        const bool all = party_count > 1 && f.parties.size() >= party_count;
        direct[i] = all || (!f.parties.empty() && f.deal);
        // A topic of a single party: its name and a status cue are enough.
        if (party_count == 1 && !f.parties.empty() && f.statement) direct[i] = true;
    }
    // An article about a party's deal with someone else ("Apple scraps planned Baidu tie-up")
    // speaks of that deal until both parties are named together again.
    bool other_deal = false;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        const auto& f = sentences[i];
        // Named, not referred to: "双方" in the Baidu story are Apple and Baidu.
        const bool all = party_count > 1 && f.named_parties >= party_count;
        if (all && f.deal && !f.rival) other_deal = false;
        else if (f.rival_deal) other_deal = true;
        if (other_deal && !all) direct[i] = false;
    }
    std::vector<bool> out = direct;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        if (out[i]) continue;
        const auto& f = sentences[i];
        if (!f.statement || f.in_headline) continue;
        if (!f.reply && !f.refers_back && !f.deal_ref) continue;
        if (f.rival) continue;
        // Without a party, only "the deal" itself can refer back to the news next door; a
        // topic deal term alone ("AI features") could be about anything.
        if (f.parties.empty() && !f.deal_ref) continue;
        // A neighbour: the sentence before (the headline counts for the first sentence) or after.
        const bool before = i > 0 && direct[i - 1];
        const bool after = i + 1 < sentences.size() && direct[i + 1];
        const bool near = i > 1 && direct[i - 2] && !sentences[i - 2].in_headline && f.deal_ref;
        if (before || after || near) out[i] = true;
    }
    return out;
}

} // namespace rumorwatch
