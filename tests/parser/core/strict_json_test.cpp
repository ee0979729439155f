/// \file
/// The strict reading of configuration JSON shared by the outlets and topic loaders.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "parser/core/core.h"

using namespace rumorwatch;

namespace {

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST_CASE("strict json: line_and_column counts from one", "[parser]") {
    CHECK(line_and_column("ab\ncd", 0) == std::pair<std::size_t, std::size_t>{1, 1});
    CHECK(line_and_column("ab\ncd", 4) == std::pair<std::size_t, std::size_t>{2, 2});
}

TEST_CASE("strict json: syntax errors name line and column, duplicates and non-objects are refused", "[parser]") {
    CHECK_THAT(error_of([] { parse_config_json("{\n  \"a\": 1,\n  \"b\": }", "f.json"); }),
               Catch::StartsWith("f.json:3:8: syntax error:"));
    CHECK(error_of([] { parse_config_json(R"({"a": {"x": 1, "x": 2}})", "f.json"); }) ==
          "f.json: field \"x\": appears twice in one object");
    CHECK(error_of([] { parse_config_json("[1, 2]", "f.json"); }) == "f.json: expected a JSON object at the top level");
    // The same key in two different objects is fine.
    CHECK(parse_config_json(R"({"a": {"x": 1}, "b": {"x": 2}})", "f.json")["b"]["x"] == 2);
}

TEST_CASE("strict json: the field reader names file, place and dotted path", "[parser]") {
    const auto j = nlohmann::json::parse(R"({"name": 7, "list": ["a", 2], "n": 70000, "typo": true})");
    const FieldReader top(j, "f.json: ");
    const FieldReader inner(j, "f.json: outlet \"w\": ", "frame");
    CHECK(error_of([&] { top.string("name", true); }) == "f.json: field \"name\": expected a string");
    CHECK(error_of([&] { inner.string("name", true); }) == "f.json: outlet \"w\": field \"frame.name\": expected a string");
    CHECK(error_of([&] { top.strings("list"); }) == "f.json: field \"list\": expected an array of strings");
    CHECK(error_of([&] { top.integer("n", 1, 65535); }) == "f.json: field \"n\": must be between 1 and 65535");
    CHECK(error_of([&] { top.get("missing", true); }) == "f.json: field \"missing\": is required");
    CHECK(error_of([&] { top.reject_unknown({"name", "list", "n"}); }) == "f.json: field \"typo\": unknown field (a typo?)");
    CHECK_FALSE(top.string("missing", false));
}
