/// \file
/// What the learned status model reads: masked tokens and the feature families.
#include <catch2/catch.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "parser/analysis/analyze.h"
#include "parser/analysis/status_features.h"
#include "parser/analysis/topic.h"

using namespace rumorwatch;

namespace {

const char* kTopic = R"json({
  "id": "x-y",
  "name": "Xenon buys Yarrow",
  "entities": [
    {"id": "x", "name": "Xenon", "party": true, "aliases": {"en": ["Xenon"], "zh": ["氙气"]}},
    {"id": "y", "name": "Yarrow", "party": true, "aliases": {"en": ["Yarrow"], "zh": ["蓍草"]}},
    {"id": "z", "name": "Zed", "party": false, "aliases": {"en": ["Zed"]}}
  ],
  "deal_terms": {"en": ["acquire*", "deal"], "zh": ["收购"]},
  "frame": {"object": {"en": ["chip unit"], "zh": ["芯片业务"]}, "other_deals": {"en": ["laptop"]}}
})json";

bool has(const std::vector<std::string>& features, const std::string& f) {
    return std::binary_search(features.begin(), features.end(), f);
}

std::string join(const std::vector<std::string>& tokens) {
    std::string out;
    for (const auto& t : tokens) out += (out.empty() ? "" : " ") + t;
    return out;
}

} // namespace

TEST_CASE("status features: names and frame phrases are masked, words folded", "[parser]") {
    const std::vector<bool> is_party = {true, true, false};
    const std::string text = "Xenon's 2 Chip Unit bids: will Zed-backed Yarrow Yarrow sell?";
    std::vector<Lexicon::Hit> hits;
    hits.push_back({0, 5, CueKind::entity, 0, false});
    hits.push_back({31, 34, CueKind::entity, 2, false});
    hits.push_back({42, 48, CueKind::entity, 1, false});
    hits.push_back({49, 55, CueKind::entity, 1, false});
    const std::vector<FrameHit> frame = {{10, 19, FrameKind::object}};
    // Two party names in a row are one <p>; digits fold to 0; '?' is kept.
    CHECK(join(masked_tokens(text, hits, frame, is_party)) == "<p> s 0 <obj> bids will <o> backed <p> sell ?");
}

TEST_CASE("status features: CJK characters are tokens, names masked, fullwidth question kept", "[parser]") {
    const std::vector<bool> is_party = {true, true};
    const std::string text = "氙气收购蓍草？";
    std::vector<Lexicon::Hit> hits;
    hits.push_back({0, 6, CueKind::entity, 0, false});
    hits.push_back({12, 18, CueKind::entity, 1, false});
    CHECK(join(masked_tokens(text, hits, {}, is_party)) == "<p> 收 购 <p> ?");
}

TEST_CASE("status features: rules, speakers, frame and words of one article", "[parser]") {
    const Topic topic = parse_topic(kTopic, "t.json");
    const Analyzer analyzer(topic);
    const auto f = analyzer.status_features("Xenon confirms deal for Yarrow's chip unit",
                                            "Xenon said it would acquire the chip unit. Yarrow declined to comment.");
    REQUIRE(std::is_sorted(f.begin(), f.end()));
    CHECK(has(f, "e:parties=2"));
    CHECK(has(f, "e:headline_parties=2"));
    CHECK(has(f, "f:object_named"));
    CHECK(has(f, "f:all_parties_obj:h"));
    CHECK(has(f, "c:h:confirm"));
    CHECK(has(f, "h|<p>_confirms"));
    CHECK(has(f, "l|<obj>"));
    CHECK(std::any_of(f.begin(), f.end(), [](const std::string& x) { return x.starts_with("rule="); }));
    CHECK(has(f, "rec:affirming=1"));

    // Without the object, and with another deal's words instead.
    const auto g = analyzer.status_features("Xenon and Yarrow: a laptop sale", "Both are cheaper this week.");
    CHECK(has(g, "f:object_absent"));
    CHECK(has(g, "f:all_parties_other:h"));
}

TEST_CASE("status features: generic mode has none", "[parser]") {
    CHECK(Analyzer().status_features("Tesla says no plans for India factory", "").empty());
}
