/// \file
/// The accuracy report for people (tables on a terminal) and for tools (--json).
#pragma once

#include <iosfwd>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/accuracy/observation.h"
#include "tests/accuracy/scoring.h"
#include "tests/accuracy/sentence_table.h"

namespace rumorwatch::accuracy {

/// Everything the report says.
struct Report {
    const RunResult* run = nullptr;
    const Scores* scores = nullptr;
    const SentenceScores* sentences = nullptr;
    std::string demo_dir;
    std::size_t worst = 10; ///< how many of the worst main-text pages to list
};

/// Every figure by name (figures_of plus the sentence table's), for thresholds and JSON.
std::map<std::string, double> all_figures(const Report& report);

/// The tables and lists, web text escaped for the terminal.
void print_report(const Report& report, std::ostream& out);

/// All figures, per-article rows and the lists, as one JSON document.
nlohmann::json report_json(const Report& report);

} // namespace rumorwatch::accuracy
