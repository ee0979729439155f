/// \file
/// split_sentences: a table of texts and the sentences a reader would cut them into.
#include <catch2/catch.hpp>

#include "parser/analysis/sentences.h"

using namespace rumorwatch;

namespace {

std::vector<std::string> cut(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& s : split_sentences(text)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
    return out;
}

using Lines = std::vector<std::string>;

} // namespace

TEST_CASE("sentences: English table", "[parser]") {
    struct Case {
        const char* text;
        Lines expected;
    };
    const Case cases[] = {
        {"Apple is in talks. Alibaba declined to comment.", {"Apple is in talks.", "Alibaba declined to comment."}},
        {"Apple Inc. and Alibaba Group Holding Ltd. are in talks, people said.",
         {"Apple Inc. and Alibaba Group Holding Ltd. are in talks, people said."}},
        {"The U.S. company said so. The deal is off.", {"The U.S. company said so.", "The deal is off."}},
        {"Sales rose 3.5 percent in the U.K. and elsewhere.", {"Sales rose 3.5 percent in the U.K. and elsewhere."}},
        {"Mr. Cook met Dr. Wu and Ms. Lee on Jan. 5 in Beijing.",
         {"Mr. Cook met Dr. Wu and Ms. Lee on Jan. 5 in Beijing."}},
        {"It works with partners, e.g. Alibaba, i.e. a cloud firm.",
         {"It works with partners, e.g. Alibaba, i.e. a cloud firm."}},
        {"Robert F. Kennedy spoke. Then he left.", {"Robert F. Kennedy spoke.", "Then he left."}},
        {"\"We are working with Apple.\" Tsai said that on Thursday.",
         {"\"We are working with Apple.\"", "Tsai said that on Thursday."}},
        {"He said “it is done.” The shares rose.", {"He said “it is done.”", "The shares rose."}},
        {"Is it real? Nobody knows! Maybe.", {"Is it real?", "Nobody knows!", "Maybe."}},
        {"Wait for it... The answer came. Then silence…", {"Wait for it...", "The answer came.", "Then silence…"}},
        {"It trades as 9988.HK in Hong Kong.", {"It trades as 9988.HK in Hong Kong."}},
        {"It sold to Alibaba Group Ltd. The deal closed.", {"It sold to Alibaba Group Ltd.", "The deal closed."}},
        // A company named again after its suffix starts a sentence, whatever the company:
        // nothing topic-specific lives in the splitter.
        {"Shares of Apple Inc. Apple said it would.", {"Shares of Apple Inc.", "Apple said it would."}},
        {"It is up to Nissan Motor Co. Nissan said no.", {"It is up to Nissan Motor Co.", "Nissan said no."}},
        {"Nissan Motor Co. Ltd. is based in Yokohama.", {"Nissan Motor Co. Ltd. is based in Yokohama."}},
        {"First line without a stop\nSecond line.", {"First line without a stop", "Second line."}},
        {"A paragraph.\n\n  Another one.  ", {"A paragraph.", "Another one."}},
        {"Apple (the iPhone maker) did not comment.) Next.", {"Apple (the iPhone maker) did not comment.)", "Next."}},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(cut(c.text) == c.expected);
    }
}

TEST_CASE("sentences: Chinese table", "[parser]") {
    struct Case {
        const char* text;
        Lines expected;
    };
    const Case cases[] = {
        {"苹果正与阿里巴巴洽谈。阿里巴巴未予置评。", {"苹果正与阿里巴巴洽谈。", "阿里巴巴未予置评。"}},
        {"蔡崇信说：“我们在合作。”苹果没有回应。", {"蔡崇信说：“我们在合作。”", "苹果没有回应。"}},
        {"真的吗？没人知道！", {"真的吗？", "没人知道！"}},
        {"一是推迟；二是取消。", {"一是推迟；", "二是取消。"}},
        {"他说「已经签约了。」之后离开。", {"他说「已经签约了。」", "之后离开。"}},
        {"消息传出后……股价大涨。", {"消息传出后……", "股价大涨。"}},
        {"苹果的iPhone 16于9.5日发布。阿里云提供支持。", {"苹果的iPhone 16于9.5日发布。", "阿里云提供支持。"}},
        {"Apple与阿里巴巴合作。Alibaba said so.", {"Apple与阿里巴巴合作。", "Alibaba said so."}},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(cut(c.text) == c.expected);
    }
}

TEST_CASE("sentences: offsets point into the text and paragraphs are numbered", "[parser]") {
    const std::string text = "  One. Two.\n\nThree。\n";
    const auto spans = split_sentences(text);
    REQUIRE(spans.size() == 3);
    CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin) == "One.");
    CHECK(spans[0].begin == 2);
    CHECK(spans[1].paragraph == 0);
    CHECK(spans[2].paragraph == 1);
    CHECK(text.substr(spans[2].begin, spans[2].end - spans[2].begin) == "Three。");
}

TEST_CASE("sentences: empty and blank text give none", "[parser]") {
    CHECK(split_sentences("").empty());
    CHECK(split_sentences(" \n\n\t ").empty());
}
