/// \file
/// The topic loader: the shipped topics load; broken files are rejected with file and field.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "parser/core/core.h"
#include "parser/analysis/topic.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;

namespace {

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const char* kMinimal = R"json({
  "id": "x-y",
  "name": "X buys Y",
  "entities": [
    {"id": "x", "name": "X", "party": true, "aliases": {"en": ["X Corp"]}},
    {"id": "y", "name": "Y", "party": true, "aliases": {"en": ["Y Inc"], "zh": ["歪"]}}
  ],
  "deal_terms": {"en": ["acquire*"]}
})json";

std::string error_of(const std::string& text) {
    try {
        parse_topic(text, "t.json");
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "";
}

/// kMinimal with one substring replaced.
std::string with(const std::string& from, const std::string& to) {
    std::string s = kMinimal;
    const auto p = s.find(from);
    REQUIRE(p != std::string::npos);
    return s.replace(p, from.size(), to);
}

} // namespace

TEST_CASE("topic: the shipped topics load", "[parser]") {
    for (const char* name : {"apple-alibaba.json", "nissan-honda.json", "qualcomm-intel.json",
                             "samsung-nvidia.json", "tesla-baidu.json"}) {
        const auto path = test::source_dir() / "seeds" / "topics" / name;
        const Topic t = parse_topic(read(path), path.string());
        INFO(name);
        CHECK(t.party_ids().size() == 2);
        CHECK_FALSE(t.deal_terms.empty());
        CHECK_FALSE(t.joint_announcement.empty());
        CHECK_FALSE(t.frame.object.empty());
        CHECK_FALSE(t.frame.other_deals.empty());
    }
    const auto path = test::source_dir() / "seeds/topics/apple-alibaba.json";
    const Topic t = parse_topic(read(path), path.string());
    CHECK(t.id == "apple-alibaba");
    CHECK(t.party_ids() == std::vector<std::string>{"apple", "alibaba"});
    CHECK(t.parties_required == 2);
    CHECK(t.official_bodies == std::vector<std::string>{"cac"});
    const auto& alibaba = t.entities[1];
    CHECK(alibaba.aliases_by_language.at("zh").front() == "阿里巴巴");
    CHECK(std::find(alibaba.aliases.begin(), alibaba.aliases.end(), "通义千问") != alibaba.aliases.end());
}

TEST_CASE("topic: a minimal topic loads with defaults", "[parser]") {
    const Topic t = parse_topic(kMinimal, "t.json");
    CHECK(t.entities.size() == 2);
    CHECK(t.entities[1].aliases == std::vector<std::string>{"Y Inc", "歪"});
    CHECK(t.parties_required == 2);
    CHECK(t.cues.empty());
    CHECK(t.extra.is_null());
}

TEST_CASE("topic: extra cues are flattened per status and language", "[parser]") {
    const Topic t = parse_topic(with("\"deal_terms\"", R"("cues": {"cancelled": {"en": ["walked from"], "zh": ["黄了"]}}, "deal_terms")"), "t.json");
    REQUIRE(t.cues.size() == 2);
    CHECK(t.cues[0] == TopicCue{RumorStatus::cancelled, "en", "walked from"});
    CHECK(t.cues[1] == TopicCue{RumorStatus::cancelled, "zh", "黄了"});
}

