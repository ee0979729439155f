/// \file
/// The analysis driver: sentences -> facts -> mentions -> judgements -> article status.
#include "parser/analysis/analyze.h"

#include <algorithm>
#include <cctype>
#include <list>

#include "parser/core/core.h"
#include "parser/analysis/article_status.h"
#include "parser/analysis/background.h"
#include "parser/analysis/cues.h"
#include "parser/analysis/mentions.h"
#include "parser/analysis/status_features.h"
#include "parser/analysis/status_model.h"
#include "parser/analysis/status_rules.h"

namespace rumorwatch {
namespace {

constexpr double kNoneConfidence = 0.9;
constexpr double kMentionedConfidence = 0.6;

// Generic mode: how much of the claim's content a body sentence must share to count, and to
// count fully.
constexpr double kMinimumOverlap = 0.15;
constexpr double kStrongOverlap = 0.3;

/// Content words of a text: lower-cased Latin words of four letters or more that are not
/// function words, and Chinese character pairs.
std::vector<std::string> content_words(std::string_view text) {
    static const std::vector<std::string_view> kStop = {
        "that", "this", "with", "from", "have", "been", "will", "would", "could", "says", "said",
        "about", "after", "their", "there", "they", "what", "when", "which", "into", "over", "more",
        "than", "them", "were", "report", "reports", "reportedly", "news", "just", "also"};
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (std::isalnum(c)) {
            std::size_t e = i;
            while (e < text.size() && std::isalnum(static_cast<unsigned char>(text[e]))) ++e;
            std::string w = text::to_lower_ascii(text.substr(i, e - i));
            if (w.size() >= 4 && std::find(kStop.begin(), kStop.end(), w) == kStop.end()) out.push_back(w);
            i = e;
        } else if (c >= 0xE4 && c <= 0xE9 && i + 6 <= text.size() &&
                   static_cast<unsigned char>(text[i + 3]) >= 0xE4 && static_cast<unsigned char>(text[i + 3]) <= 0xE9) {
            out.emplace_back(text.substr(i, 6)); // a pair of CJK ideographs
            i += 3;
        } else {
            ++i;
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

/// Share of `about` found in `sentence`.
double overlap_with(std::string_view sentence, const std::vector<std::string>& about) {
    if (about.empty()) return 1.0;
    const auto words = content_words(sentence);
    std::size_t shared = 0;
    for (const auto& w : about) shared += std::binary_search(words.begin(), words.end(), w);
    return double(shared) / about.size();
}

/// Cues that state something about a deal by themselves (not hedges, not deal words).
bool is_explicit(CueKind k) {
    switch (k) {
    case CueKind::confirm:
    case CueKind::approve:
    case CueKind::announce:
    case CueKind::joint_announcement:
    case CueKind::deny:
    case CueKind::deny_after:
    case CueKind::stall:
    case CueKind::review:
    case CueKind::cancel:
    case CueKind::resume:
    case CueKind::no_comment: return true;
    default: return false;
    }
}

/// Sets the article's status to the model's and picks its evidence: the first mention of
/// that status that is news (mentions run in text order, headline first), else the first
/// of that status, else the first news mention. `none` has no evidence.
void apply_model_status(RumorAnalysis& r, RumorStatus status, double confidence) {
    r.confidence = confidence;
    if (status == r.status) return; // the rules' evidence stands
    r.status = status;
    r.evidence.reset();
    if (status == RumorStatus::none || r.mentions.empty()) return;
    std::optional<std::size_t> same, same_news, news;
    for (std::size_t i = 0; i < r.mentions.size(); ++i) {
        const Mention& m = r.mentions[i];
        if (m.status == status && !same) same = i;
        if (m.status == status && !m.background && !same_news) same_news = i;
        if (!m.background && !news) news = i;
    }
    r.evidence = same_news ? same_news : same ? same : news ? news : std::optional<std::size_t>(0);
}

} // namespace

struct Analyzer::Impl {
    std::optional<Topic> topic;
    Lexicon lexicon;
    SourceContext sources;
    std::size_t party_count = 0;

    PhraseMatcher frame; ///< the topic's frame phrases; payload: FrameKind
    Analyzer::Decision decision = Analyzer::Decision::learned;

    Impl(const Topic* t, Analyzer::Decision d)
        : topic(t ? std::optional<Topic>(*t) : std::nullopt), lexicon(t), decision(d) {
        if (t) {
            for (const auto& p : t->frame.object) frame.add(p, static_cast<std::uint32_t>(FrameKind::object));
            for (const auto& p : t->frame.other_deals) frame.add(p, static_cast<std::uint32_t>(FrameKind::other_deal));
            for (const auto& p : t->frame.sense_traps) frame.add(p, static_cast<std::uint32_t>(FrameKind::sense_trap));
        }
        frame.compile();
        if (!t) return;
        for (const auto& e : t->entities) {
            sources.is_party.push_back(e.party);
            sources.is_official.push_back(
                std::find(t->official_bodies.begin(), t->official_bodies.end(), e.id) != t->official_bodies.end());
            party_count += e.party ? 1 : 0;
        }
        // Fewer required confirmations than parties: that many make `confirmed`.
        sources.party_count = t->parties_required > 0 ? t->parties_required : static_cast<int>(party_count);
    }

    Mention make_mention(const SentenceFacts& f, const SentenceJudgement& j,
                         std::optional<std::chrono::year_month_day> published) const {
        Mention m;
        m.sentence = std::string(f.text);
        m.begin = f.span.begin;
        m.end = f.span.end;
        m.status = j.status;
        m.confidence = j.strength;
        if (j.cue_end > j.cue_begin) m.cue = std::string(f.text.substr(j.cue_begin, j.cue_end - j.cue_begin));
        if (j.source.kind != SourceKind::none) m.attribution = j.source.text;
        if (topic)
            for (int e : f.entities) m.entities.push_back(topic->entities[e].id);
        m.in_headline = f.in_headline;
        m.background = is_background(f.text, f.hits, j.cue_hit, published);
        return m;
    }

    /// The rules' analysis; `facts` and `judged` receive what the model's features need.
    RumorAnalysis run_rules(std::string_view headline, std::string_view body,
                            std::optional<std::chrono::year_month_day> published,
                            std::vector<SentenceFacts>& facts, std::vector<JudgedMention>& judged) const {
        RumorAnalysis r;
        r.topic_id = topic->id;
        facts = read_sentences(headline, body, lexicon, &*topic);
        std::vector<bool> named(topic->entities.size(), false);
        for (const auto& f : facts)
            for (int e : f.entities) named[e] = true;
        for (std::size_t i = 0; i < named.size(); ++i)
            if (named[i]) r.entities.push_back(topic->entities[i].id);
        // Only a party makes the article about the topic: an article about Baidu alone is not.
        const bool any_party = std::any_of(facts.begin(), facts.end(),
                                           [](const SentenceFacts& f) { return !f.parties.empty(); });
        if (!any_party) {
            r.status = RumorStatus::none;
            r.confidence = kNoneConfidence;
            return r;
        }
        // The project's convention (seeds/demo labels): an article that never names every
        // party is not about the rumor unless it says something explicit about the deal
        // ("Alibaba's chairman confirmed the partnership"); Alibaba's earnings are not.
        std::vector<bool> named_directly(topic->entities.size(), false);
        for (const auto& f : facts)
            for (const auto& h : f.hits)
                if (h.kind == CueKind::entity) named_directly[h.entity] = true;
        bool all_named = true;
        for (std::size_t e = 0; e < topic->entities.size(); ++e)
            if (topic->entities[e].party && !named_directly[e]) all_named = false;

        const auto selected = select_mentions(facts, *topic);
        std::vector<MentionPlace> places;
        for (std::size_t i = 0; i < facts.size(); ++i) {
            if (!selected[i]) continue;
            const auto& f = facts[i];
            RuleContext ctx;
            ctx.sources = sources;
            ctx.sources.last_party = f.party_before;
            ctx.names_all_parties = party_count > 1 && f.parties.size() >= party_count;
            const SentenceJudgement j = judge_sentence(f.text, f.hits, ctx);
            if (!all_named && (j.bare || j.cue_hit < 0 || !is_explicit(f.hits[j.cue_hit].kind))) continue;
            r.mentions.push_back(make_mention(f, j, published));
            // A review in the headline is the news itself; in the body, a step in passing.
            places.push_back({f.in_headline, f.ordinal, j.weak && !f.in_headline, j.full_confirmation});
            judged.push_back({j.status, f.in_headline, f.ordinal, r.mentions.back().background, j.weak,
                              j.source.kind, j.source.parties, j.source.all_parties});
        }
        if (!all_named && r.mentions.empty()) {
            r.status = RumorStatus::none;
            r.confidence = kNoneConfidence - 0.2;
            return r;
        }
        collect_sources(r);
        if (r.mentions.empty() ||
            std::all_of(r.mentions.begin(), r.mentions.end(),
                        [](const Mention& m) { return m.status == RumorStatus::mentioned; })) {
            // The topic's entities, but nothing said about the deal.
            if (r.mentions.empty()) {
                for (const auto& f : facts) {
                    if (f.parties.empty()) continue;
                    SentenceJudgement j;
                    r.mentions.push_back(make_mention(f, j, published));
                    r.mentions.back().background = false;
                    break;
                }
            }
            r.status = RumorStatus::mentioned;
            r.confidence = kMentionedConfidence;
            r.evidence = 0;
            return r;
        }
        decide_article_status(r, places, false);
        return r;
    }

    /// The model's features of an analysed text (see status_features).
    std::vector<std::string> features_from(const std::vector<SentenceFacts>& facts,
                                           const std::vector<JudgedMention>& judged, RumorStatus rule_status) const {
        std::vector<std::vector<FrameHit>> frame_hits(facts.size());
        std::vector<PhraseMatcher::Match> matches;
        for (std::size_t i = 0; i < facts.size(); ++i) {
            matches.clear();
            frame.find(facts[i].text, matches);
            for (const auto& m : matches) frame_hits[i].push_back({m.begin, m.end, static_cast<FrameKind>(m.payload)});
        }
        return rumorwatch::status_features({facts, frame_hits, sources.is_party, judged, rule_status});
    }

    /// The features of the model for a text.
    std::vector<std::string> features_of(std::string_view headline, std::string_view body) const {
        std::vector<SentenceFacts> facts;
        std::vector<JudgedMention> judged;
        const RumorAnalysis r = run_rules(headline, body, std::nullopt, facts, judged);
        return features_from(facts, judged, r.status);
    }

    /// The rules find and judge the mentions; where a party is named, the learned model
    /// (when built in) decides the article's status from them and the words of the lead.
    RumorAnalysis run_topic(std::string_view headline, std::string_view body,
                            std::optional<std::chrono::year_month_day> published) const {
        std::vector<SentenceFacts> facts;
        std::vector<JudgedMention> judged;
        RumorAnalysis r = run_rules(headline, body, published, facts, judged);
        const StatusModel* model = decision == Analyzer::Decision::learned ? StatusModel::builtin() : nullptr;
        // An article that names no party is about another story whatever its words.
        if (!model || std::none_of(r.entities.begin(), r.entities.end(),
                                   [&](const std::string& id) { return is_party_id(id); }))
            return r;
        const auto scores = model->score(features_from(facts, judged, r.status));
        apply_model_status(r, scores.best, scores.confidence);
        return r;
    }

    bool is_party_id(std::string_view id) const {
        for (const auto& e : topic->entities)
            if (e.id == id) return e.party;
        return false;
    }

    RumorAnalysis run_generic(std::string_view headline, std::string_view body,
                              std::optional<std::chrono::year_month_day> published, std::string_view claim) const {
        RumorAnalysis r;
        const auto facts = read_sentences(headline, body, lexicon, nullptr);
        const std::string lowered_claim = text::to_lower_ascii(claim);
        // What the text is about: the given claim, else its headline (or first sentence).
        const auto about = content_words(!claim.empty() ? claim : facts.empty() ? std::string_view{} : facts[0].text);
        std::vector<MentionPlace> places;
        for (std::size_t i = 0; i < facts.size(); ++i) {
            const auto& f = facts[i];
            // The headline (or, without one, the first sentence) states the claim; the rest
            // count when they carry a cue and speak of the same thing.
            const bool lead = i == 0;
            if (!lead && !f.statement) continue;
            const double overlap = lead ? 1.0 : overlap_with(f.text, about);
            if (!lead && overlap < kMinimumOverlap && f.ordinal > 1) continue;
            RuleContext ctx;
            ctx.generic = true;
            ctx.claim = lowered_claim;
            SentenceJudgement j = judge_sentence(f.text, f.hits, ctx);
            if (!lead && (j.bare || j.status == RumorStatus::mentioned)) continue;
            r.mentions.push_back(make_mention(f, j, published));
            places.push_back({f.in_headline || i == 0, f.ordinal, !lead && overlap < kStrongOverlap, j.full_confirmation});
        }
        collect_sources(r);
        if (r.mentions.empty()) {
            r.status = RumorStatus::none;
            r.confidence = 0.0;
            return r;
        }
        decide_article_status(r, places, true);
        return r;
    }

    static void collect_sources(RumorAnalysis& r) {
        for (const auto& m : r.mentions)
            if (!m.attribution.empty() &&
                std::find(r.sources.begin(), r.sources.end(), m.attribution) == r.sources.end())
                r.sources.push_back(m.attribution);
    }
};

Analyzer::Analyzer() : impl_(std::make_shared<const Impl>(nullptr, Decision::rules)) {}
Analyzer::Analyzer(const Topic& topic, Decision decision) : impl_(std::make_shared<const Impl>(&topic, decision)) {}

const Topic* Analyzer::topic() const { return impl_->topic ? &*impl_->topic : nullptr; }

std::vector<std::string> Analyzer::status_features(std::string_view headline, std::string_view body) const {
    if (!impl_->topic) return {};
    return impl_->features_of(headline, body);
}

RumorAnalysis Analyzer::analyze(const Article& article) const {
    std::optional<std::chrono::year_month_day> published;
    if (article.published)
        published = std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(article.published->time)};
    return classify(article.title, article.text, published);
}

RumorAnalysis Analyzer::classify(std::string_view headline, std::string_view body,
                                 std::optional<std::chrono::year_month_day> published, std::string_view claim) const {
    if (impl_->topic) return impl_->run_topic(headline, body, published);
    return impl_->run_generic(headline, body, published, claim);
}

namespace {

/// The compiled topics of this thread, so that repeated calls with the same topic do not
/// rebuild the lexicon. A handful of topics at most; the oldest is dropped.
const Analyzer& cached_analyzer(const Topic* topic) {
    thread_local std::list<Analyzer> cache;
    for (auto it = cache.begin(); it != cache.end(); ++it) {
        const Topic* t = it->topic();
        if ((!t && !topic) || (t && topic && *t == *topic)) {
            cache.splice(cache.begin(), cache, it);
            return cache.front();
        }
    }
    cache.push_front(topic ? Analyzer(*topic) : Analyzer());
    if (cache.size() > 8) cache.pop_back();
    return cache.front();
}

} // namespace

RumorAnalysis analyze_article(const Article& article, const Topic& topic) {
    return cached_analyzer(&topic).analyze(article);
}

RumorAnalysis classify_text(std::string_view headline, std::string_view body, const Topic* topic) {
    return classify_text(headline, body, topic, {});
}

RumorAnalysis classify_text(std::string_view headline, std::string_view body, const Topic* topic,
                            std::string_view claim) {
    return cached_analyzer(topic).classify(headline, body, std::nullopt, claim);
}

} // namespace rumorwatch
