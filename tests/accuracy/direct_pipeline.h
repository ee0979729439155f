/// \file
/// The fast path (`--direct`): the demo world's files read from disk and put through the
/// parser stages (decode, extract, analyze) without a server, a crawl or an index.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "parser/analysis/analysis.h"
#include "tests/accuracy/labels.h"
#include "tests/accuracy/observation.h"

namespace rumorwatch::accuracy {

/// Reads each labeled article's file from `demo_dir`/site (and `demo_dir`/phase2 when the
/// file differs there), with the Content-Type a server would send (site/_headers.json, else
/// from the extension), and runs decode_to_utf8, extract_article with the outlet's hints and,
/// when `topic` is given, analyze_article. Near-duplicate groups come from the crawler's
/// NearDupIndex over the extracted texts when the crawler library has one.
/// @throws InputError when a labeled URL maps to no file.
RunResult run_direct(const AnswerKey& key, const std::string& demo_dir, const std::optional<Topic>& topic);

} // namespace rumorwatch::accuracy
