/// \file
/// decide_article_status: weighted best mention, confidence from its margin over the rest.
#include "parser/analysis/article_status.h"

#include <algorithm>
#include <vector>

namespace rumorwatch {
namespace {

constexpr double kBackgroundWeight = 0.35;
constexpr double kBareWeight = 0.5;

double status_weight(RumorStatus s) {
    switch (s) {
    case RumorStatus::cancelled: return 1.0;
    case RumorStatus::denied: return 0.95;
    case RumorStatus::confirmed: return 0.95;
    case RumorStatus::stalled: return 0.9;
    case RumorStatus::partially_confirmed: return 0.9;
    case RumorStatus::reported: return 0.7;
    case RumorStatus::speculation: return 0.45;
    case RumorStatus::mentioned: return 0.1;
    case RumorStatus::none: return 0.0;
    }
    return 0.0;
}

double place_weight(const MentionPlace& p, bool generic) {
    if (p.in_headline) return generic ? 2.2 : 1.5;
    if (p.ordinal <= 1) return generic ? 1.2 : 1.3;
    if (p.ordinal <= 4) return generic ? 0.9 : 1.1;
    if (p.ordinal <= 14) return generic ? 0.8 : 1.0;
    return generic ? 0.7 : 0.9;
}

/// A confirmation by one party ("Apple confirms Alibaba will power its AI") and one by both
/// ("Apple and Alibaba announced in a joint statement") do not compete: the second completes
/// the first. Headlines name one confirmer for brevity, so a close full confirmation in the
/// news (not a recap) is preferred.
std::size_t completed_confirmation(const RumorAnalysis& r, std::span<const MentionPlace> places,
                                   const std::vector<double>& score, std::size_t best) {
    constexpr double kCloseEnough = 0.6;
    if (r.mentions[best].status != RumorStatus::partially_confirmed) return best;
    std::size_t pick = best;
    for (std::size_t i = 0; i < score.size(); ++i) {
        const Mention& m = r.mentions[i];
        if (m.status != RumorStatus::confirmed || m.background || !places[i].full_confirmation) continue;
        if (score[i] < kCloseEnough * score[best]) continue;
        if (pick == best || score[i] > score[pick]) pick = i;
    }
    return pick;
}

} // namespace

void decide_article_status(RumorAnalysis& r, std::span<const MentionPlace> places, bool generic) {
    if (r.mentions.empty()) return;
    std::vector<double> score(r.mentions.size());
    for (std::size_t i = 0; i < r.mentions.size(); ++i) {
        const Mention& m = r.mentions[i];
        score[i] = status_weight(m.status) * (0.5 + 0.5 * m.confidence) * place_weight(places[i], generic) *
                   (m.background ? kBackgroundWeight : 1.0) * (places[i].bare ? kBareWeight : 1.0);
    }
    std::size_t best = 0;
    for (std::size_t i = 1; i < score.size(); ++i)
        if (score[i] > score[best]) best = i;
    best = completed_confirmation(r, places, score, best);
    double rival = 0.0, support = 0.0;
    for (std::size_t i = 0; i < score.size(); ++i) {
        if (i == best) continue;
        if (r.mentions[i].status == r.mentions[best].status) support = std::max(support, score[i]);
        else rival = std::max(rival, score[i]);
    }
    const double margin = score[best] > 0 ? (score[best] - rival) / score[best] : 0.0;
    const Mention& m = r.mentions[best];
    double confidence = 0.25 + 0.45 * m.confidence + 0.2 * margin + (support > 0 ? 0.1 : 0.0);
    if (m.background) confidence -= 0.1;
    r.status = m.status;
    r.confidence = std::clamp(confidence, 0.05, 0.99);
    r.evidence = best;
}

} // namespace rumorwatch
