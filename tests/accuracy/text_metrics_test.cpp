/// \file
/// The report's measures, pinned on small cases (so a wrong F1 cannot make the report lie).
#include <catch2/catch.hpp>

#include "tests/accuracy/scoring.h"
#include "tests/accuracy/text_metrics.h"
#include "tests/accuracy/thresholds.h"

using namespace rumorwatch;
using namespace rumorwatch::accuracy;

TEST_CASE("accuracy: whitespace normalisation", "[accuracy]") {
    CHECK(normalize_whitespace("  Apple\u00a0picks \n\tAlibaba  ") == "Apple picks Alibaba");
    CHECK(normalize_whitespace("苹果\u3000选择 阿里") == "苹果 选择 阿里");
    CHECK(normalize_whitespace("") == "");
    CHECK(normalize_whitespace("Apple\u200bpicks") == "Apple picks");
}

TEST_CASE("accuracy: tokens are words for Latin scripts and characters for CJK", "[accuracy]") {
    CHECK(tokenize("Apple’s A.I. deal, 2025!") == std::vector<std::string>{"apple", "s", "a", "i", "deal", "2025"});
    CHECK(tokenize("苹果选择阿里巴巴。") ==
          std::vector<std::string>{"苹", "果", "选", "择", "阿", "里", "巴", "巴"});
    CHECK(tokenize("iPhone 16在中国") == std::vector<std::string>{"iphone", "16", "在", "中", "国"});
    CHECK(tokenize("co\u00adoper\u200dation café") == std::vector<std::string>{"cooperation", "café"});
    CHECK(tokenize("ＡＢＣ１２") == std::vector<std::string>{"abc12"});
    CHECK(tokenize("📅 7/3/2026") == std::vector<std::string>{"7", "3", "2026"});
    CHECK(tokenize("\xff\xfe ok").back() == "ok"); // invalid bytes separate, never crash
}

TEST_CASE("accuracy: bag F1 counts repeated tokens once per occurrence", "[accuracy]") {
    const F1Score perfect = token_f1("the deal the deal", "The deal, the deal.");
    CHECK(perfect.f1 == Approx(1.0));
    const F1Score half = token_f1("a b", "a b c d");
    CHECK(half.precision == Approx(1.0));
    CHECK(half.recall == Approx(0.5));
    CHECK(half.f1 == Approx(2.0 / 3.0));
    const F1Score repeats = bag_f1({"a", "a", "a"}, {"a"});
    CHECK(repeats.common == 1);
    CHECK(repeats.precision == Approx(1.0 / 3.0));
    CHECK(token_f1("", "").f1 == Approx(1.0));
    CHECK(token_f1("", "x").f1 == 0.0);
    CHECK(token_f1("x", "").f1 == 0.0);
}

TEST_CASE("accuracy: 4-token shingles punish reordered and missing text more than tokens", "[accuracy]") {
    CHECK(shingles({"a", "b", "c", "d", "e"}, 4) == std::vector<std::string>{"a b c d", "b c d e"});
    CHECK(shingles({"a", "b"}, 4) == std::vector<std::string>{"a b"});
    CHECK(shingles({}, 4).empty());
    const std::string text = "one two three four five six seven eight";
    const std::string shuffled = "five six seven eight one two three four";
    CHECK(token_f1(shuffled, text).f1 == Approx(1.0));
    CHECK(shingle_f1(shuffled, text).f1 == Approx(2.0 / 5.0)); // only "one..four" and "five..eight" survive
}

TEST_CASE("accuracy: days are taken in the outlet's zone", "[accuracy]") {
    // 2025-02-14 01:30 in Hong Kong is still the 13th in UTC and in New York.
    const auto t = std::chrono::sys_days{std::chrono::year{2025} / 2 / 13} + std::chrono::hours{17} +
                   std::chrono::minutes{30};
    const Timestamp ts = std::chrono::floor<std::chrono::seconds>(t);
    CHECK(local_day(ts, "Asia/Hong_Kong") == "2025-02-14");
    CHECK(local_day(ts, "America/New_York") == "2025-02-13");
    CHECK(local_day(ts, "UTC") == "2025-02-13");
    CHECK(local_day(ts, "Not/AZone") == "2025-02-13");
}

TEST_CASE("accuracy: thresholds round down to the percent", "[accuracy]") {
    CHECK(floor_to_percent(0.9637) == Approx(0.96));
    CHECK(floor_to_percent(0.95) == Approx(0.95));
    CHECK(floor_to_percent(1.0) == Approx(1.0));
    CHECK(floor_to_percent(0.0099) == Approx(0.0));
}

TEST_CASE("accuracy: terminal text is escaped", "[accuracy]") {
    CHECK(terminal_safe("a\x1b[31mb") == "a\\x1b[31mb");
    CHECK(terminal_safe("line\nnext") == "line\\nnext");
    CHECK(terminal_safe("苹果公司", 2) == "苹果…");
    CHECK(terminal_safe("\xc3") == "\\xc3");
}
