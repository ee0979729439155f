/// \file
/// The model's JSON codec: every field written is read back, for every model type.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "parser/core/core.h"
#include "tests/support/every_field.h"

using namespace rumorwatch;
using nlohmann::json;

namespace {

/// True when a JSON value is what a default-constructed field would write.
bool looks_default(const json& v) {
    return v.is_null() || (v.is_string() && v.get<std::string>().empty()) || (v.is_array() && v.empty()) ||
           (v.is_boolean() && !v.get<bool>()) || (v.is_number() && v.get<double>() == 0.0);
}

template <typename T>
void check_every_field_written_and_read(const T& value) {
    const json j = value;
    // One key per member: a member added to the type but not to to_json fails here.
    CHECK(j.size() == test::field_count<T>());
    // The fixture fills every member: a member it leaves at its default would hide a codec
    // that drops it.
    for (const auto& [key, v] : j.items()) {
        INFO("field " << key);
        CHECK_FALSE(looks_default(v));
    }
    CHECK(j.get<T>() == value);
    // And through text, as the index stores it.
    CHECK(json::parse(j.dump()).get<T>() == value);
}

} // namespace

TEST_CASE("model codec: an Article with every field set comes back equal", "[parser]") {
    check_every_field_written_and_read(test::every_field_article());
}

TEST_CASE("model codec: Mention, RumorAnalysis, ArticleDate and Outlet come back equal", "[parser]") {
    check_every_field_written_and_read(test::every_field_mention());
    check_every_field_written_and_read(test::every_field_analysis("apple-alibaba"));
    check_every_field_written_and_read(*test::every_field_article().published);
    check_every_field_written_and_read(test::every_field_outlet());
}

TEST_CASE("model codec: reading is lenient for old or damaged records", "[parser]") {
    const auto a = json::parse(R"({"url": "http://x.example/a", "title": 7, "authors": ["A", 3], "published": "soon"})")
                       .get<Article>();
    CHECK(a.url == "http://x.example/a");
    CHECK(a.title.empty());
    CHECK(a.authors == std::vector<std::string>{"A"});
    CHECK_FALSE(a.published);
    const auto m = json::parse(R"({"status": "rumoured", "begin": "3"})").get<Mention>();
    CHECK(m.status == RumorStatus::none);
    CHECK(m.begin == 0);
}
