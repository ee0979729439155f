/// \file
/// Running the labeled sentence table through the `classify` command.
#include "tests/accuracy/sentence_table.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "query/cli/cli.h"

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
    std::string id; ///< "file:id", unique across files
    std::string mode;
    std::string group; ///< "en/topic:apple-alibaba", for the per-group figures
    std::string expected;
    std::string text;
    std::string note;
    nlohmann::json input; ///< the line `classify` reads
};

std::string string_field(const nlohmann::json& j, const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

/// Runs `classify` with `args` over `cases`; answers by id. Sets `error` when it fails.
std::map<std::string, nlohmann::json> classify(const std::vector<std::string>& args, const std::vector<const Case*>& cases,
                                               std::string& error) {
    std::ostringstream input;
    for (const Case* c : cases) input << c->input.dump() << '\n';
    std::istringstream in(input.str());
    std::ostringstream out, err;
    Io io{in, out, err, false};
    std::map<std::string, nlohmann::json> answers;
    if (const int code = run_cli(args, io); code != 0) {
        error = "classify exited with " + std::to_string(code) + ": " + err.str();
        return answers;
    }
    std::istringstream lines(out.str());
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty()) continue;
        try {
            nlohmann::json j = nlohmann::json::parse(line);
            const std::string id = string_field(j, "id"); // before the move below
            answers[id] = std::move(j);
        } catch (const nlohmann::json::parse_error&) {
            error = "classify wrote a line that is not JSON: " + line.substr(0, 80);
        }
    }
    return answers;
}

std::vector<Case> read_cases(const std::vector<fs::path>& files, long& skipped) {
    std::vector<Case> cases;
    for (const fs::path& path : files) {
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
            c.expected = string_field(j, "expected");
            c.text = string_field(j, "text");
            const std::string mode = string_field(j, "mode");
            if (mode == "topic" && !string_field(j, "topic").empty())
                c.mode = "topic:" + string_field(j, "topic");
            else if (mode == "generic")
                c.mode = "generic";
            if (c.expected.empty() || c.mode.empty() || !status_from_string(c.expected)) {
                ++skipped;
                continue;
            }
            const std::string id = string_field(j, "id");
            c.id = path.filename().string() + ":" + (id.empty() ? std::to_string(number) : id);
            c.note = string_field(j, "note");
            c.group = (string_field(j, "lang").empty() ? "?" : string_field(j, "lang")) + "/" + c.mode;
            c.input = {{"id", c.id}};
            if (j.value("headline", false)) {
                c.input["headline"] = c.text;
                c.input["body"] = "";
            } else {
                c.input["text"] = c.text;
            }
            if (!string_field(j, "claim").empty()) c.input["claim"] = string_field(j, "claim");
            cases.push_back(std::move(c));
        }
    }
    return cases;
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

SentenceScores score_sentence_table(const std::string& data_dir, const std::string& topics_dir) {
    SentenceScores scores;
    std::vector<fs::path> files;
    if (fs::is_directory(data_dir))
        for (const auto& entry : fs::directory_iterator(data_dir))
            if (entry.is_regular_file() && entry.path().extension() == ".jsonl") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        scores.note = "no labeled sentence table (*.jsonl) in " + data_dir;
        return scores;
    }
    for (const auto& f : files) scores.files.push_back(f.filename().string());

    long skipped = 0;
    const std::vector<Case> cases = read_cases(files, skipped);
    std::map<std::string, std::vector<const Case*>> groups;
    for (const Case& c : cases) groups[c.mode].push_back(&c);

    std::map<std::string, nlohmann::json> answers;
    for (const auto& [mode, group] : groups) {
        std::vector<std::string> args{"classify"};
        if (mode == "generic") {
            args.push_back("--generic");
        } else {
            const fs::path topic = fs::path(topics_dir) / (mode.substr(6) + ".json");
            if (!fs::exists(topic)) {
                skipped += static_cast<long>(group.size());
                continue;
            }
            args.insert(args.end(), {"--topic", topic.string()});
        }
        std::string error;
        auto got = classify(args, group, error);
        if (!error.empty()) {
            scores.note = error;
            return scores;
        }
        answers.merge(got);
    }
    if (skipped) scores.note = std::to_string(skipped) + " lines skipped (no expected status, mode or topic file)";
    scores.available = !answers.empty();

    for (const Case& c : cases) {
        const auto it = answers.find(c.id);
        if (it == answers.end()) continue;
        const std::string got = string_field(it->second, "status");
        const RumorStatus expected = *status_from_string(c.expected);
        const auto actual = status_from_string(got);
        const bool ok = actual == expected;
        scores.all.add(ok);
        scores.by_group[c.group].add(ok);
        scores.confusion[status_index(expected)][status_index(actual.value_or(RumorStatus::none))]++;
        if (c.mode == "generic") {
            scores.has_generic = true;
            scores.stance_confusion[stance_index(stance_of(expected))]
                                   [stance_index(actual ? stance_of(*actual) : "observing")]++;
        }
        if (!ok)
            scores.misses.push_back({c.id, c.mode, c.expected, got.empty() ? "(no answer)" : got, c.text,
                                     string_field(it->second, "cue"), c.note});
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
