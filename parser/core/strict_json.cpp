#include "parser/core/strict_json.h"

#include <set>

#include <nlohmann/json.hpp>

#include "parser/core/errors.h"

namespace rumorwatch {
namespace {

using nlohmann::json;

/// The parser callback that refuses an object naming one key twice.
class DuplicateKeyCheck {
public:
    explicit DuplicateKeyCheck(const std::string& file) : file_(file) {}
    bool operator()(int depth, json::parse_event_t event, json& parsed) {
        using Event = json::parse_event_t;
        const auto level = static_cast<std::size_t>(depth);
        if (event == Event::object_start) {
            if (keys_.size() <= level) keys_.resize(level + 1);
            keys_[level].clear();
        } else if (event == Event::key && level >= 1 && level - 1 < keys_.size()) {
            const std::string& key = parsed.get_ref<const std::string&>();
            if (!keys_[level - 1].insert(key).second)
                throw ConfigError(file_ + ": field \"" + key + "\": appears twice in one object");
        }
        return true;
    }

private:
    std::string file_;
    std::vector<std::set<std::string>> keys_; ///< keys seen so far, per open object depth
};

} // namespace

std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

json parse_config_json(std::string_view text, const std::string& file) {
    json root;
    try {
        root = json::parse(text, DuplicateKeyCheck(file));
    } catch (const json::parse_error& e) {
        // e.byte is 1-based and points just past the offending character.
        const auto [line, column] = line_and_column(text, e.byte > 0 ? e.byte - 1 : 0);
        std::string what = e.what();
        if (auto p = what.find("parse error"); p != std::string::npos) what = what.substr(p);
        throw ConfigError(file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": syntax error: " + what);
    }
    if (!root.is_object()) throw ConfigError(file + ": expected a JSON object at the top level");
    return root;
}

void fail_field(std::string_view where, std::string_view field, std::string_view problem) {
    throw ConfigError(std::string(where) + "field \"" + std::string(field) + "\": " + std::string(problem));
}

FieldReader::FieldReader(const json& object, std::string where, std::string path)
    : object_(object), where_(std::move(where)), path_(std::move(path)) {}

std::string FieldReader::path_of(std::string_view field) const {
    return path_.empty() ? std::string(field) : path_ + "." + std::string(field);
}

void FieldReader::fail(std::string_view field, std::string_view problem) const {
    fail_field(where_, path_of(field), problem);
}

void FieldReader::reject_unknown(std::initializer_list<std::string_view> known) const {
    for (const auto& [key, value] : object_.items()) {
        bool found = false;
        for (auto k : known) found = found || k == key;
        if (!found) fail(key, "unknown field (a typo?)");
    }
}

const json* FieldReader::get(std::string_view field, bool required) const {
    const auto it = object_.find(std::string(field));
    if (it == object_.end()) {
        if (required) fail(field, "is required");
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> FieldReader::string(std::string_view field, bool required) const {
    const json* v = get(field, required);
    if (!v) return std::nullopt;
    if (!v->is_string()) fail(field, "expected a string");
    return v->get<std::string>();
}

std::vector<std::string> FieldReader::strings(std::string_view field) const {
    const json* v = get(field, false);
    if (!v) return {};
    if (!v->is_array()) fail(field, "expected an array of strings");
    std::vector<std::string> out;
    for (const auto& item : *v) {
        if (!item.is_string()) fail(field, "expected an array of strings");
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::optional<int> FieldReader::integer(std::string_view field, int min, int max) const {
    const json* v = get(field, false);
    if (!v) return std::nullopt;
    if (!v->is_number_integer()) fail(field, "expected a whole number");
    const auto n = v->get<long long>();
    if (n < min || n > max) fail(field, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return static_cast<int>(n);
}

} // namespace rumorwatch
