/// \file
/// read_sentences and select_mentions: entity hits, reference resolution and the gate.
#include "parser/mentions.h"

#include <algorithm>

#include "parser/negation.h"

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
    std::vector<int> all_parties;
    if (topic)
        for (std::size_t i = 0; i < topic->entities.size(); ++i)
            if (topic->entities[i].party) all_parties.push_back(static_cast<int>(i));
    for (auto& f : out) {
        lexicon.scan(f.text, f.hits);
        f.party_before = last_party;
        for (const auto& h : f.hits) {
            switch (h.kind) {
            case CueKind::entity:
                f.entities.push_back(h.entity);
                if (topic && topic->entities[h.entity].party) {
                    f.parties.push_back(h.entity);
                    last_party = h.entity;
                }
                if (f.party_before < 0 && topic && topic->entities[h.entity].party) f.party_before = h.entity;
                break;
            case CueKind::party_ref:
                if (last_party >= 0) {
                    f.entities.push_back(last_party);
                    f.parties.push_back(last_party);
                }
                break;
            case CueKind::all_parties_ref:
            case CueKind::neither_party:
                f.entities.insert(f.entities.end(), all_parties.begin(), all_parties.end());
                f.parties.insert(f.parties.end(), all_parties.begin(), all_parties.end());
                break;
            case CueKind::deal_ref: f.deal_ref = true; [[fallthrough]];
            case CueKind::deal:
            case CueKind::joint_announcement: f.deal = true; break;
            default:
                if (is_statement(h.kind)) f.statement = true;
                break;
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
    std::vector<bool> out = direct;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        if (out[i]) continue;
        const auto& f = sentences[i];
        if (!f.statement || f.in_headline) continue;
        // Without a party, only "the deal" itself can refer back to the news next door; a
        // topic deal term alone ("AI features") could be about anything.
        if (f.parties.empty() && !f.deal_ref) continue;
        // A neighbour in the body (the headline is no neighbour of the first sentence).
        const bool before = i > 0 && direct[i - 1] && !sentences[i - 1].in_headline;
        const bool after = i + 1 < sentences.size() && direct[i + 1];
        const bool near = i > 1 && direct[i - 2] && !sentences[i - 2].in_headline && f.deal_ref;
        if (before || after || near) out[i] = true;
    }
    return out;
}

} // namespace rumorwatch
