/// \file
/// Parsing of the option values the reading commands share.
#include "query/cli/options.h"

#include "index/index.h"
#include "parser/core/core.h"
#include "query/cli/paths.h"

namespace rumorwatch {

Timestamp parse_date_option(const std::string& value, const std::string& option, bool end_of_day) {
    const auto parsed = parse_iso8601(value);
    if (!parsed) {
        // The message `date:` in a query gives for the same value (one parser, one error).
        std::string bad = date_value_error(value);
        if (bad.empty()) bad = "\"" + value + "\" is not a day; expected YYYY-MM-DD (e.g. 2025-02-01)";
        throw InputError(option + ": " + bad);
    }
    const bool day_only = value.find_first_of("Tt ") == std::string::npos;
    return day_only && end_of_day ? *parsed + std::chrono::seconds(86399) : *parsed;
}

RumorStatus parse_status_option(const std::string& value, const std::string& option) {
    if (const auto s = status_from_string(value)) return *s;
    std::string known;
    for (RumorStatus s : kAllStatuses) known += (known.empty() ? "" : ", ") + std::string(to_string(s));
    throw InputError(option + ": unknown status \"" + value + "\" (known: " + known + ")");
}

std::vector<std::string> database_paths(const std::vector<std::string>& given) {
    if (!given.empty()) return given;
    return {default_db_path()};
}

} // namespace rumorwatch
