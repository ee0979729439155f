/// \file
/// A rumor as data (seeds/topics/*.json): its parties, aliases, deal terms and cues.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parser/model.h"

namespace rumorwatch {

/// One entity of a topic, with its aliases in every language the outlets write in.
struct TopicEntity {
    std::string id;                   ///< "apple"
    std::string name;                 ///< "Apple"
    std::vector<std::string> aliases; ///< "Apple", "苹果", "the iPhone maker", ...
    bool party = false;               ///< its word confirms or denies the deal

    bool operator==(const TopicEntity&) const = default;
};

/// A rumor to follow.
struct Topic {
    std::string id;   ///< "apple-alibaba"
    std::string name; ///< "Alibaba supplies the AI for iPhones in China"
    std::vector<TopicEntity> entities;
    std::vector<std::string> deal_terms; ///< "partner", "deal", "supply", "合作", ...
    nlohmann::json extra;                ///< optional further cues, as the analyzer documents them

    bool operator==(const Topic&) const = default;
};

/// Parses and validates a topic file's text. `file` is only used in messages.
/// @throws ConfigError naming the file and field.
Topic parse_topic(std::string_view text, const std::string& file);

} // namespace rumorwatch
