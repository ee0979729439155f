/// \file
/// The learned part of the status decision: a linear model over status_features, trained
/// with LIBLINEAR (`make train`, tests/accuracy/train/) and built into the binary from
/// parser/analysis/data/status_model.tsv.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parser/core/core.h"

namespace rumorwatch {

/// One-vs-rest logistic regression over named binary features. Immutable after
/// construction; `score` may run concurrently.
class StatusModel {
public:
    static constexpr std::size_t kClasses = std::size(kAllStatuses);

    /// Reads the model text (parser/analysis/data/status_model.tsv's format: `#` comments, a
    /// `classes` line naming statuses, then `feature<TAB>weight per class` lines, the
    /// intercept as feature `__bias__`). @throws Error when the text is malformed.
    explicit StatusModel(std::string_view text);

    /// The model built into the binary, or null when the built-in file holds no model.
    static const StatusModel* builtin();

    /// Class probabilities (normalised one-vs-rest logistic outputs) for a feature set.
    struct Scores {
        std::array<double, kClasses> probability{};
        RumorStatus best = RumorStatus::none;
        double confidence = 0.0; ///< probability of `best`
    };
    Scores score(const std::vector<std::string>& features) const;

    /// How many features carry weights.
    std::size_t size() const { return weights_.size(); }

private:
    std::array<RumorStatus, kClasses> classes_{};
    std::size_t class_count_ = 0;
    std::array<float, kClasses> bias_{};
    std::unordered_map<std::string, std::array<float, kClasses>> weights_;
};

} // namespace rumorwatch