TEST_CASE("topic: errors name the file and the field", "[parser]") {
    CHECK(error_of(with("\"name\": \"X buys Y\",", "")) == "t.json: field \"name\": is required");
    CHECK(error_of(with("\"aliases\": {\"en\": [\"Y Inc\"], \"zh\": [\"歪\"]}", "\"aliases\": []")) ==
          "t.json: field \"entities[1].aliases\": expected an object of language -> array of phrases, e.g. "
          "{\"en\": [\"...\"]}");
    CHECK(error_of(with("\"zh\": [\"歪\"]", "\"zh\": [\"\"]")) ==
          "t.json: field \"entities[1].aliases.zh[0]\": must not be empty");
    CHECK(error_of(with("\"party\": true, \"aliases\": {\"en\": [\"X", "\"party\": true, \"alias\": 1, \"aliases\": {\"en\": [\"X")) ==
          "t.json: field \"entities[0].alias\": unknown field (a typo?)");
    CHECK(error_of(with("\"id\": \"x-y\"", "\"id\": \"x-y\", \"color\": \"red\"")) ==
          "t.json: field \"color\": unknown field (a typo?)");
    CHECK(error_of(with("\"party\": true, \"aliases\": {\"en\": [\"Y", "\"party\": \"yes\", \"aliases\": {\"en\": [\"Y")) ==
          "t.json: field \"entities[1].party\": expected true or false");
    CHECK(error_of(with("\"Y Inc\"", "\"x corp\"")) ==
          "t.json: field \"entities[1].aliases\": \"x corp\" is also an alias of \"x\"");
    CHECK(error_of(with("{\"id\": \"y\"", "{\"id\": \"x\"")) == "t.json: field \"entities[1].id\": \"x\" appears twice");
    // One key twice in one object: the outlets loader refused it, topics kept the last value.
    CHECK(error_of(with("\"name\": \"X buys Y\"", "\"name\": \"X buys Y\", \"name\": \"Y buys X\"")) ==
          "t.json: field \"name\": appears twice in one object");
    CHECK(error_of(with("\"en\": [\"acquire*\"]", "\"english\": [\"acquire*\"]")) ==
          "t.json: field \"deal_terms.english\": \"english\" is not a language tag such as \"en\" or \"zh\"");
    CHECK_THAT(error_of(with("\"deal_terms\"", R"("cues": {"mentioned": {"en": ["x"]}}, "deal_terms")")),
               Catch::StartsWith("t.json: field \"cues.mentioned\": not a status with cues"));
    CHECK(error_of(with("\"deal_terms\"", R"("confirmation": {"official_bodies": ["x"]}, "deal_terms")")) ==
          "t.json: field \"confirmation.official_bodies[0]\": \"x\" is a party; official bodies are the others");
    CHECK(error_of(with("\"deal_terms\"", R"("confirmation": {"parties_required": 3}, "deal_terms")")) ==
          "t.json: field \"confirmation.parties_required\": must be between 1 and the number of parties (2)");
    std::string no_party = kMinimal;
    for (auto p = no_party.find("\"party\": true"); p != std::string::npos; p = no_party.find("\"party\": true"))
        no_party.replace(p, std::string_view("\"party\": true").size(), "\"party\": false");
    CHECK(error_of(no_party) ==
          "t.json: field \"entities\": no entity has \"party\": true (whose word confirms or denies the deal?)");
}

TEST_CASE("topic: a syntax error names file, line and column", "[parser]") {
    const std::string message = error_of("{\n  \"id\": \"x\",\n  \"name\": ,\n}");
    CHECK_THAT(message, Catch::StartsWith("t.json:3:11: syntax error"));
    CHECK(error_of("[]") == "t.json: expected a JSON object at the top level");
}

TEST_CASE("topic: the deal's frame is optional, flattened, and checked like other phrases", "[parser]") {
    CHECK(parse_topic(kMinimal, "t.json").frame == TopicFrame{});

    std::string with_frame = kMinimal;
    with_frame.insert(with_frame.rfind('}'), R"(, "frame": {"object": {"en": ["chip unit"], "zh": ["芯片业务"]},
        "other_deals": {"en": ["laptop"]}, "sense_traps": {"en": ["x-ray"]}})");
    const Topic t = parse_topic(with_frame, "t.json");
    CHECK(t.frame.object == std::vector<std::string>{"chip unit", "芯片业务"});
    CHECK(t.frame.other_deals == std::vector<std::string>{"laptop"});
    CHECK(t.frame.sense_traps == std::vector<std::string>{"x-ray"});

    std::string typo = kMinimal;
    typo.insert(typo.rfind('}'), R"(, "frame": {"objects": {"en": ["chip unit"]}})");
    CHECK(error_of(typo) == "t.json: field \"frame.objects\": unknown field (a typo?)");
    std::string empty = kMinimal;
    empty.insert(empty.rfind('}'), R"(, "frame": {"object": {"en": []}})");
    CHECK(error_of(empty) == "t.json: field \"frame.object.en\": expected a non-empty array of phrases");
}

TEST_CASE("topic: a language the analysis has no cues for is refused, not loaded to stay silent", "[parser]") {
    std::string ja = kMinimal;
    ja.replace(ja.find(R"("zh": ["歪"])"), std::string(R"("zh": ["歪"])").size(), R"("ja": ["ワイ"])");
    CHECK(error_of(ja) == "t.json: field \"entities[1].aliases.ja\": no status analysis for \"ja\" yet (cue "
                         "lexicons exist for \"en\" and \"zh\": parser/analysis/data/cues.*.tsv)");
}
