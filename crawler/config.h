/// \file
/// Reading an outlets file (README "Configuration reference") into a CrawlConfig, strictly.
#pragma once

#include <string>
#include <string_view>

#include "parser/core/core.h"

namespace rumorwatch {

/// Parses and validates the text of an outlets file. `file` is only used in messages.
/// Unknown keys, missing required fields, wrong types, bad regexes, duplicate ids and
/// unknown enum names are errors.
/// @throws ConfigError "FILE:LINE:COL: syntax error: ..." for malformed JSON, or
///         "FILE: outlet \"ID\": field \"NAME\": ..." for a field that does not validate.
CrawlConfig parse_config(std::string_view text, const std::string& file);

} // namespace rumorwatch
