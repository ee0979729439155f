/// \file
/// Speakers and agents: who is said to say it, and what kind of source that is.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "parser/analysis/analyze.h"
#include "parser/analysis/attribution.h"
#include "parser/analysis/topic.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;

namespace {

const Topic& topic() {
    static const Topic t = [] {
        const auto path = test::source_dir() / "seeds/topics/apple-alibaba.json";
        std::ifstream in(path);
        std::stringstream s;
        s << in.rdbuf();
        return parse_topic(s.str(), path.string());
    }();
    return t;
}

SourceContext context(int last_party = -1) {
    SourceContext c;
    for (const auto& e : topic().entities) {
        c.is_party.push_back(e.party);
        c.is_official.push_back(e.id == "cac");
    }
    c.party_count = 2;
    c.last_party = last_party;
    return c;
}

std::string kind_name(SourceKind k) { return std::string(to_string(k)); }

/// "kind:text" of every speaker in the sentence, joined by " | ".
std::string speakers(std::string_view s, int last_party = -1) {
    static const Lexicon lexicon(&topic());
    std::vector<Lexicon::Hit> hits;
    lexicon.scan(s, hits);
    std::string out;
    for (const auto& span : find_speakers(s, hits)) {
        const Source src = classify_source(s, hits, span, context(last_party));
        if (!out.empty()) out += " | ";
        out += kind_name(src.kind) + ":" + src.text + (src.all_parties ? " (all)" : "");
    }
    return out;
}

/// The agent of the first hit of `kind`.
std::string agent(std::string_view s, CueKind kind) {
    static const Lexicon lexicon(&topic());
    std::vector<Lexicon::Hit> hits;
    lexicon.scan(s, hits);
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if (hits[i].kind != kind) continue;
        const auto span = agent_of(s, hits, i);
        if (!span) return "-";
        const Source src = classify_source(s, hits, *span, context());
        return kind_name(src.kind) + ":" + src.text + (src.all_parties ? " (all)" : "");
    }
    return "no hit";
}

} // namespace

TEST_CASE("attribution: English speakers", "[parser]") {
    CHECK(speakers("Apple is in talks with Alibaba, according to two people familiar with the matter.") ==
          "unnamed:two people familiar with the matter");
    CHECK(speakers("Apple has picked Alibaba, The Information reported.") == "");
    CHECK(speakers("Apple has picked Alibaba, people familiar with the matter said.") ==
          "unnamed:people familiar with the matter");
    CHECK(speakers("Alibaba chairman Joe Tsai said on Thursday that Apple will use Qwen.") ==
          "party:Alibaba chairman Joe Tsai");
    CHECK(speakers("\"We are working with Alibaba,\" an Apple executive told reporters.") ==
          "party:an Apple executive");
    CHECK(speakers("The deal is done, said Joe Tsai, chairman of Alibaba.") == "party:Joe Tsai");
    CHECK(speakers("A Reuters report, citing three sources, said Apple had selected Alibaba.") ==
          "unnamed:three sources | media:A Reuters report");
    CHECK(speakers("Apple and Alibaba said they would work together.") == "party:Apple and Alibaba (all)");
    CHECK(speakers("Analysts at Morgan Stanley said Alibaba is the favourite.") ==
          "analyst:Analysts at Morgan Stanley");
    CHECK(speakers("The company said it does not comment on rumors.", 1) == "party:The company");
    CHECK(speakers("Apple is working with Alibaba to roll out AI, the report said.") == "media:the report");
}

