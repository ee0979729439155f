/// \file
/// Status per sentence: party-aware confirmation, denial scope, hedges, generic stance.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "parser/analysis/analyze.h"
#include "parser/analysis/topic.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;

namespace {

Topic load(const std::string& name) {
    const auto path = test::source_dir() / "seeds" / "topics" / name;
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return parse_topic(s.str(), path.string());
}

const Topic& apple_alibaba() {
    static const Topic t = load("apple-alibaba.json");
    return t;
}

/// The rules alone (not the learned model, which the blind corpus judges): each topic's
/// rules-only analyzer, built once.
RumorAnalysis by_rules(std::string_view text, const Topic* topic, std::string_view claim = {}) {
    if (!topic) return classify_text("", text, nullptr, claim);
    static std::map<std::string, Analyzer> analyzers;
    auto it = analyzers.find(topic->id);
    if (it == analyzers.end()) it = analyzers.emplace(topic->id, Analyzer(*topic, Analyzer::Decision::rules)).first;
    return it->second.classify("", text);
}

/// "status | cue | attribution" of a one-sentence text.
std::string judge(std::string_view text, const Topic* topic = &apple_alibaba(), std::string_view claim = {}) {
    const RumorAnalysis r = by_rules(text, topic, claim);
    std::string out(to_string(r.status));
    if (r.evidence) {
        const Mention& m = r.mentions[*r.evidence];
        out += " | " + m.cue + " | " + m.attribution;
    }
    return out;
}

std::string status(std::string_view text, const Topic* topic = &apple_alibaba()) {
    return std::string(to_string(by_rules(text, topic).status));
}

} // namespace

TEST_CASE("rules: one party confirming is partial, both or a joint statement is full", "[parser]") {
    CHECK(judge("Alibaba chairman Joe Tsai confirmed that Apple will use Alibaba's AI in China.") ==
          "partially_confirmed | confirmed | Alibaba chairman Joe Tsai");
    CHECK(judge("Apple confirmed its partnership with Alibaba.") == "partially_confirmed | confirmed | Apple");
    CHECK(judge("Apple and Alibaba confirmed their partnership.") == "confirmed | confirmed | Apple and Alibaba");
    CHECK(judge("Both companies confirmed the partnership with Apple's AI in China.") ==
          "confirmed | confirmed | Both companies");
    CHECK(status("Apple and Alibaba announced in a joint statement that Qwen will power iPhones in China.") ==
          "confirmed");
    CHECK(status("苹果与阿里巴巴联合宣布合作。") == "confirmed");
    CHECK(status("阿里巴巴证实与苹果合作。") == "partially_confirmed");
}

TEST_CASE("rules: a party's plain statement about the deal is its confirmation", "[parser]") {
    CHECK(judge("Alibaba's chairman said Apple had chosen Alibaba for iPhones in China.") ==
          "partially_confirmed | chosen | Alibaba's chairman");
    CHECK(status("阿里云发言人表示，公司正与苹果就国行AI功能展开合作。") == "partially_confirmed");
}

TEST_CASE("rules: confirmation by others is not a party's", "[parser]") {
    CHECK(judge("Sources confirmed that Apple will use Alibaba's models in China.") ==
          "reported | confirmed | Sources");
    CHECK(status("Analysts confirmed that a deal between Apple and Alibaba makes sense.") == "speculation");
    CHECK(judge("Chinese regulators approved the Apple-Alibaba AI service.") ==
          "partially_confirmed | approved | Chinese regulators");
}

TEST_CASE("rules: parties_required lowers the bar for confirmed", "[parser]") {
    Topic t = apple_alibaba();
    t.parties_required = 1;
    CHECK(status("Apple confirmed its partnership with Alibaba.", &t) == "confirmed");
}

TEST_CASE("rules: negated confirmations and no comment are reports", "[parser]") {
    CHECK(judge("Neither Apple nor Alibaba has confirmed the partnership.") ==
          "reported | Neither Apple nor Alibaba has confirmed | ");
    CHECK(status("There has been no official confirmation of the Apple-Alibaba deal.") == "reported");
    CHECK(status("Apple has yet to confirm its deal with Alibaba.") == "reported");
    CHECK(status("Apple declined to comment on the Alibaba partnership.") == "reported");
    CHECK(status("苹果和阿里巴巴均未证实双方的合作。") == "reported");
    CHECK(status("苹果尚未正式宣布与阿里巴巴的合作。") == "reported");
    CHECK(status("阿里巴巴对与苹果合作一事未予置评。") == "reported");
}

