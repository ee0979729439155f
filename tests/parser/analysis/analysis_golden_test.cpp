/// \file
/// Whole articles in, status and evidence out: tests/golden/analysis/NAME.input.json holds
/// the article and the label a careful reader gave it; NAME.expected.json pins every mention.
/// RUMORWATCH_UPDATE_GOLDEN=1 rewrites the expected files (review the diff like code).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "parser/analysis/analyze.h"
#include "parser/analysis/topic.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;
namespace fs = std::filesystem;

namespace {

constexpr const char* kAnalysisVersion = "A2";

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const Topic& topic(const std::string& id) {
    static std::map<std::string, Topic> topics;
    if (!topics.count(id)) {
        const auto path = test::source_dir() / "seeds" / "topics" / (id + ".json");
        topics.emplace(id, parse_topic(read(path), path.string()));
    }
    return topics.at(id);
}

Article article_of(const nlohmann::json& in) {
    Article a;
    a.title = in.at("headline");
    a.text = in.at("body");
    const std::string day = in.at("published"); // YYYY-MM-DD
    using namespace std::chrono;
    const year_month_day ymd{year{std::stoi(day.substr(0, 4))}, month{unsigned(std::stoi(day.substr(5, 2)))},
                             std::chrono::day{unsigned(std::stoi(day.substr(8, 2)))}};
    REQUIRE(ymd.ok());
    a.published = ArticleDate{Timestamp{sys_days{ymd}}, "test", true, false};
    return a;
}

double round2(double x) { return std::round(x * 100.0) / 100.0; }

nlohmann::json dump(const RumorAnalysis& r) {
    nlohmann::json j;
    j["version"] = kAnalysisVersion;
    j["status"] = std::string(to_string(r.status));
    j["confidence"] = round2(r.confidence);
    j["evidence"] = r.evidence ? nlohmann::json(r.mentions[*r.evidence].sentence) : nlohmann::json(nullptr);
    j["entities"] = r.entities;
    j["sources"] = r.sources;
    j["mentions"] = nlohmann::json::array();
    for (const auto& m : r.mentions)
        j["mentions"].push_back({{"sentence", m.sentence},
                                 {"status", std::string(to_string(m.status))},
                                 {"cue", m.cue},
                                 {"attribution", m.attribution},
                                 {"background", m.background},
                                 {"in_headline", m.in_headline}});
    return j;
}

} // namespace

TEST_CASE("analysis golden: articles keep their status, evidence and mentions", "[parser]") {
    const fs::path dir = test::source_dir() / "tests" / "golden" / "analysis";
    const bool update = std::getenv("RUMORWATCH_UPDATE_GOLDEN") != nullptr;
    int cases = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (!name.ends_with(".input.json")) continue;
        ++cases;
        const std::string stem = name.substr(0, name.size() - std::string(".input.json").size());
        INFO("golden case " << stem);
        const auto in = nlohmann::json::parse(read(entry.path()));
        const Article article = article_of(in);
        const RumorAnalysis r = analyze_article(article, topic(in.at("topic")));

        // The reader's label: status and where the evidence is.
        const auto& label = in.at("label");
        CHECK(std::string(to_string(r.status)) == label.at("status").get<std::string>());
        const auto& want = label.at("evidence_contains");
        if (want.is_null()) {
            CHECK_FALSE(r.evidence);
        } else {
            REQUIRE(r.evidence);
            const std::string evidence = r.mentions[*r.evidence].sentence;
            INFO("evidence: " << evidence);
            bool found = false;
            for (const auto& w : want.is_array() ? want : nlohmann::json::array({want}))
                found = found || evidence.find(w.get<std::string>()) != std::string::npos;
            CHECK(found);
        }
        // Offsets point at the sentence in the body (or the title for the headline).
        for (const auto& m : r.mentions) {
            const std::string& source = m.in_headline ? article.title : article.text;
            REQUIRE(m.end <= source.size());
            CHECK(source.substr(m.begin, m.end - m.begin) == m.sentence);
        }

        const fs::path expected_path = dir / (stem + ".expected.json");
        const nlohmann::json got = dump(r);
        if (update) {
            std::ofstream(expected_path) << got.dump(2, ' ', false) << "\n";
            continue;
        }
        REQUIRE(fs::exists(expected_path));
        const auto expected = nlohmann::json::parse(read(expected_path));
        if (expected != got) {
            UNSCOPED_INFO("diff (expected -> got):\n" << nlohmann::json::diff(expected, got).dump(2));
        }
        CHECK(expected == got);
    }
    CHECK(cases >= 10);
}
