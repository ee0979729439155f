/// \file
/// Placeholder topic loader (issue: rumor analysis).
#include "parser/topic.h"

#include "parser/errors.h"

namespace rumorwatch {

Topic parse_topic(std::string_view text, const std::string& file) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw ConfigError(file + ": syntax error: " + e.what());
    }
    Topic t;
    t.id = j.value("id", "");
    if (t.id.empty()) throw ConfigError(file + ": field \"id\": is required");
    return t;
}

} // namespace rumorwatch
