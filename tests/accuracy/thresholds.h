/// \file
/// The floor each figure must stay above (tests/accuracy/thresholds.json), per run mode.
#pragma once

#include <iosfwd>
#include <map>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace rumorwatch::accuracy {

/// Compares `figures` with the thresholds of `mode` ("crawl" or "direct") in `path`; prints
/// one line per threshold. A figure the run could not measure fails its threshold.
/// @returns the number of figures below their threshold.
/// @throws InputError when the file cannot be read or is not of the expected shape.
int check_thresholds(const std::map<std::string, double>& figures, const std::string& path,
                     const std::string& mode, std::ostream& out);

/// Writes the figures of `mode`, each rounded down to the percent below (0.9637 -> 0.96),
/// into `path`, keeping the file's other modes.
void write_thresholds(const std::map<std::string, double>& figures, const std::string& path,
                      const std::string& mode);

/// `value` rounded down to two decimals, tolerant of binary fractions (0.95 stays 0.95).
double floor_to_percent(double value);

} // namespace rumorwatch::accuracy
