/// \file
/// The analysis engineer's labeled sentence table (tests/parser/analysis/data/*.jsonl), run through
/// `rumorwatch classify` and scored like the articles.
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "tests/accuracy/scoring.h"

namespace rumorwatch::accuracy {

/// One case the classifier got wrong.
struct SentenceMiss {
    std::string id;   ///< "file:id"
    std::string mode; ///< "topic:apple-alibaba", "generic"
    std::string expected;
    std::string got;
    std::string text;
    std::string cue;
    std::string note; ///< the labeler's note on the case
};

/// The table's figures: every case on the status vocabulary, and the generic cases also on
/// the for / against / observing stance the held-out set scores (macro-F1).
struct SentenceScores {
    bool available = false;
    std::string note; ///< why not available, or what was skipped
    std::vector<std::string> files;
    Rate all;
    ConfusionMatrix confusion{};
    std::map<std::string, Rate> by_group; ///< by "lang/mode", e.g. "zh/topic:apple-alibaba"
    std::array<std::array<long, 3>, 3> stance_confusion{}; ///< generic cases: for, against, observing
    double stance_macro_f1 = 0;
    bool has_generic = false;
    std::vector<SentenceMiss> misses;
};

/// Reads every *.jsonl under `data_dir`: one object per line with "id", "text", "expected"
/// (a status), "mode" ("topic" with "topic": an id of `topics_dir`/ID.json, or "generic"),
/// optionally "headline": true (the text is a headline) and "claim". Runs each group through
/// `rumorwatch classify --topic FILE` or `classify --generic`, in process, and compares. Not
/// available (with a note) when the folder holds no table.
SentenceScores score_sentence_table(const std::string& data_dir, const std::string& topics_dir);

/// for / against / observing of a status, as the held-out stance set maps it.
std::string stance_of(RumorStatus status);

} // namespace rumorwatch::accuracy
