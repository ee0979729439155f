/// \file
/// Option values shared by the reading commands (search, show, stats, timeline): dates,
/// statuses, database lists.
#pragma once

#include <string>
#include <vector>

#include "parser/core/core.h"

namespace rumorwatch {

/// "YYYY-MM-DD" (or a full ISO 8601 time) given to `option`. A bare day means its start,
/// or with `end_of_day` its last second, so `--until 2025-03-01` includes that day.
/// @throws InputError naming the option and the expected form.
Timestamp parse_date_option(const std::string& value, const std::string& option, bool end_of_day);

/// A status name given to `option`. @throws InputError listing the vocabulary.
RumorStatus parse_status_option(const std::string& value, const std::string& option);

/// The --db values, or the default database when none was given.
std::vector<std::string> database_paths(const std::vector<std::string>& given);

} // namespace rumorwatch
