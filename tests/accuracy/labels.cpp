/// \file
/// Loading labels.json strictly: a label the report cannot read is an error, not a skipped row.
#include "tests/accuracy/labels.h"

#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "crawler/crawler.h"
#include "parser/core/core.h"

namespace rumorwatch::accuracy {
namespace {

std::string required_string(const nlohmann::json& entry, const char* field, const std::string& where) {
    if (!entry.contains(field) || !entry[field].is_string())
        throw InputError(where + ": field \"" + field + "\" must be a string");
    return entry[field].get<std::string>();
}

std::string optional_string(const nlohmann::json& entry, const char* field, const std::string& where) {
    if (!entry.contains(field) || entry[field].is_null()) return {};
    if (!entry[field].is_string()) throw InputError(where + ": field \"" + field + "\" must be a string or null");
    return entry[field].get<std::string>();
}

RumorStatus status_field(const std::string& name, const char* field, const std::string& where) {
    const auto status = status_from_string(name);
    if (!status) throw InputError(where + ": field \"" + field + "\": unknown status \"" + name + "\"");
    return *status;
}

} // namespace

AnswerKey load_answer_key(const std::string& demo_dir) {
    namespace fs = std::filesystem;
    AnswerKey key;
    const CrawlConfig config = load_config((fs::path(demo_dir) / "outlets.json").string());
    for (const Outlet& outlet : config.outlets) key.outlets[outlet.id] = outlet;

    const std::string labels_path = (fs::path(demo_dir) / "labels.json").string();
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(read_text_file(labels_path));
    } catch (const nlohmann::json::parse_error& e) {
        throw InputError(labels_path + ": " + e.what());
    }
    if (!doc.contains("articles") || !doc["articles"].is_array())
        throw InputError(labels_path + ": field \"articles\" must be an array");

    std::set<std::string> ids;
    for (const nlohmann::json& entry : doc["articles"]) {
        const std::string where_prefix = labels_path + ": article " + std::to_string(key.labels.size());
        Label label;
        label.id = required_string(entry, "id", where_prefix);
        const std::string where = labels_path + ": article \"" + label.id + "\"";
        if (!ids.insert(label.id).second) throw InputError(where + ": duplicate id");
        label.outlet = required_string(entry, "outlet", where);
        if (!key.outlets.count(label.outlet))
            throw InputError(where + ": field \"outlet\": no outlet \"" + label.outlet + "\" in outlets.json");
        label.url = required_string(entry, "url", where);
        label.canonical_url = required_string(entry, "canonical_url", where);
        label.title = required_string(entry, "title", where);
        label.published = required_string(entry, "published", where);
        label.language = required_string(entry, "language", where);
        label.status = status_field(required_string(entry, "status", where), "status", where);
        const std::string phase2 = optional_string(entry, "status_phase2", where);
        if (!phase2.empty()) label.status_phase2 = status_field(phase2, "status_phase2", where);
        label.dup_group = optional_string(entry, "dup_group", where);
        label.evidence = optional_string(entry, "evidence", where);
        const std::string text_file = optional_string(entry, "text_file", where);
        if (!text_file.empty()) {
            label.text = read_text_file((fs::path(demo_dir) / text_file).string());
            label.has_text = true;
        }
        if (entry.contains("traps") && entry["traps"].is_array())
            for (const auto& trap : entry["traps"])
                if (trap.is_string()) label.traps.push_back(trap.get<std::string>());
        key.labels.push_back(std::move(label));
    }
    return key;
}

} // namespace rumorwatch::accuracy
