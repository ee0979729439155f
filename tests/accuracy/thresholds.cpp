/// \file
/// Reading, checking and writing the thresholds file.
#include "tests/accuracy/thresholds.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>

#include <nlohmann/json.hpp>

#include "crawler/crawler.h"
#include "parser/core/core.h"

namespace rumorwatch::accuracy {
namespace {

nlohmann::json read_json(const std::string& path) {
    try {
        return nlohmann::json::parse(read_text_file(path));
    } catch (const nlohmann::json::parse_error& e) {
        throw InputError(path + ": " + e.what());
    }
}

} // namespace

double floor_to_percent(double value) {
    // 0.95 is 0.9499999... in binary: nudge by far less than a percent before flooring.
    return std::floor(value * 100.0 + 1e-9) / 100.0;
}

int check_thresholds(const std::map<std::string, double>& figures, const std::string& path,
                     const std::string& mode, std::ostream& out) {
    const nlohmann::json doc = read_json(path);
    if (!doc.contains(mode) || !doc[mode].is_object())
        throw InputError(path + ": no thresholds for mode \"" + mode + "\"");
    int failures = 0;
    out << "\nthresholds (" << path << ", " << mode << ")\n";
    for (const auto& [name, threshold] : doc[mode].items()) {
        if (!threshold.is_number()) throw InputError(path + ": " + mode + "." + name + " must be a number");
        const double floor = threshold.get<double>();
        const auto it = figures.find(name);
        char buffer[160];
        if (it == figures.end()) {
            std::snprintf(buffer, sizeof buffer, "  %-28s not measured   threshold %.2f  FAIL\n", name.c_str(), floor);
            ++failures;
        } else {
            // Compare at the threshold's own precision, so a figure of exactly the floor passes.
            const bool ok = it->second + 1e-9 >= floor;
            std::snprintf(buffer, sizeof buffer, "  %-28s %.4f         threshold %.2f  %s\n", name.c_str(), it->second,
                          floor, ok ? "ok" : "FAIL");
            if (!ok) ++failures;
        }
        out << buffer;
    }
    return failures;
}

void write_thresholds(const std::map<std::string, double>& figures, const std::string& path,
                      const std::string& mode) {
    nlohmann::json doc = std::filesystem::exists(path) ? read_json(path) : nlohmann::json::object();
    nlohmann::json section = nlohmann::json::object();
    for (const auto& [name, value] : figures) section[name] = floor_to_percent(value);
    doc[mode] = section;
    std::ofstream out(path, std::ios::trunc);
    if (!out) throw InputError(path + ": cannot write");
    out << doc.dump(2) << '\n';
}

} // namespace rumorwatch::accuracy
