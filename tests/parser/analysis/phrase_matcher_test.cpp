/// \file
/// PhraseMatcher: word boundaries, prefixes, case, apostrophes, Chinese substrings, longest match.
#include <catch2/catch.hpp>

#include "parser/analysis/phrase_matcher.h"

using namespace rumorwatch;

namespace {

/// "text[begin,end)=payload" for every match, joined by spaces.
std::string dump(const PhraseMatcher& m, std::string_view text) {
    std::vector<PhraseMatcher::Match> out;
    m.find(text, out);
    std::string s;
    for (const auto& x : out) {
        if (!s.empty()) s += ' ';
        s += std::string(text.substr(x.begin, x.end - x.begin)) + "=" + std::to_string(x.payload);
    }
    return s;
}

PhraseMatcher make(std::initializer_list<std::pair<const char*, std::uint32_t>> phrases) {
    PhraseMatcher m;
    for (const auto& [p, id] : phrases) m.add(p, id);
    m.compile();
    return m;
}

} // namespace

TEST_CASE("phrase matcher: English words match whole and case-insensitively", "[parser]") {
    const auto m = make({{"deal", 1}, {"apple", 2}});
    CHECK(dump(m, "The Deal, the dealer and Apple's pineapple") == "Deal=1 Apple=2");
}

TEST_CASE("phrase matcher: a trailing star makes a prefix", "[parser]") {
    const auto m = make({{"confirm*", 1}});
    CHECK(dump(m, "confirmed, confirmation; unconfirmed") == "confirmed=1 confirmation=1");
}

TEST_CASE("phrase matcher: straight apostrophes match curly ones", "[parser]") {
    const auto m = make({{"didn't respond", 1}});
    CHECK(dump(m, "Apple didn’t respond; Alibaba didn't respond") == "didn’t respond=1 didn't respond=1");
}

TEST_CASE("phrase matcher: Chinese phrases match inside text", "[parser]") {
    const auto m = make({{"阿里", 1}, {"阿里巴巴", 2}, {"合作", 3}});
    CHECK(dump(m, "苹果与阿里巴巴合作，阿里云") == "阿里巴巴=2 合作=3 阿里=1");
}

TEST_CASE("phrase matcher: the longest phrase wins and hides what it contains", "[parser]") {
    const auto m = make({{"not", 1}, {"not yet", 2}, {"yet", 3}, {"yet to", 4}});
    CHECK(dump(m, "not yet, yet to, not") == "not yet=2 yet to=4 not=1");
}

TEST_CASE("phrase matcher: the first payload of a repeated phrase wins", "[parser]") {
    const auto m = make({{"launch", 7}, {"launch", 8}});
    CHECK(dump(m, "launch") == "launch=7");
}

TEST_CASE("phrase matcher: Latin words next to Chinese still match", "[parser]") {
    const auto m = make({{"apple", 1}, {"ai", 2}});
    CHECK(dump(m, "苹果Apple的AI功能") == "Apple=1 AI=2");
}

TEST_CASE("phrase matcher: find before compile is a programming error", "[parser]") {
    PhraseMatcher m;
    m.add("deal", 1);
    std::vector<PhraseMatcher::Match> out;
    CHECK_THROWS_AS(m.find("deal", out), std::logic_error);
}
