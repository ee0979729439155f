/// \file
/// `rumorwatch classify`: JSON lines in, one verdict per line out, bad lines reported.
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "query/cli/cli.h"
#include "tests/support/cli_run.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;

namespace {

using rumorwatch::test::CliRun;

CliRun run(const std::vector<std::string>& args, const std::string& input) {
    return rumorwatch::test::run_cli_captured(args, input);
}

std::vector<nlohmann::json> lines_of(const std::string& out) {
    std::vector<nlohmann::json> v;
    std::istringstream s(out);
    std::string line;
    while (std::getline(s, line)) v.push_back(nlohmann::json::parse(line));
    return v;
}

std::string topic_path() { return (test::source_dir() / "seeds/topics/apple-alibaba.json").string(); }

} // namespace

TEST_CASE("classify: one verdict per input line, with the input's id", "[query]") {
    const std::string input =
        R"({"id": "a", "text": "Apple is in talks with Alibaba, according to people familiar with the matter."})"
        "\n"
        R"({"id": 7, "headline": "Alibaba chairman confirms Apple deal", "body": "Joe Tsai said Apple will use Qwen in China."})"
        "\n\n"
        R"({"id": "c", "text": "Baidu released a new model."})"
        "\n";
    const auto r = run({"classify", "--topic", topic_path()}, input);
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    const auto out = lines_of(r.out);
    REQUIRE(out.size() == 3);
    CHECK(out[0]["id"] == "a");
    CHECK(out[0]["status"] == "reported");
    CHECK(out[0]["attribution"] == "people familiar with the matter");
    CHECK(out[0]["evidence"] == "Apple is in talks with Alibaba, according to people familiar with the matter.");
    CHECK(out[1]["id"] == 7);
    CHECK(out[1]["status"] == "partially_confirmed");
    CHECK(out[1]["cue"] == "confirms");
    CHECK(out[2]["status"] == "none");
    CHECK(out[2]["evidence"].is_null());
    for (const auto& o : out) {
        CHECK(o.size() == 6);
        CHECK(o["confidence"].get<double>() >= 0.0);
        CHECK(o["confidence"].get<double>() <= 1.0);
    }
}

TEST_CASE("classify: --generic judges stance without a topic, toward a claim if given", "[query]") {
    const std::string input = R"({"id": 1, "text": "Apple denies report it will launch a foldable iPhone"})"
                              "\n"
                              R"({"id": 2, "headline": "Meta delays launch of smart glasses", "body": "", "claim": "Meta delays its smart glasses"})"
                              "\n";
    const auto r = run({"classify", "--generic"}, input);
    CHECK(r.code == 0);
    const auto out = lines_of(r.out);
    REQUIRE(out.size() == 2);
    CHECK(out[0]["status"] == "denied");
    CHECK(out[1]["status"] == "confirmed");
}

TEST_CASE("classify: a bad line is reported by line or id, the rest still run, exit 2", "[query]") {
    const std::string input = "not json\n"
                              R"({"id": "x"})"
                              "\n"
                              R"({"id": "y", "text": 5})"
                              "\n"
                              R"({"id": "z", "text": "Apple scrapped its Alibaba deal."})"
                              "\n";
    const auto r = run({"classify", "--topic", topic_path()}, input);
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("stdin:1: not JSON"));
    CHECK_THAT(r.err, Catch::Contains("stdin:2: id \"x\": needs \"text\""));
    CHECK_THAT(r.err, Catch::Contains("stdin:3: id \"y\": field \"text\" must be a string"));
    const auto out = lines_of(r.out);
    REQUIRE(out.size() == 1);
    CHECK(out[0]["id"] == "z");
    CHECK(out[0]["status"] == "cancelled");
}

TEST_CASE("classify: --topic and --generic exclude each other - a broken topic exits 2", "[query]") {
    CHECK(run({"classify", "--generic", "--topic", topic_path()}, "").code == 2);
    test::TempDir dir;
    const auto bad = dir.write("t.json", R"({"id": "t", "name": "T", "entities": [], "deal_terms": {"en": ["x"]}})");
    const auto r = run({"classify", "--topic", bad}, "");
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("t.json: field \"entities\""));
}

// Regression (issue 17, finding 9): a 200 MB line was read whole (1.2 GB) and its token
// echoed to stderr whole. Lines over 4 MiB are skipped with a short message.
TEST_CASE("classify: a line over 4 MiB is skipped and not echoed whole", "[query]") {
    const std::string huge(5u << 20, 'x');
    const std::string bad_json = "{\"id\": \"q\", \"text\": " + std::string(100'000, 'y') + "}";
    const auto r = run({"classify", "--topic", topic_path()},
                       huge + "\n" + bad_json + "\n" + R"({"id": "ok", "text": "Baidu released a new model."})" + "\n");
    CHECK(r.code == 2);
    CHECK(r.err.size() < 2000);
    CHECK_THAT(r.err, Catch::Contains("stdin:1: line longer than 4 MiB"));
    CHECK_THAT(r.err, Catch::Contains("stdin:2: not JSON"));
    const auto out = lines_of(r.out);
    REQUIRE(out.size() == 1);
    CHECK(out[0]["id"] == "ok");
}
