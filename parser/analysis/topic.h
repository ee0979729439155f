/// \file
/// A rumor as data (seeds/topics/*.json): its parties, aliases, deal terms and cues.
/// The file format is documented in seeds/topics/README.md.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "parser/core/core.h"

namespace rumorwatch {

/// Phrases keyed by language tag ("en", "zh", ...).
using PhrasesByLanguage = std::map<std::string, std::vector<std::string>>;

/// One entity of a topic, with its aliases in every language the outlets write in.
struct TopicEntity {
    std::string id;                   ///< "apple"
    std::string name;                 ///< "Apple"
    std::vector<std::string> aliases; ///< every alias of every language, flattened
    bool party = false;               ///< its word confirms or denies the deal

    PhrasesByLanguage aliases_by_language; ///< the same aliases, per language as written
    /// Products of the entity, each a list of its own aliases (all also in `aliases`, which
    /// the analysis reads): `search --expand` expands a product's alias to the product's
    /// aliases only ("qwen" → 通义千问, not to Alibaba), a company's to everything.
    std::vector<std::vector<std::string>> products;

    bool operator==(const TopicEntity&) const = default;
};

/// A topic's own cue phrase for one status, merged into the analyzer's generic lexicons.
struct TopicCue {
    RumorStatus status = RumorStatus::reported;
    std::string language;
    std::string phrase;

    bool operator==(const TopicCue&) const = default;
};

/// The deal's frame beyond its parties: what the deal is about, which neighbouring deals
/// are not it, and which readings of the parties' names are no party at all. Each list holds
/// phrases of every language, matched as aliases are.
struct TopicFrame {
    std::vector<std::string> object;      ///< the deal's object: "Apple Intelligence", "HBM", 地图
    std::vector<std::string> other_deals; ///< the parties' other deals: "Galaxy AI", "Wi-Fi 7"
    std::vector<std::string> sense_traps; ///< other senses of names: "apple pie", "Nissan Stadium"

    bool operator==(const TopicFrame&) const = default;
};

/// A rumor to follow.
struct Topic {
    std::string id;   ///< "apple-alibaba"
    std::string name; ///< "Alibaba supplies the AI for iPhones in China"
    std::vector<TopicEntity> entities;
    std::vector<std::string> deal_terms; ///< "partner", "deal", "supply", "合作", ... (all languages)
    nlohmann::json extra;                ///< the file's "cues" object as written (or null)

    PhrasesByLanguage deal_terms_by_language;
    std::vector<TopicCue> cues; ///< extra cues, flattened from "cues"
    /// Phrases that, inside a deal mention, mean an official joint announcement (confirmed).
    std::vector<std::string> joint_announcement;
    /// How many distinct parties must confirm for `confirmed` (fewer: partially_confirmed).
    int parties_required = 0;
    /// Non-party entity ids whose approval or filing is official word (partially_confirmed).
    std::vector<std::string> official_bodies;
    /// The deal's frame (optional in the file; empty lists when absent).
    TopicFrame frame;

    bool operator==(const Topic&) const = default;

    /// Ids of the entities with `party` set, in file order.
    std::vector<std::string> party_ids() const;
};

/// Parses and validates a topic file's text. `file` is only used in messages.
/// Unknown keys, missing fields, wrong types, duplicate ids and dangling references are
/// errors.
/// @throws ConfigError "FILE:LINE:COL: syntax error: ..." for malformed JSON, or
///         "FILE: field \"entities[1].aliases\": ..." for a field that does not validate.
Topic parse_topic(std::string_view text, const std::string& file);

} // namespace rumorwatch
