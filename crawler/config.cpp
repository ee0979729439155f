#include "crawler/config.h"

#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include <date/tz.h>
#include <re2/re2.h>

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

using nlohmann::json;

/// A user agent longer than this is a mistake (real ones are under 300 bytes), and every
/// request would carry it.
constexpr std::size_t kMaxUserAgentBytes = 1024;

bool looks_like_http_url(std::string_view url) {
    std::string_view rest;
    if (url.starts_with("http://")) rest = url.substr(7);
    else if (url.starts_with("https://")) rest = url.substr(8);
    else return false;
    // parse_url refuses what libcurl would refuse later: a port over 65535, a bad host.
    return !rest.empty() && rest.front() != '/' && url.find_first_of(" \t\r\n") == std::string_view::npos &&
           parse_url(url).has_value();
}

bool has_control_character(std::string_view text) {
    for (const char c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
    return false;
}

bool is_known_zone(const std::string& name) {
    try {
        return date::locate_zone(name) != nullptr;
    } catch (const std::exception&) {
        return false; // date throws std::runtime_error for a name the database lacks
    }
}

Outlet parse_outlet(const json& j, const std::string& file, std::size_t index) {
    if (!j.is_object())
        throw ConfigError(file + ": outlets[" + std::to_string(index) + "]: expected an object");
    std::string label = "outlets[" + std::to_string(index) + "]";
    if (auto it = j.find("id"); it != j.end() && it->is_string())
        label = "outlet \"" + it->get<std::string>() + "\"";
    const FieldReader r(j, file + ": " + label + ": ");
    r.reject_unknown({"id", "name", "home", "feeds", "sitemaps", "allow", "language", "date_order",
                      "timezone", "tier", "min_delay_ms", "max_connections", "max_pages"});
    Outlet o;
    o.id = *r.string("id", true);
    static const std::regex kId("^[a-z0-9][a-z0-9._-]{0,63}$");
    if (!std::regex_match(o.id, kId))
        r.fail("id", "must be 1-64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit");
    o.name = r.string("name", false).value_or(o.id);
    o.home = *r.string("home", true);
    if (!looks_like_http_url(o.home))
        r.fail("home", "must be an http:// or https:// URL (with a host and a port up to 65535)");
    o.feeds = r.strings("feeds");
    o.sitemaps = r.strings("sitemaps");
    for (const auto& u : o.feeds)
        if (!looks_like_http_url(u)) r.fail("feeds", "\"" + u + "\" is not an http(s) URL");
    for (const auto& u : o.sitemaps)
        if (!looks_like_http_url(u)) r.fail("sitemaps", "\"" + u + "\" is not an http(s) URL");
    o.allow = r.strings("allow");
    for (const auto& pattern : o.allow) {
        // The crawler matches with RE2 (linear time): a pattern it cannot take (a
        // backreference, a lookahead) is refused here rather than ignored later.
        const RE2 re(pattern, RE2::Quiet);
        if (!re.ok())
            r.fail("allow", "\"" + pattern + "\" is not a regular expression RE2 accepts: " + re.error());
    }
    o.language = *r.string("language", true);
    static const std::regex kLang("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");
    if (!std::regex_match(o.language, kLang)) r.fail("language", "expected a language tag such as \"en\" or \"zh\"");
    if (auto v = r.string("date_order", false)) {
        auto order = date_order_from_string(*v);
        if (!order) r.fail("date_order", "expected \"mdy\", \"dmy\" or \"ymd\", not \"" + *v + "\"");
        o.date_order = *order;
    }
    if (auto v = r.string("timezone", false)) {
        static const std::regex kZone("^(UTC|GMT|[A-Za-z_]+(/[A-Za-z0-9_+-]+)+)$");
        if (!std::regex_match(*v, kZone) || !is_known_zone(*v))
            r.fail("timezone", "expected an IANA zone such as \"Asia/Shanghai\", not \"" + *v + "\"");
        o.timezone = *v;
    }
    if (auto v = r.string("tier", false)) {
        auto tier = tier_from_string(*v);
        if (!tier) r.fail("tier", "expected \"wire\", \"major\", \"trade\" or \"blog\", not \"" + *v + "\"");
        o.tier = *tier;
    }
    if (auto v = r.integer("min_delay_ms", 0, 3'600'000)) o.min_delay_ms = *v;
    if (auto v = r.integer("max_connections", 1, 64)) o.max_connections = *v;
    if (auto v = r.integer("max_pages", 1, 10'000'000)) o.max_pages = *v;
    return o;
}

} // namespace


CrawlConfig parse_config(std::string_view text, const std::string& file) {
    const json root = parse_config_json(text, file);
    const FieldReader r(root, file + ": ");
    r.reject_unknown({"user_agent", "outlets"});
    CrawlConfig config;
    config.source_file = file;
    if (auto ua = r.string("user_agent", false)) {
        if (ua->empty() || has_control_character(*ua))
            r.fail("user_agent", "must be one non-empty line without control characters");
        if (ua->size() > kMaxUserAgentBytes)
            r.fail("user_agent", "is longer than " + std::to_string(kMaxUserAgentBytes) + " bytes");
        config.user_agent = *ua;
    }
    const json* outlets = r.get("outlets", true);
    if (!outlets->is_array()) r.fail("outlets", "expected an array of outlets");
    if (outlets->empty()) r.fail("outlets", "is empty: a crawl needs at least one outlet");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < outlets->size(); ++i) {
        Outlet o = parse_outlet((*outlets)[i], file, i);
        if (!ids.insert(o.id).second)
            throw ConfigError(file + ": outlet \"" + o.id + "\": field \"id\": appears twice");
        if (o.feeds.empty() && o.sitemaps.empty() && o.home.empty())
            throw ConfigError(file + ": outlet \"" + o.id + "\" has no sources");
        config.outlets.push_back(std::move(o));
    }
    return config;
}

} // namespace rumorwatch