TEST_CASE("rules: a denial's scope decides what is denied", "[parser]") {
    CHECK(status("Alibaba denied that it is working with Apple.") == "denied");
    CHECK(status("Alibaba denied reports that its talks with Apple had stalled.") == "partially_confirmed");
    CHECK(status("Alibaba denied that the partnership with Apple had been dropped.") == "partially_confirmed");
    CHECK(status("A source denied reports that the Apple-Alibaba talks had stalled.") == "reported");
    CHECK(status("Apple did not deny reports of a partnership with Alibaba.") == "reported");
    CHECK(status("Apple denied that the Alibaba deal was cancelled, saying the launch was merely delayed.") ==
          "stalled");
    CHECK(status("阿里巴巴否认与苹果的合作已被搁置。") == "partially_confirmed");
}

TEST_CASE("rules: negated stalls and cancellations are not outcomes", "[parser]") {
    CHECK(status("The Apple-Alibaba deal has not been delayed, people familiar with the matter said.") == "reported");
    CHECK(status("Apple has not abandoned its Alibaba partnership, a spokesperson said.") == "partially_confirmed");
    CHECK(status("The Apple-Alibaba deal has been delayed.") == "stalled");
    CHECK(status("Apple has scrapped the Alibaba deal.") == "cancelled");
}

TEST_CASE("rules: hedges make speculation unless a source reports it", "[parser]") {
    CHECK(status("Apple could partner with Alibaba in China.") == "speculation");
    CHECK(status("Apple could partner with Alibaba in China, people familiar with the matter said.") == "reported");
    CHECK(status("A deal with Alibaba might help Apple in China.") == "speculation");
    CHECK(status("Will Apple pick Alibaba?") == "speculation");
    CHECK(status("苹果或将与阿里巴巴合作。") == "speculation");
    CHECK(status("Apple plans to launch Alibaba-powered AI in China, according to Bloomberg.") == "reported");
}

TEST_CASE("rules: entities without a deal statement, and no entities", "[parser]") {
    // Every party named, nothing said about the deal: mentioned.
    CHECK(status("Apple slipped 1% while Alibaba rose 3% in Hong Kong trading.") == "mentioned");
    // One party alone is not the rumor (the demo world's labels): none, unless it says
    // something explicit about the deal.
    CHECK(status("Apple's iPhone sales in China fell 11%.") == "none");
    CHECK(status("Alibaba's chairman confirmed the partnership.") == "partially_confirmed");
    CHECK(status("Baidu unveiled a new model.") == "none");
}

TEST_CASE("rules: a party's deal with someone else is not the rumor", "[parser]") {
    CHECK(status("Apple scraps planned Baidu tie-up for AI features in Apple Maps. Alibaba shares rose.") ==
          "mentioned");
    CHECK(status("Apple has tested models from several firms as Baidu talks stall, people familiar say. "
                 "Alibaba is among them.") == "reported");
}

TEST_CASE("rules: another topic uses its own parties", "[parser]") {
    const Topic nh = load("nissan-honda.json");
    CHECK(status("Nissan and Honda called off their merger talks.", &nh) == "cancelled");
    CHECK(status("Honda CEO Toshihiro Mibe confirmed the merger talks with Nissan.", &nh) == "partially_confirmed");
    CHECK(status("Apple and Alibaba called off their partnership.", &nh) == "none");
}

TEST_CASE("rules: generic stance of headlines", "[parser]") {
    CHECK(status("Apple denies report it will launch a foldable iPhone", nullptr) == "denied");
    CHECK(status("Microsoft confirms it will acquire Activision Blizzard", nullptr) == "confirmed");
    CHECK(status("Google reportedly in talks to buy HubSpot", nullptr) == "reported");
    CHECK(status("Tesla says no plans to build a factory in India", nullptr) == "denied");
    CHECK(status("Sony calls off plan to sell PlayStation unit", nullptr) == "cancelled");
    CHECK(status("Amazon could be planning a budget Kindle", nullptr) == "speculation");
    CHECK(status("Robert Plant rips up Led Zeppelin reunion contract", nullptr) == "confirmed");
    CHECK(status("Netflix will not raise prices this year, company says", nullptr) == "denied");
}

TEST_CASE("rules: generic stance toward a given claim", "[parser]") {
    const std::string claim = "Apple cancels its car project";
    CHECK(judge("Apple cancels electric car project", nullptr, claim).starts_with("confirmed"));
    CHECK(judge("Apple denies it has cancelled car project", nullptr, claim).starts_with("denied"));
    CHECK(judge("Tesla will not build India factory, Musk says", nullptr, "Tesla will not build a factory in India")
              .starts_with("confirmed"));
}
