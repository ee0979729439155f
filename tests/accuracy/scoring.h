/// \file
/// Scoring a run against the labels: per-article rows and the figures of each stage.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "tests/accuracy/labels.h"
#include "tests/accuracy/observation.h"
#include "tests/accuracy/text_metrics.h"

namespace rumorwatch::accuracy {

/// A count of right answers out of a total.
struct Rate {
    long correct = 0;
    long total = 0;
    /// correct / total; 0 when there is nothing to count.
    double value() const { return total ? static_cast<double>(correct) / static_cast<double>(total) : 0.0; }
    void add(bool ok) {
        ++total;
        if (ok) ++correct;
    }
};

/// Rows are expected status, columns the status got, both in kAllStatuses order.
using ConfusionMatrix = std::array<std::array<long, std::size(kAllStatuses)>, std::size(kAllStatuses)>;

/// Position of a status in kAllStatuses.
std::size_t status_index(RumorStatus status);

/// How one labeled article came out.
struct ArticleRow {
    const Label* label = nullptr;
    MatchKind match = MatchKind::missing;
    /// Matched only through its canonical URL to a document that is another labeled page
    /// (a syndicated copy folded into its original): judged on canonical URL, status and
    /// grouping only, since the stored page is not this one.
    bool folded = false;
    std::string note;

    std::string title;
    bool title_ok = false;
    std::string published_day; ///< in the outlet's zone; empty when no date was found
    std::string published_source;
    bool published_reliable = false;
    bool published_ok = false;
    std::string language;
    bool language_ok = false;
    std::string canonical_url;
    bool canonical_ok = false;
    std::optional<F1Score> token; ///< only for labels with a text
    std::optional<F1Score> shingle;
    std::string text_source;

    std::optional<RumorStatus> status; ///< after the first crawl
    std::string evidence;
    std::string cue;
    std::string attribution;
    bool status_ok = false;
    std::optional<RumorStatus> status2; ///< after the second crawl
    std::string evidence2;
    bool status2_ok = false;
    int versions2 = 0; ///< earlier versions the index kept after the second crawl

    std::string near_dup_group;
};

/// Pairwise near-duplicate figures over every pair of labeled articles.
struct PairScores {
    long true_positives = 0;
    long false_positives = 0;
    long false_negatives = 0;
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    std::vector<std::pair<std::string, std::string>> wrong_pairs; ///< grouped, should not be
    std::vector<std::pair<std::string, std::string>> missed_pairs; ///< not grouped, should be
    /// SimHash Hamming distance of each wrong / missed pair's texts (the crawler's measure,
    /// crawler/dedup.h), -1 when unknown: tells a threshold problem from a text problem.
    std::vector<int> wrong_distances;
    std::vector<int> missed_distances;
    int max_distance = -1; ///< the crawler's grouping threshold in bits, -1 when unknown
    /// The closest pair of articles the labels keep apart, by SimHash distance (-1 unknown):
    /// how far the threshold could rise before it groups unrelated articles.
    int closest_unrelated_distance = -1;
    std::pair<std::string, std::string> closest_unrelated;
};

/// Every figure of one run.
struct Scores {
    std::string mode;
    std::vector<ArticleRow> rows; ///< one per label, in label order

    Rate found;
    Rate title;
    Rate published;
    Rate language;
    Rate canonical;
    long folded = 0;
    long texts = 0; ///< labeled texts scored
    double token_f1 = 0, token_precision = 0, token_recall = 0;
    double shingle_f1 = 0;
    std::map<std::string, Rate> published_by_source; ///< "json-ld", "url", "(none)", ...

    bool has_analysis = false;
    Rate status;        ///< first crawl, every label against `status`
    Rate status2;       ///< second crawl, every label against `status_phase2` or `status`
    Rate edited;        ///< second crawl, only the labels with a `status_phase2`
    ConfusionMatrix confusion{};  ///< first crawl
    ConfusionMatrix confusion2{}; ///< second crawl

    bool has_near_dups = false;
    PairScores pairs;
};

/// Compares a run with the labels.
Scores score_run(const AnswerKey& key, const RunResult& run);

/// "YYYY-MM-DD" of `t` in the IANA zone `zone` (UTC when the zone is unknown).
std::string local_day(Timestamp t, const std::string& zone);

/// The figures a threshold can name, by name (see thresholds.json). Figures a run could
/// not measure (no analysis, no near-duplicate groups) are absent.
std::map<std::string, double> figures_of(const Scores& scores);

} // namespace rumorwatch::accuracy
