/// \file
/// `rumorwatch extract --topic`: the rumor analysis joins the extracted article.
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "query/cli/cli.h"
#include "tests/support/cli_run.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;

namespace {

const char* kPage = R"html(<!doctype html><html><head><title>Alibaba chairman confirms Apple AI deal</title>
<meta property="article:published_time" content="2025-02-13T09:00:00Z"></head>
<body><article><h1>Alibaba chairman confirms Apple AI deal</h1>
<p>Alibaba Group chairman Joe Tsai confirmed on Thursday that Apple will use Alibaba's AI for iPhones
sold in China, speaking at a conference in Dubai where he also discussed the group's cloud business.</p>
<p>Apple has not commented on the partnership, and the company did not respond to a request for comment
on Thursday about when the features might reach users in mainland China.</p>
</article></body></html>)html";

using rumorwatch::test::CliRun;

CliRun run(const std::vector<std::string>& args, const std::string& input) {
    return rumorwatch::test::run_cli_captured(args, input);
}

std::string topic_path() { return (test::source_dir() / "seeds/topics/apple-alibaba.json").string(); }

} // namespace

TEST_CASE("extract --topic: JSON gains an analysis with status and evidence", "[query]") {
    const auto r = run({"extract", "-", "--format", "json", "--topic", topic_path(), "--fetched-at",
                        "2025-02-14T00:00:00Z"},
                       kPage);
    REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j.contains("analysis"));
    const auto& a = j["analysis"];
    CHECK(a["topic"] == "apple-alibaba");
    CHECK(a["status"] == "partially_confirmed");
    REQUIRE(a["evidence"].is_number());
    const auto& m = a["mentions"][a["evidence"].get<std::size_t>()];
    CHECK(m["status"] == "partially_confirmed");
    CHECK_THAT(m["sentence"].get<std::string>(), Catch::Contains("confirm"));
}

TEST_CASE("extract --topic: text output ends with the rumor section", "[query]") {
    const auto r = run({"extract", "-", "--topic", topic_path(), "--fetched-at", "2025-02-14T00:00:00Z"}, kPage);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("Rumor [apple-alibaba]: partially_confirmed"));
    CHECK_THAT(r.out, Catch::Contains("* partially_confirmed [confirms]"));
}

TEST_CASE("extract without --topic prints no analysis - a broken topic exits 2", "[query]") {
    const auto plain = run({"extract", "-", "--format", "json", "--fetched-at", "2025-02-14T00:00:00Z"}, kPage);
    REQUIRE(plain.code == 0);
    CHECK_FALSE(nlohmann::json::parse(plain.out).contains("analysis"));
    const auto bad = run({"extract", "-", "--topic", "/nonexistent/topic.json"}, kPage);
    CHECK(bad.code == 2);
    CHECK_THAT(bad.err, Catch::Contains("/nonexistent/topic.json"));
}
