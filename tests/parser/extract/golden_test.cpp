/// Golden extraction tests: every tests/golden/<site>/<slug>/ holds the raw bytes of a page
/// (source.html, or source.path naming a page of the demo world relative to the repository,
/// so demo pages are not stored twice) and what the extractor must read from it (expected.json, written with
/// dump(2), carrying "extractor_version" and the "input" the page is read with: URL, fetch
/// time, the outlet's zone and date order, the HTTP Content-Type). Set
/// RUMORWATCH_UPDATE_GOLDEN=1 to rewrite "expected" from the current output; review the diff
/// like code, since the files state what is right, not what the code happens to do.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "parser/extract/charset.h"
#include "parser/extract/extract.h"
#include "parser/core/core.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

json date_json(const std::optional<ArticleDate>& d) {
    if (!d) return nullptr;
    return {{"time", format_iso8601(d->time)}, {"source", d->source}, {"reliable", d->reliable},
            {"has_time_of_day", d->has_time_of_day}};
}

/// The fields a golden file pins (warnings and the description are left out: they are for
/// people and change wording freely).
json observed(const Article& a, const DecodedText& decoded) {
    return {{"title", a.title},
            {"title_source", a.title_source},
            {"text", a.text},
            {"text_source", a.text_source},
            {"published", date_json(a.published)},
            {"modified", date_json(a.modified)},
            {"authors", a.authors},
            {"organisations", a.organisations},
            {"language", a.language},
            {"language_source", a.language_source},
            {"canonical_url", a.canonical_url},
            {"site_name", a.site_name},
            {"section", a.section},
            {"captions", a.captions},
            {"charset", decoded.charset}};
}

struct GoldenResult {
    json expected;
    json actual;
};

/// The page of a golden case: its own source.html, or the demo-world page source.path names.
fs::path source_of(const fs::path& dir) {
    if (fs::exists(dir / "source.path")) {
        std::string relative = read_file(dir / "source.path");
        while (!relative.empty() && (relative.back() == '\n' || relative.back() == '\r' || relative.back() == ' '))
            relative.pop_back();
        return test::source_dir() / relative;
    }
    return dir / "source.html";
}

GoldenResult run_case(const fs::path& dir, const json& spec) {
    const json& in = spec.at("input");
    ExtractOptions options;
    options.url = in.value("url", "");
    if (in.contains("fetched_at")) options.fetched_at = parse_iso8601(in["fetched_at"].get<std::string>());
    options.timezone = in.value("timezone", "UTC");
    options.date_order = date_order_from_string(in.value("date_order", "mdy")).value_or(DateOrder::mdy);
    options.language_hint = in.value("language_hint", "");
    options.site_name = in.value("site_name", "");
    options.content_language = in.value("content_language", "");
    const DecodedText decoded = decode_to_utf8(read_file(source_of(dir)), in.value("content_type", ""));
    const Article a = extract_article(decoded.utf8, options);
    return {spec.value("expected", json::object()), observed(a, decoded)};
}

std::vector<fs::path> golden_dirs() {
    std::vector<fs::path> dirs;
    const fs::path root = test::source_dir() / "tests" / "golden";
    if (!fs::exists(root)) return dirs;
    for (const auto& site : fs::directory_iterator(root)) {
        if (!site.is_directory()) continue;
        for (const auto& slug : fs::directory_iterator(site.path()))
            if (fs::exists(source_of(slug.path())) && fs::exists(slug.path() / "expected.json"))
                dirs.push_back(slug.path());
    }
    std::sort(dirs.begin(), dirs.end());
    return dirs;
}

} // namespace

TEST_CASE("golden: every page extracts as stated in its expected.json", "[parser][golden]") {
    const bool update = std::getenv("RUMORWATCH_UPDATE_GOLDEN") != nullptr &&
                        std::string(std::getenv("RUMORWATCH_UPDATE_GOLDEN")) == "1";
    const auto dirs = golden_dirs();
    REQUIRE(dirs.size() >= 40);
    for (const auto& dir : dirs) {
        const std::string name = dir.parent_path().filename().string() + "/" + dir.filename().string();
        SECTION(name) {
            json spec = json::parse(read_file(dir / "expected.json"));
            CHECK(spec.value("extractor_version", "") == kExtractorVersion);
            const GoldenResult r = run_case(dir, spec);
            if (update) {
                spec["expected"] = r.actual;
                spec["extractor_version"] = kExtractorVersion;
                std::ofstream(dir / "expected.json") << spec.dump(2) << "\n";
                continue;
            }
            // Every observed field must be stated: a golden file without expectations proves nothing.
            for (auto it = r.actual.begin(); it != r.actual.end(); ++it) {
                INFO(name << ": expected.json does not state \"" << it.key() << "\"");
                CHECK(r.expected.contains(it.key()));
            }
            for (auto it = r.expected.begin(); it != r.expected.end(); ++it) {
                INFO(name << ": field \"" << it.key() << "\"");
                REQUIRE(r.actual.contains(it.key()));
                CHECK(r.actual[it.key()].dump(2) == it.value().dump(2));
            }
        }
    }
}
