/// \file
/// Article -> what it says about a topic: mentions, their status and evidence.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/core/core.h"
#include "parser/analysis/topic.h"

namespace rumorwatch {

/// Finds the mentions of `topic` in the article's title and text and the status the
/// article asserts as news. Mention offsets point into `article.text`, or into
/// `article.title` for the mention with `in_headline` set. Pure and thread-safe (the
/// compiled topic is cached per thread).
RumorAnalysis analyze_article(const Article& article, const Topic& topic);

/// Judges a headline and body. With `topic` null the entity gate is off (the stance of
/// the text toward its main claim, for `classify --generic`). The learned model decides.
RumorAnalysis classify_text(std::string_view headline, std::string_view body, const Topic* topic);

/// As above, with the claim the text is judged against (generic mode; ignored with a topic).
RumorAnalysis classify_text(std::string_view headline, std::string_view body, const Topic* topic,
                            std::string_view claim);

/// A topic (or generic mode) compiled once for many texts: what analyze_article and
/// classify_text use underneath, for callers that hold on to it (the crawler, `classify`).
/// Copies share the compiled tables. Thread-safety: const members may run concurrently.
class Analyzer {
public:
    /// Who decides an article's status in topic mode.
    enum class Decision {
        learned, ///< the rules find and judge mentions; the built-in learned model decides
        rules,   ///< the rules alone (their own tests; the model's `rule=` feature)
    };

    /// Generic mode: no topic, no entity gate (the rules decide).
    Analyzer();
    /// Topic mode.
    explicit Analyzer(const Topic& topic, Decision decision = Decision::learned);

    /// See analyze_article.
    RumorAnalysis analyze(const Article& article) const;

    /// Judges `headline` and `body`; `published` (if known) tells recaps from news; `claim`
    /// (generic mode) is what the stance is taken toward.
    RumorAnalysis classify(std::string_view headline, std::string_view body,
                           std::optional<std::chrono::year_month_day> published = std::nullopt,
                           std::string_view claim = {}) const;

    /// What the learned status model reads of a text (topic mode; empty in generic mode):
    /// for `classify --features` and `make train`.
    std::vector<std::string> status_features(std::string_view headline, std::string_view body) const;

    /// The topic, or null in generic mode.
    const Topic* topic() const;

private:
    struct Impl;
    std::shared_ptr<const Impl> impl_;
};

} // namespace rumorwatch
