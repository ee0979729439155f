/// \file
/// The strict topic loader: seeds/topics/*.json -> Topic, with file-and-field errors.
#include "parser/analysis/topic.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <set>

#include <nlohmann/json.hpp>

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

using nlohmann::json;

/// Throws "FILE: field "PATH": PROBLEM".
[[noreturn]] void fail(const std::string& file, const std::string& path, std::string_view problem) {
    fail_field(file + ": ", path, problem);
}

void reject_unknown(const json& object, const std::string& file, const std::string& path,
                    std::initializer_list<std::string_view> known) {
    FieldReader(object, file + ": ", path).reject_unknown(known);
}

const json& require(const json& object, const std::string& file, const std::string& path,
                    std::string_view key) {
    return *FieldReader(object, file + ": ", path).get(key, true);
}

std::string non_empty_string(const json& value, const std::string& file, const std::string& path) {
    if (!value.is_string()) fail(file, path, "expected a string");
    std::string s = value.get<std::string>();
    if (s.find_first_not_of(" \t\r\n") == std::string::npos) fail(file, path, "must not be empty");
    if (s.find_first_of("\r\n\t") != std::string::npos) fail(file, path, "must be one line");
    return s;
}

bool is_language_tag(std::string_view tag) {
    if (tag.size() < 2 || tag.size() > 3) return false;
    return std::all_of(tag.begin(), tag.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

/// {"en": ["..."], "zh": ["..."]}: at least one language, each with at least one phrase.
PhrasesByLanguage phrases_by_language(const json& value, const std::string& file,
                                      const std::string& path) {
    if (!value.is_object() || value.empty())
        fail(file, path, "expected an object of language -> array of phrases, e.g. {\"en\": [\"...\"]}");
    PhrasesByLanguage out;
    for (const auto& [language, list] : value.items()) {
        const std::string here = path + "." + language;
        if (!is_language_tag(language))
            fail(file, here, "\"" + language + "\" is not a language tag such as \"en\" or \"zh\"");
        // A language without generic cues would load and then never get a status.
        if (language != "en" && language != "zh")
            fail(file, here,
                 "no status analysis for \"" + language +
                     "\" yet (cue lexicons exist for \"en\" and \"zh\": parser/analysis/data/cues.*.tsv)");
        if (!list.is_array() || list.empty()) fail(file, here, "expected a non-empty array of phrases");
        auto& phrases = out[language];
        for (std::size_t i = 0; i < list.size(); ++i)
            phrases.push_back(non_empty_string(list[i], file, here + "[" + std::to_string(i) + "]"));
    }
    return out;
}

std::vector<std::string> flatten(const PhrasesByLanguage& phrases) {
    std::vector<std::string> out;
    for (const auto& [language, list] : phrases) out.insert(out.end(), list.begin(), list.end());
    return out;
}

/// Ids are used as Xapian boolean terms and in URLs: keep them plain.
bool is_plain_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
            return false;
    return std::isalnum(static_cast<unsigned char>(id.front())) != 0;
}

/// Lower-cases ASCII only: aliases are matched case-insensitively, so "Apple" and "apple"
/// in two entities would be the same alias.
std::string fold(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

TopicEntity parse_entity(const json& j, const std::string& file, const std::string& path) {
    if (!j.is_object()) fail(file, path, "expected an object");
    reject_unknown(j, file, path, {"id", "name", "aliases", "party", "products"});
    TopicEntity e;
    e.id = non_empty_string(require(j, file, path, "id"), file, path + ".id");
    if (!is_plain_id(e.id))
        fail(file, path + ".id", "must be 1-64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit");
    e.name = non_empty_string(require(j, file, path, "name"), file, path + ".name");
    const json& party = require(j, file, path, "party");
    if (!party.is_boolean()) fail(file, path + ".party", "expected true or false");
    e.party = party.get<bool>();
    e.aliases_by_language = phrases_by_language(require(j, file, path, "aliases"), file, path + ".aliases");
    e.aliases = flatten(e.aliases_by_language);
    if (const auto it = j.find("products"); it != j.end()) {
        if (!it->is_array()) fail(file, path + ".products", "expected an array of alias lists");
        for (std::size_t i = 0; i < it->size(); ++i) {
            const std::string where = path + ".products[" + std::to_string(i) + "]";
            const json& list = (*it)[i];
            if (!list.is_array() || list.empty()) fail(file, where, "expected a non-empty array of aliases");
            std::vector<std::string> product;
            for (const auto& alias : list) {
                if (!alias.is_string()) fail(file, where, "expected strings");
                const std::string a = alias.get<std::string>();
                bool known = false;
                for (const auto& other : e.aliases) known |= fold(other) == fold(a);
                if (!known) fail(file, where, "\"" + a + "\" is not one of the entity's aliases");
                product.push_back(a);
            }
            e.products.push_back(std::move(product));
        }
    }
    return e;
}

/// "cues": {"denied": {"en": [...]}, ...}; `none` and `mentioned` carry no cues.
std::vector<TopicCue> parse_cues(const json& j, const std::string& file) {
    if (!j.is_object()) fail(file, "cues", "expected an object of status -> {language: [phrases]}");
    std::vector<TopicCue> out;
    for (const auto& [name, value] : j.items()) {
        const auto status = status_from_string(name);
        if (!status || *status == RumorStatus::none || *status == RumorStatus::mentioned)
            fail(file, "cues." + name,
                 "not a status with cues (speculation, reported, partially_confirmed, confirmed, "
                 "denied, stalled, cancelled)");
        for (const auto& [language, phrases] : phrases_by_language(value, file, "cues." + name))
            for (const auto& phrase : phrases) out.push_back({*status, language, phrase});
    }
    return out;
}

void parse_confirmation(const json& j, const std::string& file, Topic& topic) {
    const std::string path = "confirmation";
    if (!j.is_object()) fail(file, path, "expected an object");
    reject_unknown(j, file, path, {"parties_required", "joint_announcement", "official_bodies"});
    const auto parties = topic.party_ids();
    if (auto it = j.find("parties_required"); it != j.end()) {
        if (!it->is_number_integer()) fail(file, path + ".parties_required", "expected a whole number");
        const auto n = it->get<long long>();
        if (n < 1 || n > static_cast<long long>(parties.size()))
            fail(file, path + ".parties_required",
                 "must be between 1 and the number of parties (" + std::to_string(parties.size()) + ")");
        topic.parties_required = static_cast<int>(n);
    }
    if (auto it = j.find("joint_announcement"); it != j.end())
        topic.joint_announcement = flatten(phrases_by_language(*it, file, path + ".joint_announcement"));
    if (auto it = j.find("official_bodies"); it != j.end()) {
        if (!it->is_array()) fail(file, path + ".official_bodies", "expected an array of entity ids");
        for (std::size_t i = 0; i < it->size(); ++i) {
            const std::string here = path + ".official_bodies[" + std::to_string(i) + "]";
            std::string id = non_empty_string((*it)[i], file, here);
            const auto e = std::find_if(topic.entities.begin(), topic.entities.end(),
                                        [&](const TopicEntity& x) { return x.id == id; });
            if (e == topic.entities.end()) fail(file, here, "\"" + id + "\" is not an entity of this topic");
            if (e->party) fail(file, here, "\"" + id + "\" is a party; official bodies are the others");
            topic.official_bodies.push_back(std::move(id));
        }
    }
}

/// "frame": {"object": {lang: [...]}, "other_deals": {...}, "sense_traps": {...}}, each optional.
TopicFrame parse_frame(const json& j, const std::string& file) {
    if (!j.is_object()) fail(file, "frame", "expected an object with \"object\", \"other_deals\", \"sense_traps\"");
    reject_unknown(j, file, "frame", {"object", "other_deals", "sense_traps"});
    TopicFrame frame;
    if (auto it = j.find("object"); it != j.end()) frame.object = flatten(phrases_by_language(*it, file, "frame.object"));
    if (auto it = j.find("other_deals"); it != j.end())
        frame.other_deals = flatten(phrases_by_language(*it, file, "frame.other_deals"));
    if (auto it = j.find("sense_traps"); it != j.end())
        frame.sense_traps = flatten(phrases_by_language(*it, file, "frame.sense_traps"));
    return frame;
}

} // namespace

std::vector<std::string> Topic::party_ids() const {
    std::vector<std::string> out;
    for (const auto& e : entities)
        if (e.party) out.push_back(e.id);
    return out;
}

Topic parse_topic(std::string_view text, const std::string& file) {
    const json root = parse_config_json(text, file);
    reject_unknown(root, file, "", {"id", "name", "description", "entities", "deal_terms", "frame", "cues", "confirmation"});

    Topic topic;
    topic.id = non_empty_string(require(root, file, "", "id"), file, "id");
    if (!is_plain_id(topic.id))
        fail(file, "id", "must be 1-64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit");
    topic.name = non_empty_string(require(root, file, "", "name"), file, "name");
    if (auto it = root.find("description"); it != root.end()) non_empty_string(*it, file, "description");

    const json& entities = require(root, file, "", "entities");
    if (!entities.is_array() || entities.empty()) fail(file, "entities", "expected a non-empty array of entities");
    std::set<std::string> ids;
    std::map<std::string, std::string> alias_owner;
    for (std::size_t i = 0; i < entities.size(); ++i) {
        const std::string path = "entities[" + std::to_string(i) + "]";
        TopicEntity e = parse_entity(entities[i], file, path);
        if (!ids.insert(e.id).second) fail(file, path + ".id", "\"" + e.id + "\" appears twice");
        for (const auto& alias : e.aliases) {
            auto [it, fresh] = alias_owner.emplace(fold(alias), e.id);
            if (!fresh && it->second != e.id)
                fail(file, path + ".aliases",
                     "\"" + alias + "\" is also an alias of \"" + it->second + "\"");
        }
        topic.entities.push_back(std::move(e));
    }
    if (topic.party_ids().empty())
        fail(file, "entities", "no entity has \"party\": true (whose word confirms or denies the deal?)");

    topic.deal_terms_by_language = phrases_by_language(require(root, file, "", "deal_terms"), file, "deal_terms");
    topic.deal_terms = flatten(topic.deal_terms_by_language);

    if (auto it = root.find("cues"); it != root.end()) {
        topic.cues = parse_cues(*it, file);
        topic.extra = *it;
    }
    topic.parties_required = static_cast<int>(topic.party_ids().size());
    if (auto it = root.find("confirmation"); it != root.end()) parse_confirmation(*it, file, topic);
    if (auto it = root.find("frame"); it != root.end()) topic.frame = parse_frame(*it, file);
    return topic;
}

} // namespace rumorwatch
