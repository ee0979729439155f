/// \file
/// What one run of the pipeline produced for each labeled article, before any scoring.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parser/core/core.h"

namespace rumorwatch::accuracy {

/// How a labeled article was found in the pipeline's output.
enum class MatchKind {
    missing,   ///< nothing stored for its URL or canonical URL
    url,       ///< a stored article fetched from the label's URL
    canonical, ///< only an article filed under the label's canonical URL (a copy folded
               ///< into its original, or an article stored under another URL)
};

/// The pipeline's result for one phase of one article.
struct PhaseResult {
    Article article;
    RumorAnalysis analysis;
    std::string near_dup_group; ///< empty when the stage gave none
    std::string stored_id;      ///< the index's document id (crawl runs), to tell shared documents
    int versions = 0;           ///< earlier versions kept in the index (crawl runs)
};

/// The pipeline's result for one labeled article.
struct Observation {
    MatchKind match = MatchKind::missing;
    std::optional<PhaseResult> phase1;
    std::optional<PhaseResult> phase2; ///< after the second crawl; empty when not seen again
    std::string note;                  ///< why it is missing, or what happened, for people
};

/// A whole run: one observation per label (same order as AnswerKey::labels).
struct RunResult {
    std::string mode;                      ///< "crawl" or "direct"
    std::vector<Observation> observations;
    std::vector<std::string> unlabeled;    ///< stored articles no label accounts for (URLs)
    bool has_analysis = false;             ///< a topic was available and status was judged
    bool has_near_dups = false;            ///< the run assigned near-duplicate groups
    long long documents_phase1 = 0;        ///< stored documents after each crawl
    long long documents_phase2 = 0;
    double seconds_phase1 = 0;
    double seconds_phase2 = 0;
    std::map<std::string, long long> crawl_counts; ///< summed OutletSummary fields, by name
};

} // namespace rumorwatch::accuracy
