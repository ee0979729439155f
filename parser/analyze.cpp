/// \file
/// The analysis driver: sentences -> facts -> mentions -> judgements -> article status.
#include "parser/analyze.h"

#include <algorithm>
#include <list>

#include "parser/article_status.h"
#include "parser/background.h"
#include "parser/cues.h"
#include "parser/mentions.h"
#include "parser/status_rules.h"

namespace rumorwatch {
namespace {

constexpr double kNoneConfidence = 0.9;
constexpr double kMentionedConfidence = 0.6;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace

struct Analyzer::Impl {
    std::optional<Topic> topic;
    Lexicon lexicon;
    SourceContext sources;
    std::size_t party_count = 0;

    explicit Impl(const Topic* t) : topic(t ? std::optional<Topic>(*t) : std::nullopt), lexicon(t) {
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

    RumorAnalysis run_topic(std::string_view headline, std::string_view body,
                            std::optional<std::chrono::year_month_day> published) const {
        RumorAnalysis r;
        r.topic_id = topic->id;
        const auto facts = read_sentences(headline, body, lexicon, &*topic);
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
            r.mentions.push_back(make_mention(f, j, published));
            places.push_back({f.in_headline, f.ordinal});
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

    RumorAnalysis run_generic(std::string_view headline, std::string_view body,
                              std::optional<std::chrono::year_month_day> published, std::string_view claim) const {
        RumorAnalysis r;
        const auto facts = read_sentences(headline, body, lexicon, nullptr);
        const std::string lowered_claim = lower(claim);
        std::vector<MentionPlace> places;
        for (std::size_t i = 0; i < facts.size(); ++i) {
            const auto& f = facts[i];
            // The headline (or, without one, the first sentence) states the claim; the rest
            // count when they carry a cue.
            const bool lead = i == 0;
            if (!lead && !f.statement) continue;
            RuleContext ctx;
            ctx.generic = true;
            ctx.claim = lowered_claim;
            SentenceJudgement j = judge_sentence(f.text, f.hits, ctx);
            if (!lead && (j.bare || j.status == RumorStatus::mentioned)) continue;
            r.mentions.push_back(make_mention(f, j, published));
            places.push_back({f.in_headline || i == 0, f.ordinal});
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

Analyzer::Analyzer() : impl_(std::make_shared<const Impl>(nullptr)) {}
Analyzer::Analyzer(const Topic& topic) : impl_(std::make_shared<const Impl>(&topic)) {}

const Topic* Analyzer::topic() const { return impl_->topic ? &*impl_->topic : nullptr; }

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