TEST_CASE("attribution: Chinese speakers", "[parser]") {
    CHECK(speakers("据路透社报道，苹果已选择阿里巴巴。") == "media:路透社");
    CHECK(speakers("据知情人士透露，苹果正在与阿里巴巴洽谈。") == "unnamed:知情人士");
    CHECK(speakers("阿里巴巴集团主席蔡崇信周四表示，苹果将使用千问。") == "party:阿里巴巴集团主席蔡崇信");
    CHECK(speakers("蔡崇信在迪拜的一场峰会上表示，苹果已选择阿里巴巴。") == "party:蔡崇信");
    CHECK(speakers("分析师认为，苹果与阿里巴巴合作的可能性较大。") == "analyst:分析师");
    // 双方…有一方: one of the two speaks, not both.
    CHECK(agent("双方首次有一方公开确认。", CueKind::confirm).find("(all)") == std::string::npos);
    CHECK(agent("双方首次公开确认。", CueKind::confirm).find("(all)") != std::string::npos);
    // 另一方面 ("on the other hand") is no party.
    CHECK(agent("另一方面，双方已经公开确认。", CueKind::confirm).find("(all)") != std::string::npos);
}

TEST_CASE("attribution: a status word after a determiner or possessive is a noun", "[parser]") {
    static const Lexicon lexicon(&topic());
    auto noun = [](std::string_view s, std::string_view word) {
        std::vector<Lexicon::Hit> hits;
        lexicon.scan(s, hits);
        for (const auto& h : hits)
            if (s.substr(h.begin, h.end - h.begin) == word) return is_noun_use(s, h);
        return false;
    };
    CHECK(noun("Any launch would need approval.", "launch"));
    CHECK(noun("Apple's launch would need approval.", "launch"));
    CHECK(noun("Ten months after its US launch, nothing has changed.", "launch"));
    CHECK_FALSE(noun("Apple and Alibaba launch the features today.", "launch"));
    CHECK_FALSE(noun("The company launched the features today.", "launched"));
}

TEST_CASE("attribution: agents of status verbs, passives and clauses", "[parser]") {
    CHECK(agent("Alibaba chairman Joe Tsai confirmed the partnership.", CueKind::confirm) ==
          "party:Alibaba chairman Joe Tsai");
    CHECK(agent("Apple and Alibaba have officially confirmed the deal.", CueKind::announce) ==
          "party:Apple and Alibaba (all)");
    CHECK(agent("The partnership was confirmed by Alibaba's chairman.", CueKind::confirm) ==
          "party:Alibaba's chairman");
    CHECK(agent("The partnership was confirmed on Monday.", CueKind::confirm) == "-");
    CHECK(agent("Apple is working with Alibaba to launch AI features.", CueKind::announce) == "-");
    CHECK(agent("Chinese regulators approved the service.", CueKind::approve) == "official:Chinese regulators");
    CHECK(agent("苹果和阿里巴巴联合宣布了合作。", CueKind::joint_announcement) == "party:苹果和阿里巴巴 (all)");
    // Regression: the dateline's dash was kept as part of the name ("- Apple").
    CHECK(agent("HONG KONG, 8 October (Meridian) - Apple on Thursday denied that it had signed a final agreement "
                "with Alibaba.",
                CueKind::deny) == "party:Apple");
}

// Regression (fuzz_classify, ASan heap-buffer-overflow): a Chinese "according to" whose
// subject runs to the very end of the text read one byte past it.
TEST_CASE("attribution: a Chinese 据 subject that ends the text", "[parser][hostile]") {
    const std::string text = "苹果与阿里巴巴合作。据知情人士";
    CHECK(speakers(text).find("unnamed") != std::string::npos);
    const std::string fuzz_input("\x41\x70\x88\x00\x00\x00\x00\x00\x00\x00\x65\xff\xff\xff\xff\x73\x20\x69\x27\x00"
                                 "\x00\x00\x00\x00\xbf\xe9\x87\x8c\xe5\xb7\xb4\xe5\xb7\xb4\xe5\x90\x88\xe4\xbd\x9c"
                                 "\xe7\x9a\x84\xe6\x8a\x5d\xef\xbc\x9b\xa5\xe9\x81\x93\xe3\x80\x82\xe6\x8d\xae\xe7"
                                 "\x9f\xa5\xe6\x83\x85\xe4\xba\xba\xe5\xa3\x82",
                                 71);
    CHECK_NOTHROW(classify_text("", fuzz_input, nullptr));
}
