/// \file
/// The status model's reader and scorer, and the built-in model.
#include <catch2/catch.hpp>

#include "parser/core/core.h"
#include "parser/analysis/status_model.h"

using namespace rumorwatch;

namespace {

const char* kModel = "# a comment\n"
                     "classes\tnone\treported\tdenied\n"
                     "__bias__\t0.5\t-1\t-1\n"
                     "word=no\t-1\t0\t2.5\n"
                     "word=sources\t-1\t2\t0\n";

} // namespace

TEST_CASE("status model: the highest score wins; unknown features count for nothing", "[parser]") {
    const StatusModel model(kModel);
    CHECK(model.size() == 2);
    CHECK(model.score({}).best == RumorStatus::none);
    CHECK(model.score({"word=sources"}).best == RumorStatus::reported);
    CHECK(model.score({"word=no", "unseen"}).best == RumorStatus::denied);
    const auto s = model.score({"word=no"});
    double total = 0;
    for (double p : s.probability) total += p;
    CHECK(total == Approx(1.0));
    CHECK(s.confidence == Approx(s.probability[static_cast<std::size_t>(RumorStatus::denied)]));
    CHECK(s.probability[static_cast<std::size_t>(RumorStatus::confirmed)] == 0.0); // not a class of this model
}

TEST_CASE("status model: malformed text is an error naming the line", "[parser]") {
    CHECK_THROWS_WITH(StatusModel("classes\tnone\tmaybe\n"), Catch::Contains("unknown class \"maybe\""));
    CHECK_THROWS_WITH(StatusModel("w\t1\n"), Catch::Contains("line 1: weights before the classes line"));
    CHECK_THROWS_WITH(StatusModel("classes\tnone\treported\nw\t1\n"), Catch::Contains("line 2: expected 2 weights"));
    CHECK_THROWS_WITH(StatusModel("classes\tnone\nw\tx\n"), Catch::Contains("line 2: bad weight \"x\""));
}

TEST_CASE("status model: the built-in model reads and knows every status", "[parser]") {
    const StatusModel* model = StatusModel::builtin();
    REQUIRE(model != nullptr);
    CHECK(model->size() > 100);
    const auto s = model->score({});
    double total = 0;
    for (double p : s.probability) total += p;
    CHECK(total == Approx(1.0));
    for (double p : s.probability) CHECK(p > 0.0);
}

TEST_CASE("status model: the best class is the highest raw score, whatever the class order", "[parser]") {
    // A later class with a lower score must not win against an earlier one's probability
    // (scores and probabilities are on different scales).
    const StatusModel model("classes\tnone\treported\tdenied\n__bias__\t3\t2\t-1\n");
    CHECK(model.score({}).best == RumorStatus::none);
    const StatusModel reversed("classes\tdenied\treported\tnone\n__bias__\t-1\t2\t3\n");
    CHECK(reversed.score({}).best == RumorStatus::none);
}
