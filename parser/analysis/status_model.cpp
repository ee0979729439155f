/// \file
/// StatusModel: reading the model text and scoring a feature set.
#include "parser/analysis/status_model.h"

#include <cmath>
#include <cstdlib>
#include <memory>

#include "parser/analysis/embedded_data.h"
#include "parser/core/core.h"

#ifndef RUMORWATCH_STATUS_MODEL_PATH
#error "RUMORWATCH_STATUS_MODEL_PATH must name parser/analysis/data/status_model.tsv"
#endif
RUMORWATCH_EMBED_FILE(builtin_model_text, rumorwatch_status_model, RUMORWATCH_STATUS_MODEL_PATH)

namespace rumorwatch {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t b = 0;
    while (true) {
        const std::size_t e = line.find('\t', b);
        out.push_back(line.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
        if (e == std::string_view::npos) break;
        b = e + 1;
    }
    return out;
}

float parse_weight(std::string_view s, std::size_t line) {
    const std::string text(s);
    char* end = nullptr;
    const float w = std::strtof(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(w))
        throw Error("status model: line " + std::to_string(line) + ": bad weight \"" + text + "\"");
    return w;
}

} // namespace

StatusModel::StatusModel(std::string_view text) {
    std::size_t number = 0;
    while (!text.empty()) {
        const std::string_view line = take_line(text);
        ++number;
        if (line.empty() || line.front() == '#') continue;
        const auto cells = split_tabs(line);
        if (cells[0] == "classes") {
            if (cells.size() - 1 > kClasses) throw Error("status model: too many classes");
            class_count_ = cells.size() - 1;
            for (std::size_t c = 0; c < class_count_; ++c) {
                const auto s = status_from_string(cells[c + 1]);
                if (!s) throw Error("status model: unknown class \"" + std::string(cells[c + 1]) + "\"");
                classes_[c] = *s;
            }
            continue;
        }
        if (class_count_ == 0) throw Error("status model: line " + std::to_string(number) + ": weights before the classes line");
        if (cells.size() != class_count_ + 1)
            throw Error("status model: line " + std::to_string(number) + ": expected " +
                        std::to_string(class_count_) + " weights");
        std::array<float, kClasses> w{};
        for (std::size_t c = 0; c < class_count_; ++c) w[c] = parse_weight(cells[c + 1], number);
        if (cells[0] == "__bias__") bias_ = w;
        else weights_.emplace(std::string(cells[0]), w);
    }
}

const StatusModel* StatusModel::builtin() {
    static const std::unique_ptr<StatusModel> model = [] {
        auto m = std::make_unique<StatusModel>(builtin_model_text());
        return m->class_count_ == 0 ? nullptr : std::move(m);
    }();
    return model.get();
}

StatusModel::Scores StatusModel::score(const std::vector<std::string>& features) const {
    std::array<double, kClasses> z{};
    for (std::size_t c = 0; c < class_count_; ++c) z[c] = bias_[c];
    for (const auto& f : features) {
        const auto it = weights_.find(f);
        if (it == weights_.end()) continue;
        for (std::size_t c = 0; c < class_count_; ++c) z[c] += it->second[c];
    }
    Scores s;
    std::size_t best = 0;
    for (std::size_t c = 1; c < class_count_; ++c)
        if (z[c] > z[best]) best = c;
    std::array<double, kClasses> p{};
    double total = 0.0;
    for (std::size_t c = 0; c < class_count_; ++c) total += p[c] = 1.0 / (1.0 + std::exp(-z[c]));
    for (std::size_t c = 0; c < class_count_; ++c)
        s.probability[static_cast<std::size_t>(classes_[c])] = total > 0 ? p[c] / total : 0.0;
    s.best = classes_[best];
    s.confidence = s.probability[static_cast<std::size_t>(classes_[best])];
    return s;
}

} // namespace rumorwatch
