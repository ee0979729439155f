/// \file
/// The analysis engineer's labeled sentence table (tests/parser/data/*.jsonl), run through
/// `rumorwatch classify` and scored like the articles.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "tests/accuracy/scoring.h"

namespace rumorwatch::accuracy {

/// One case the classifier got wrong.
struct SentenceMiss {
    std::string file;
    std::string id;
    std::string expected;
    std::string got;
    std::string text;
    std::string cue;
};

/// The table's figures. Topic cases are scored on the status vocabulary; generic cases
/// (labeled for / against / observing, run with --generic) on that stance.
struct SentenceScores {
    bool available = false;
    std::string note; ///< why not available, or what was skipped
    std::vector<std::string> files;
    Rate topic;
    ConfusionMatrix confusion{};
    Rate generic;
    std::array<std::array<long, 3>, 3> stance_confusion{}; ///< for, against, observing
    double stance_macro_f1 = 0;
    std::map<std::string, Rate> by_file;
    std::vector<SentenceMiss> misses;
};

/// Reads every *.jsonl under `data_dir` (each line an object with "id", "text" or
/// "headline"/"body", optionally "claim", and the expected label in "expected", "status"
/// or "label"), runs the topic cases through `rumorwatch classify --topic topic_path` and the
/// generic ones through `classify --generic`, in process, and compares. Not available (with
/// a note) when the folder has no table or the topic file is missing.
SentenceScores score_sentence_table(const std::string& data_dir, const std::string& topic_path);

/// for / against / observing of a status, as the held-out stance set maps it.
std::string stance_of(RumorStatus status);

} // namespace rumorwatch::accuracy
