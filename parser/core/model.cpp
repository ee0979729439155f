#include "parser/core/model.h"

#include "parser/core/time.h"

namespace rumorwatch {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::pair<Enum, std::string_view> (&table)[N], std::string_view name) {
    for (const auto& [value, text] : table)
        if (text == name) return value;
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view name_of(const std::pair<Enum, std::string_view> (&table)[N], Enum value) {
    for (const auto& [v, text] : table)
        if (v == value) return text;
    return "?";
}

constexpr std::pair<RumorStatus, std::string_view> kStatusNames[] = {
    {RumorStatus::none, "none"},
    {RumorStatus::mentioned, "mentioned"},
    {RumorStatus::speculation, "speculation"},
    {RumorStatus::reported, "reported"},
    {RumorStatus::partially_confirmed, "partially_confirmed"},
    {RumorStatus::confirmed, "confirmed"},
    {RumorStatus::denied, "denied"},
    {RumorStatus::stalled, "stalled"},
    {RumorStatus::cancelled, "cancelled"},
};

constexpr std::pair<DateOrder, std::string_view> kDateOrderNames[] = {
    {DateOrder::mdy, "mdy"}, {DateOrder::dmy, "dmy"}, {DateOrder::ymd, "ymd"}};

constexpr std::pair<OutletTier, std::string_view> kTierNames[] = {
    {OutletTier::wire, "wire"}, {OutletTier::major, "major"},
    {OutletTier::trade, "trade"}, {OutletTier::blog, "blog"}};

} // namespace

std::string_view to_string(RumorStatus s) { return name_of(kStatusNames, s); }
std::optional<RumorStatus> status_from_string(std::string_view n) { return lookup(kStatusNames, n); }
std::string_view to_string(DateOrder o) { return name_of(kDateOrderNames, o); }
std::optional<DateOrder> date_order_from_string(std::string_view n) { return lookup(kDateOrderNames, n); }
std::string_view to_string(OutletTier t) { return name_of(kTierNames, t); }
std::optional<OutletTier> tier_from_string(std::string_view n) { return lookup(kTierNames, n); }

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
         {"has_time_of_day", d.has_time_of_day}};
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
                       {"captions", a.captions}};
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

} // namespace rumorwatch
