/// \file
/// The demo world's answer key (seeds/demo/labels.json) and its outlets, as the report reads them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "parser/core/core.h"

namespace rumorwatch::accuracy {

/// One labeled article (seeds/demo/README.md, "labels.json").
struct Label {
    std::string id;
    std::string outlet;
    std::string url;
    std::string canonical_url;
    std::string title;
    std::string published; ///< "YYYY-MM-DD", the day in the outlet's own time zone
    std::string language;
    RumorStatus status = RumorStatus::none;
    std::optional<RumorStatus> status_phase2; ///< set only for articles edited between phases
    std::string dup_group;                    ///< empty when the article has no copies
    std::string evidence;
    std::string text; ///< the labeled main text; empty when the label has none
    bool has_text = false;
    std::vector<std::string> traps;
};

/// The labels and the outlets they refer to.
struct AnswerKey {
    std::vector<Label> labels;
    std::map<std::string, Outlet> outlets; ///< by outlet id
};

/// Reads `demo_dir`/labels.json (with each labels/text file) and `demo_dir`/outlets.json.
/// @throws InputError or ConfigError naming the file and the field that is wrong.
AnswerKey load_answer_key(const std::string& demo_dir);

} // namespace rumorwatch::accuracy
