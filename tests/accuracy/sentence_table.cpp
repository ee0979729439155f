/// \file
/// Running the labeled sentence table through the `classify` command.
#include "tests/accuracy/sentence_table.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "query/cli.h"

namespace rumorwatch::accuracy {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStances[] = {"for", "against", "observing"};

std::size_t stance_index(const std::string& stance) {
    for (std::size_t i = 0; i < 3; ++i)
        if (stance == kStances[i]) return i;
    return 2;
}

struct Case {
    std::string file;
    std::string id;
    std::string expected;
    std::string text; ///< for the miss list
    nlohmann::json input;
};

/// The expected label of a line, whichever of the usual names the table uses.
std::string expected_of(const nlohmann::json& line) {
    for (const char* key : {"expected", "expected_status", "status", "label", "stance"})
        if (line.contains(key) && line[key].is_string()) return line[key].get<std::string>();
    return {};
}

bool is_generic(const std::string& file, const nlohmann::json& line, const std::string& expected) {
    if (line.value("generic", false) || line.value("mode", std::string()) == "generic") return true;
    if (expected == "for" || expected == "against" || expected == "observing") return true;
    return file.find("generic") != std::string::npos;
}

/// Runs `classify` with `args` over `cases` and returns status names by id.
std::map<std::string, nlohmann::json> classify(const std::vector<std::string>& args, const std::vector<Case>& cases,
                                               std::string& error) {
    std::ostringstream input_text;
    for (const Case& c : cases) input_text << c.input.dump() << '\n';
    std::istringstream in(input_text.str());
    std::ostringstream out, err;
    Io io{in, out, err, false};
    const int code = run_cli(args, io);
    std::map<std::string, nlohmann::json> results;
    if (code != 0) {
        error = "classify exited with " + std::to_string(code) + ": " + err.str();
        return results;
    }
    std::istringstream lines(out.str());
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty()) continue;
        try {
            nlohmann::json j = nlohmann::json::parse(line);
            if (j.contains("id")) results[j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump()] = j;
        } catch (const nlohmann::json::parse_error&) {
            error = "classify wrote a line that is not JSON: " + line.substr(0, 80);
        }
    }
    return results;
}

} // namespace

std::string stance_of(RumorStatus status) {
    switch (status) {
    case RumorStatus::confirmed:
    case RumorStatus::partially_confirmed: return "for";
    case RumorStatus::denied:
    case RumorStatus::cancelled: return "against";
    default: return "observing";
    }
}

SentenceScores score_sentence_table(const std::string& data_dir, const std::string& topic_path) {
    SentenceScores scores;
    if (!fs::is_directory(data_dir)) {
        scores.note = "no labeled sentence table (" + data_dir + " does not exist yet)";
        return scores;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(data_dir))
        if (entry.is_regular_file() && entry.path().extension() == ".jsonl") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        scores.note = "no *.jsonl table in " + data_dir;
        return scores;
    }
    if (!fs::exists(topic_path)) {
        scores.note = "topic file " + topic_path + " does not exist yet";
        return scores;
    }

    std::vector<Case> topic_cases, generic_cases;
    long skipped = 0;
    for (const fs::path& path : files) {
        const std::string file = path.filename().string();
        scores.files.push_back(file);
        std::ifstream in(path);
        std::string line;
        long number = 0;
        while (std::getline(in, line)) {
            ++number;
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            nlohmann::json j;
            try {
                j = nlohmann::json::parse(line);
            } catch (const nlohmann::json::parse_error&) {
                ++skipped;
                continue;
            }
            Case c;
            c.file = file;
            c.expected = expected_of(j);
            if (!j.is_object() || c.expected.empty()) {
                ++skipped;
                continue;
            }
            c.id = file + ":" + (j.contains("id") ? (j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump())
                                                  : std::to_string(number));
            c.input = nlohmann::json::object();
            c.input["id"] = c.id;
            for (const char* key : {"text", "headline", "body", "claim"})
                if (j.contains(key)) c.input[key] = j[key];
            c.text = j.contains("text") && j["text"].is_string() ? j["text"].get<std::string>()
                                                                  : j.value("headline", std::string());
            (is_generic(file, j, c.expected) ? generic_cases : topic_cases).push_back(std::move(c));
        }
    }
    if (skipped) scores.note = std::to_string(skipped) + " lines without an expected label were skipped";

    std::string error;
    const auto topic_results = classify({"classify", "--topic", topic_path}, topic_cases, error);
    const auto generic_results =
        generic_cases.empty() ? std::map<std::string, nlohmann::json>{} : classify({"classify", "--generic"}, generic_cases, error);
    if (!error.empty()) {
        scores.note = error;
        return scores;
    }
    scores.available = true;

    const auto got_status = [](const std::map<std::string, nlohmann::json>& results, const std::string& id) {
        const auto it = results.find(id);
        if (it == results.end() || !it->second.contains("status") || !it->second["status"].is_string())
            return std::string("(no answer)");
        return it->second["status"].get<std::string>();
    };
    const auto cue_of = [](const std::map<std::string, nlohmann::json>& results, const std::string& id) {
        const auto it = results.find(id);
        return it != results.end() && it->second.contains("cue") && it->second["cue"].is_string()
                   ? it->second["cue"].get<std::string>()
                   : std::string();
    };

    for (const Case& c : topic_cases) {
        const std::string got = got_status(topic_results, c.id);
        const bool ok = got == c.expected;
        scores.topic.add(ok);
        scores.by_file[c.file].add(ok);
        const auto expected = status_from_string(c.expected);
        const auto actual = status_from_string(got);
        if (expected) scores.confusion[status_index(*expected)][status_index(actual.value_or(RumorStatus::none))]++;
        if (!ok) scores.misses.push_back({c.file, c.id, c.expected, got, c.text, cue_of(topic_results, c.id)});
    }
    for (const Case& c : generic_cases) {
        const std::string got_name = got_status(generic_results, c.id);
        const auto got_enum = status_from_string(got_name);
        const std::string got = got_enum ? stance_of(*got_enum) : got_name;
        const auto expected_enum = status_from_string(c.expected);
        const std::string expected = expected_enum ? stance_of(*expected_enum) : c.expected;
        const bool ok = got == expected;
        scores.generic.add(ok);
        scores.by_file[c.file].add(ok);
        scores.stance_confusion[stance_index(expected)][stance_index(got)]++;
        if (!ok) scores.misses.push_back({c.file, c.id, expected, got + " (" + got_name + ")", c.text, cue_of(generic_results, c.id)});
    }
    double f1_sum = 0;
    for (std::size_t k = 0; k < 3; ++k) {
        long tp = scores.stance_confusion[k][k], fp = 0, fn = 0;
        for (std::size_t o = 0; o < 3; ++o) {
            if (o == k) continue;
            fp += scores.stance_confusion[o][k];
            fn += scores.stance_confusion[k][o];
        }
        if (tp) f1_sum += 2.0 * static_cast<double>(tp) / static_cast<double>(2 * tp + fp + fn);
    }
    scores.stance_macro_f1 = f1_sum / 3;
    return scores;
}

} // namespace rumorwatch::accuracy
