/// \file
/// resolve_scopes: what each negator, hedge, future marker and denial reaches.
#include <catch2/catch.hpp>

#include "parser/analysis/negation.h"

using namespace rumorwatch;

namespace {

/// Renders each statement hit with its flags: "confirmed[neg]", "stalled[denied]" ...
std::string scopes_of(std::string_view s) {
    static const Lexicon lexicon(nullptr);
    std::vector<Lexicon::Hit> hits;
    lexicon.scan(s, hits);
    const auto scopes = resolve_scopes(s, hits);
    std::string out;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if (!is_statement(hits[i].kind)) continue;
        std::string flags;
        const auto& sc = scopes[i];
        if (sc.negated) flags += sc.pending ? "pending," : "neg,";
        if (sc.hedged) flags += "hedged,";
        if (sc.future) flags += "future,";
        if (sc.denied) flags += "denied,";
        if (sc.flips) flags += "flips,";
        if (sc.object) flags += "object,";
        if (!flags.empty()) flags.pop_back();
        if (!out.empty()) out += ' ';
        out += std::string(s.substr(hits[i].begin, hits[i].end - hits[i].begin)) + "[" + flags + "]";
    }
    return out;
}

} // namespace

TEST_CASE("negation: narrow negators reach the next statement within four words", "[parser]") {
    CHECK(scopes_of("Apple has not confirmed the report.") == "confirmed[neg]");
    CHECK(scopes_of("There is no official confirmation.") == "confirmation[neg]");
    CHECK(scopes_of("Apple did not deny it.") == "deny[neg]");
    CHECK(scopes_of("Apple has not, as of Tuesday, confirmed anything.") == "confirmed[]");
    CHECK(scopes_of("It is not the case that they never confirmed.") == "not the case[] confirmed[neg]");
}

TEST_CASE("negation: pending negators and a later 'yet'", "[parser]") {
    CHECK(scopes_of("Apple has yet to confirm.") == "confirm[pending,future]");
    CHECK(scopes_of("No agreement has been signed yet.") == "signed[pending]");
    CHECK(scopes_of("苹果尚未证实。") == "证实[pending]");
}

TEST_CASE("negation: neither ... nor reaches the whole clause", "[parser]") {
    CHECK(scopes_of("Neither Apple nor Alibaba has confirmed the deal.") == "confirmed[neg] the deal[neg,object]");
    CHECK(scopes_of("双方均未证实。") == "证实[neg]");
    CHECK(scopes_of("Neither company confirmed, but sources said talks had stalled.") ==
          "confirmed[neg] sources said[] talks[] stalled[]");
}

TEST_CASE("negation: a speech verb takes the negation for itself", "[parser]") {
    CHECK(scopes_of("Apple has not said which partner it will use.") == "");
}

TEST_CASE("negation: hedges reach the rest of the clause, questions everything", "[parser]") {
    CHECK(scopes_of("Apple could announce it soon.") == "announce[hedged]");
    CHECK(scopes_of("Alibaba confirmed it, which could launch in May.") == "confirmed[] launch[hedged]");
    CHECK(scopes_of("Apple might sign a deal, but Alibaba confirmed.") == "a deal[hedged] confirmed[]");
    CHECK(scopes_of("Has Apple confirmed it?") == "confirmed[hedged]");
}

TEST_CASE("negation: future markers and infinitives make plans of acts", "[parser]") {
    CHECK(scopes_of("Apple plans to launch the feature.") == "launch[future]");
    CHECK(scopes_of("苹果将在年内推出该功能。") == "推出[future]");
    CHECK(scopes_of("To launch the feature, Apple needs a partner.") == "launch[future]");
}

TEST_CASE("negation: the quoted content of a named rumor is not asserted", "[parser]") {
    CHECK(scopes_of("苹果回应“已签约”传闻：暂无消息") == "签约[object] 传闻[]");
    CHECK(scopes_of("苹果否认了“已签约”的说法。") == "否认[] 签约[object]");
    // A quote that is not named as a rumor keeps its statements.
    CHECK(scopes_of("阿里巴巴表示：“双方已签约”。") == "签约[]");
}

TEST_CASE("negation: a denial covers the stall or cancellation it denies", "[parser]") {
    CHECK(scopes_of("Alibaba denied reports that talks had stalled.") == "denied[flips] reports[] talks[] stalled[denied]");
    CHECK(scopes_of("Reports that the deal was scrapped are false.") ==
          "Reports[] the deal[] scrapped[denied] false[flips]");
    CHECK(scopes_of("Apple denied the report, saying talks were delayed.") == "denied[] talks[] delayed[]");
    CHECK(scopes_of("阿里巴巴否认合作被搁置。") == "否认[flips] 搁置[denied]");
}
