/// \file
/// The domain's value types: Outlet, Article, Mention, RumorAnalysis and the status vocabulary.
/// Plain aggregates with no I/O and no library handles; JSON conversion sits beside them.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace rumorwatch {

/// Every instant in rumorwatch: UTC, whole seconds. Formatted only at the edges.
using Timestamp = std::chrono::sys_seconds;

/// The status vocabulary (README "Rumor analysis"). `none` is for an article that does not
/// touch the topic.
enum class RumorStatus {
    none,
    mentioned,
    speculation,
    reported,
    partially_confirmed,
    confirmed,
    denied,
    stalled,
    cancelled,
};

/// All statuses in declaration order (for tables, facets and confusion matrices).
inline constexpr RumorStatus kAllStatuses[] = {
    RumorStatus::none,      RumorStatus::mentioned, RumorStatus::speculation,
    RumorStatus::reported,  RumorStatus::partially_confirmed, RumorStatus::confirmed,
    RumorStatus::denied,    RumorStatus::stalled,   RumorStatus::cancelled,
};

/// "partially_confirmed" etc.; the one name table for statuses.
std::string_view to_string(RumorStatus status);
/// Inverse of to_string; std::nullopt for an unknown name.
std::optional<RumorStatus> status_from_string(std::string_view name);

/// How an outlet writes numeric dates such as "7/3/2026".
enum class DateOrder { mdy, dmy, ymd };
std::string_view to_string(DateOrder order);
std::optional<DateOrder> date_order_from_string(std::string_view name);

/// How much an outlet's word weighs on its own.
enum class OutletTier { wire, major, trade, blog };
std::string_view to_string(OutletTier tier);
std::optional<OutletTier> tier_from_string(std::string_view name);

/// One configured news outlet (README "Configuration reference").
struct Outlet {
    std::string id;
    std::string name;
    std::string home;
    std::vector<std::string> feeds;
    std::vector<std::string> sitemaps;
    std::vector<std::string> allow; ///< RE2 patterns; a URL must match one (empty: same host)
    std::string language;           ///< BCP 47 primary tag, "en", "zh"
    DateOrder date_order = DateOrder::mdy;
    std::string timezone = "UTC"; ///< IANA zone, e.g. "Asia/Shanghai"
    OutletTier tier = OutletTier::major;
    int min_delay_ms = 1000;
    int max_connections = 2;
    int max_pages = 2000;

    bool operator==(const Outlet&) const = default;
};

/// A whole outlets file.
struct CrawlConfig {
    std::string user_agent = "rumorwatch/0.1 (+https://example.org/rumorwatch)";
    std::vector<Outlet> outlets;
    std::string source_file; ///< where it was loaded from, for messages

    bool operator==(const CrawlConfig&) const = default;
};

/// A date found in a page, with where it came from. Reliable dates come from structured
/// data (JSON-LD, meta tags, <time datetime>) or the URL; dates read from prose are not.
struct ArticleDate {
    Timestamp time{};
    std::string source;     ///< "json-ld", "meta:article:published_time", "time", "url", "text", ...
    bool reliable = false;
    bool has_time_of_day = false; ///< false when only the day is known (time is 00:00 local)
    /// The page's own UTC offset for this date in minutes (+480 for "+08:00"), when the page
    /// states one or the outlet's zone gives it; the local day and printed times use it.
    std::optional<int> utc_offset_minutes;

    bool operator==(const ArticleDate&) const = default;
};

/// What the parser reads from one page. Text is UTF-8, paragraphs separated by "\n\n".
struct Article {
    std::string url;           ///< the URL it was fetched from
    std::string canonical_url; ///< rel=canonical / og:url, else url, canonicalised
    std::string title;
    std::string title_source;
    std::string text;
    std::string text_source; ///< "dom", "json-ld", "og:description", ...
    std::optional<ArticleDate> published;
    std::optional<ArticleDate> modified;
    std::vector<std::string> authors;       ///< people
    std::vector<std::string> organisations; ///< bylines that name an organisation
    std::string language;
    std::string language_source;
    std::string site_name;
    std::string description;
    std::string image;
    std::string section;
    std::vector<std::string> keywords;
    std::vector<std::string> warnings; ///< what the extractor could not do, for people
    std::string canonical_source;           ///< "link:canonical", "og:url", "json-ld", "url"
    std::string site_name_source;           ///< "og:site_name", "json-ld", "outlet", ...
    std::string authors_source;             ///< "json-ld", "meta:author", "byline", ...
    std::vector<std::string> captions;      ///< figure captions of the body, kept out of `text`
    /// A differing headline the page also carries (og:title, JSON-LD headline, <title>)
    /// while `title` is the visible one; empty when they agree.
    std::string alt_title;
    /// What kind of page it is: "article", "liveblog" or "listing" (section fronts, archives,
    /// tag pages: used for links, not indexed as articles); empty when not determined.
    std::string page_type;

    bool operator==(const Article&) const = default;
};

/// One statement about the rumor inside an article, with its evidence.
struct Mention {
    std::string sentence;
    std::size_t begin = 0; ///< byte offset of the sentence in Article::text
    std::size_t end = 0;   ///< one past its last byte
    RumorStatus status = RumorStatus::mentioned;
    double confidence = 0.0;
    std::string cue;         ///< the words that decided the status
    std::string attribution; ///< who is said to say it: "Reuters", "Alibaba chairman", ...
    std::vector<std::string> entities; ///< topic entity ids named or referred to
    bool in_headline = false;
    bool background = false; ///< reported speech of an older event, not this article's news

    bool operator==(const Mention&) const = default;
};

/// What an article says about one topic as a whole.
struct RumorAnalysis {
    std::string topic_id;
    RumorStatus status = RumorStatus::none;
    double confidence = 0.0;
    std::vector<Mention> mentions;
    std::optional<std::size_t> evidence; ///< index into mentions of the deciding one
    std::vector<std::string> entities;   ///< every topic entity id the article names
    std::vector<std::string> sources;    ///< every attribution, deduplicated

    bool operator==(const RumorAnalysis&) const = default;
};

// The JSON codec (model_json.cpp): enums as strings, timestamps as ISO 8601 UTC; from_json
// reads back every field to_json writes.
void to_json(nlohmann::json& j, RumorStatus s);
void from_json(const nlohmann::json& j, RumorStatus& s); ///< throws on an unknown name
void to_json(nlohmann::json& j, const ArticleDate& d);
void from_json(const nlohmann::json& j, ArticleDate& d);
void to_json(nlohmann::json& j, const Article& a);
void from_json(const nlohmann::json& j, Article& a);
void to_json(nlohmann::json& j, const Mention& m);
void from_json(const nlohmann::json& j, Mention& m);
void to_json(nlohmann::json& j, const RumorAnalysis& r);
void from_json(const nlohmann::json& j, RumorAnalysis& r);
void to_json(nlohmann::json& j, const Outlet& o);
void from_json(const nlohmann::json& j, Outlet& o);

} // namespace rumorwatch
