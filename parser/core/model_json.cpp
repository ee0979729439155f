/// \file
/// The JSON codec of the model types, both directions beside each other: what to_json writes,
/// from_json reads back, field for field (tests/parser/core/model_json_test.cpp fills every
/// field and checks the round trip). Decoding is lenient, as stored records need it: a
/// missing or mistyped field keeps its default, an unknown status reads as `none`.
#include "parser/core/model.h"

#include <nlohmann/json.hpp>

#include "parser/core/time.h"

namespace rumorwatch {
namespace {

using nlohmann::json;

std::string str(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> strings(const json& j, const char* key) {
    std::vector<std::string> out;
    const auto it = j.find(key);
    if (it != j.end() && it->is_array())
        for (const auto& v : *it)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

template <typename T>
T number(const json& j, const char* key, T fallback) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<T>() : fallback;
}

bool flag(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}

RumorStatus status_or_none(const json& j, const char* key) {
    return status_from_string(str(j, key)).value_or(RumorStatus::none);
}

std::optional<ArticleDate> date_or_null(const json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_object()) return std::nullopt;
    return it->get<ArticleDate>();
}

} // namespace

void to_json(nlohmann::json& j, RumorStatus s) { j = std::string(to_string(s)); }

void from_json(const nlohmann::json& j, RumorStatus& s) {
    const auto parsed = status_from_string(j.get<std::string>());
    if (!parsed) throw nlohmann::json::other_error::create(501, "unknown status " + j.dump(), &j);
    s = *parsed;
}

void to_json(nlohmann::json& j, const ArticleDate& d) {
    j = {{"time", format_iso8601(d.time)},
         {"source", d.source},
         {"reliable", d.reliable},
         {"has_time_of_day", d.has_time_of_day},
         {"utc_offset_minutes", nullptr}};
    if (d.utc_offset_minutes) j["utc_offset_minutes"] = *d.utc_offset_minutes;
}

void to_json(nlohmann::json& j, const Article& a) {
    j = nlohmann::json{{"url", a.url},
                       {"canonical_url", a.canonical_url},
                       {"title", a.title},
                       {"title_source", a.title_source},
                       {"text", a.text},
                       {"text_source", a.text_source},
                       {"published", nullptr},
                       {"modified", nullptr},
                       {"authors", a.authors},
                       {"organisations", a.organisations},
                       {"language", a.language},
                       {"language_source", a.language_source},
                       {"site_name", a.site_name},
                       {"description", a.description},
                       {"image", a.image},
                       {"section", a.section},
                       {"keywords", a.keywords},
                       {"warnings", a.warnings},
                       {"canonical_source", a.canonical_source},
                       {"site_name_source", a.site_name_source},
                       {"authors_source", a.authors_source},
                       {"captions", a.captions},
                       {"alt_title", a.alt_title},
                       {"page_type", a.page_type}};
    if (a.published) j["published"] = *a.published;
    if (a.modified) j["modified"] = *a.modified;
}

void to_json(nlohmann::json& j, const Mention& m) {
    j = {{"sentence", m.sentence},       {"begin", m.begin},       {"end", m.end},
         {"status", m.status},           {"confidence", m.confidence}, {"cue", m.cue},
         {"attribution", m.attribution}, {"entities", m.entities}, {"in_headline", m.in_headline},
         {"background", m.background}};
}

void to_json(nlohmann::json& j, const RumorAnalysis& r) {
    j = {{"topic", r.topic_id},       {"status", r.status},     {"confidence", r.confidence},
         {"mentions", r.mentions},    {"evidence", nullptr},    {"entities", r.entities},
         {"sources", r.sources}};
    if (r.evidence) j["evidence"] = *r.evidence;
}

void to_json(nlohmann::json& j, const Outlet& o) {
    j = {{"id", o.id},
         {"name", o.name},
         {"home", o.home},
         {"feeds", o.feeds},
         {"sitemaps", o.sitemaps},
         {"allow", o.allow},
         {"language", o.language},
         {"date_order", std::string(to_string(o.date_order))},
         {"timezone", o.timezone},
         {"tier", std::string(to_string(o.tier))},
         {"min_delay_ms", o.min_delay_ms},
         {"max_connections", o.max_connections},
         {"max_pages", o.max_pages}};
}


void from_json(const nlohmann::json& j, ArticleDate& d) {
    d = ArticleDate{};
    d.time = parse_iso8601(str(j, "time")).value_or(Timestamp{});
    d.source = str(j, "source");
    d.reliable = flag(j, "reliable");
    d.has_time_of_day = flag(j, "has_time_of_day");
    if (const auto it = j.find("utc_offset_minutes"); it != j.end() && it->is_number_integer())
        d.utc_offset_minutes = it->get<int>();
}

void from_json(const nlohmann::json& j, Article& a) {
    a = Article{};
    a.url = str(j, "url");
    a.canonical_url = str(j, "canonical_url");
    a.title = str(j, "title");
    a.title_source = str(j, "title_source");
    a.text = str(j, "text");
    a.text_source = str(j, "text_source");
    a.published = date_or_null(j, "published");
    a.modified = date_or_null(j, "modified");
    a.authors = strings(j, "authors");
    a.organisations = strings(j, "organisations");
    a.language = str(j, "language");
    a.language_source = str(j, "language_source");
    a.site_name = str(j, "site_name");
    a.description = str(j, "description");
    a.image = str(j, "image");
    a.section = str(j, "section");
    a.keywords = strings(j, "keywords");
    a.warnings = strings(j, "warnings");
    a.canonical_source = str(j, "canonical_source");
    a.site_name_source = str(j, "site_name_source");
    a.authors_source = str(j, "authors_source");
    a.captions = strings(j, "captions");
    a.alt_title = str(j, "alt_title");
    a.page_type = str(j, "page_type");
}

void from_json(const nlohmann::json& j, Mention& m) {
    m = Mention{};
    m.sentence = str(j, "sentence");
    m.begin = number<std::size_t>(j, "begin", 0);
    m.end = number<std::size_t>(j, "end", 0);
    m.status = status_or_none(j, "status");
    m.confidence = number<double>(j, "confidence", 0.0);
    m.cue = str(j, "cue");
    m.attribution = str(j, "attribution");
    m.entities = strings(j, "entities");
    m.in_headline = flag(j, "in_headline");
    m.background = flag(j, "background");
}

void from_json(const nlohmann::json& j, RumorAnalysis& r) {
    r = RumorAnalysis{};
    r.topic_id = str(j, "topic");
    r.status = status_or_none(j, "status");
    r.confidence = number<double>(j, "confidence", 0.0);
    if (const auto it = j.find("mentions"); it != j.end() && it->is_array())
        for (const auto& m : *it) r.mentions.push_back(m.get<Mention>());
    if (const auto it = j.find("evidence"); it != j.end() && it->is_number_unsigned())
        r.evidence = it->get<std::size_t>();
    r.entities = strings(j, "entities");
    r.sources = strings(j, "sources");
}

void from_json(const nlohmann::json& j, Outlet& o) {
    o = Outlet{};
    o.id = str(j, "id");
    o.name = str(j, "name");
    o.home = str(j, "home");
    o.feeds = strings(j, "feeds");
    o.sitemaps = strings(j, "sitemaps");
    o.allow = strings(j, "allow");
    o.language = str(j, "language");
    o.date_order = date_order_from_string(str(j, "date_order")).value_or(DateOrder::mdy);
    if (j.contains("timezone")) o.timezone = str(j, "timezone");
    o.tier = tier_from_string(str(j, "tier")).value_or(OutletTier::major);
    o.min_delay_ms = number<int>(j, "min_delay_ms", o.min_delay_ms);
    o.max_connections = number<int>(j, "max_connections", o.max_connections);
    o.max_pages = number<int>(j, "max_pages", o.max_pages);
}

} // namespace rumorwatch
