/// \file
/// robots.txt without I/O (RFC 9309): the rules for one crawler, and what a fetch status means.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rumorwatch {

/// Only the first 500 KiB of a robots.txt are parsed, as RFC 9309 section 2.5 allows.
inline constexpr std::size_t kRobotsMaxBytes = 500 * 1024;

/// The robots.txt rules that apply to one crawler on one host. A value type: cheap to
/// copy, safe to read from several threads.
class RobotsRules {
public:
    /// Allows everything (no robots.txt, or one that has nothing for us).
    RobotsRules() = default;
    static RobotsRules allow_all() { return {}; }
    /// Disallows everything (robots.txt unreachable or answering 5xx).
    static RobotsRules disallow_all();

    /// Whether the crawler may fetch `path_and_query` ("/a/b?c=d"; "" is read as "/"):
    /// the longest matching Allow/Disallow pattern decides, Allow wins a tie, no match
    /// means allowed, and /robots.txt itself is always allowed. Patterns and path are
    /// compared with percent-encoding normalised (RFC 9309 section 2.2.2).
    bool allowed(std::string_view path_and_query) const;
    /// The Crawl-delay of the group(s) that apply (the largest when several do), if any.
    std::optional<std::chrono::milliseconds> crawl_delay() const { return crawl_delay_; }
    /// Every Sitemap line of the file, in order, whatever group it sits in.
    const std::vector<std::string>& sitemaps() const { return sitemaps_; }
    /// True for disallow_all(): nothing may be fetched from the host.
    bool disallows_everything() const { return disallow_all_; }
    /// Number of Allow/Disallow rules that apply to the crawler.
    std::size_t rule_count() const { return rules_.size(); }

private:
    /// One Allow or Disallow line, its pattern normalised.
    struct Rule {
        std::string pattern;
        bool allow = false;
    };
    friend RobotsRules parse_robots(std::string_view body, std::string_view user_agent);

    std::vector<Rule> rules_;
    bool disallow_all_ = false;
    std::optional<std::chrono::milliseconds> crawl_delay_;
    std::vector<std::string> sitemaps_;
};

/// The product token robots.txt groups are matched against: the leading letters,
/// '-' and '_' of a User-Agent string, lower-cased ("rumorwatch/1.0 (+https://...)" ->
/// "rumorwatch").
std::string robots_product_token(std::string_view user_agent);

/// Parses a robots.txt body for the crawler whose User-Agent string is `user_agent`.
/// The groups naming its product token (case-insensitive; several are merged) apply,
/// else the "*" groups, else nothing is disallowed. Tolerates garbage: lines it cannot
/// read, HTML, a BOM, CR/LF/CRLF endings, common misspellings of the keys; parses only
/// the first kRobotsMaxBytes bytes (dropping a line cut there). Never throws.
RobotsRules parse_robots(std::string_view body, std::string_view user_agent);

/// The status policy of RFC 9309 section 2.3.1 for a fetched robots.txt. `http_status`
/// is the final status after redirects, or 0 when the host was unreachable:
/// 2xx -> parse_robots(body); 3xx (redirects not resolved) and 4xx -> allow all;
/// 429, 5xx, 0 and anything else -> disallow all (for now: the crawler retries later).
/// 429 is treated as a server error, not as "unavailable", to stay polite to a host
/// that is already asking us to slow down.
RobotsRules robots_for_response(int http_status, std::string_view body, std::string_view user_agent);

} // namespace rumorwatch
