/// \file
/// RFC 9309 robots.txt: line reader, groups, pattern matching and the fetch-status policy.
#include "crawler/robots.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

/// A delay beyond this is a typo or a refusal; clamped so the duration cannot overflow.
constexpr double kMaxCrawlDelaySeconds = 86400.0;
/// Longer patterns are dropped: no real rule is this long, and matching cost grows with it.
constexpr std::size_t kMaxPatternBytes = 4096;

enum class Key { kUserAgent, kAllow, kDisallow, kCrawlDelay, kSitemap, kOther };

char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f'; }

/// The key of a line, accepting the misspellings real files carry.
Key classify(std::string_view raw_key) {
    std::string key;
    for (char c : raw_key) {
        if (c != ' ' && c != '\t' && c != '-' && c != '_') key += to_lower(c);
    }
    if (key == "useragent") return Key::kUserAgent;
    if (key == "allow") return Key::kAllow;
    static constexpr std::array<std::string_view, 6> kDisallow{
        "disallow", "dissallow", "dissalow", "disalow", "diasllow", "disallaw"};
    if (std::find(kDisallow.begin(), kDisallow.end(), key) != kDisallow.end()) return Key::kDisallow;
    if (key == "crawldelay") return Key::kCrawlDelay;
    if (key == "sitemap" || key == "sitemaps") return Key::kSitemap;
    return Key::kOther;
}

/// Splits "key: value" (or, for a known key, "key value"); false for a line to ignore.
bool split_line(std::string_view line, Key& key, std::string_view& value) {
    const auto colon = line.find(':');
    if (colon != std::string_view::npos) {
        key = classify(text::trim(line.substr(0, colon)));
        value = text::trim(line.substr(colon + 1));
        return key != Key::kOther;
    }
    // Google's reference parser (robots.cc, ParseKeyAndValue) reads a line without a colon
    // as "key value" when it holds exactly two words: "user-agent *" and "disallow /" bind
    // as they do for Googlebot, and prose (three words or more) stays ignored.
    const auto space = line.find_first_of(" \t");
    if (space == std::string_view::npos) return false;
    value = text::trim(line.substr(space + 1));
    if (value.find_first_of(" \t") != std::string_view::npos) return false;
    key = classify(line.substr(0, space));
    return key != Key::kOther;
}

/// "*", or the leading product-token characters of a User-agent value, lower-cased.
std::string agent_token(std::string_view value) {
    if (!value.empty() && value.front() == '*') return "*";
    return robots_product_token(value);
}

/// A pattern in the form it is matched in: percent-encoding normalised, runs of '*'
/// collapsed, a leading '/' supplied when the author forgot it.
std::string normalize_pattern(std::string_view value) {
    std::string pattern = normalize_percent_encoding(value);
    pattern.erase(std::unique(pattern.begin(), pattern.end(), [](char a, char b) { return a == '*' && b == '*'; }),
                  pattern.end());
    if (!pattern.empty() && pattern.front() != '/' && pattern.front() != '*') pattern = "/" + pattern;
    return pattern;
}

/// RFC 9309 matching: the pattern matches a prefix of the path; '*' matches any run of
/// characters and a final '$' anchors the end. Tracks the set of reachable path
/// positions, so it never backtracks: O(pattern x path) at worst.
bool pattern_matches(std::string_view pattern, std::string_view path) {
    bool anchored = false;
    if (!pattern.empty() && pattern.back() == '$') {
        anchored = true;
        pattern.remove_suffix(1);
    }
    if (pattern.find('*') == std::string_view::npos) {
        if (anchored) return path == pattern;
        return path.substr(0, pattern.size()) == pattern;
    }
    std::vector<std::size_t> positions{0}; // ascending
    std::vector<std::size_t> next;
    for (char c : pattern) {
        if (c == '*') {
            const auto first = positions.front();
            positions.clear();
            for (auto p = first; p <= path.size(); ++p) positions.push_back(p);
            continue;
        }
        next.clear();
        for (auto p : positions) {
            if (p < path.size() && path[p] == c) next.push_back(p + 1);
        }
        if (next.empty()) return false;
        positions.swap(next);
    }
    return !anchored || positions.back() == path.size();
}

std::optional<std::chrono::milliseconds> parse_delay(std::string_view value) {
    double seconds = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (error != std::errc() || end == value.data() || !std::isfinite(seconds) || seconds < 0)
        return std::nullopt;
    seconds = std::min(seconds, kMaxCrawlDelaySeconds);
    return std::chrono::milliseconds(static_cast<long long>(std::llround(seconds * 1000.0)));
}

/// The body cut to kRobotsMaxBytes, without a line the cut went through, without a BOM.
std::string_view limited_body(std::string_view body) {
    if (body.size() > kRobotsMaxBytes) {
        body = body.substr(0, kRobotsMaxBytes);
        const auto last_break = body.find_last_of("\r\n");
        body = body.substr(0, last_break == std::string_view::npos ? 0 : last_break + 1);
    }
    if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
    return body;
}

struct Group {
    std::vector<std::string> agents;
    std::vector<std::pair<std::string, bool>> rules; // (pattern, allow)
    std::optional<std::chrono::milliseconds> crawl_delay;
};

} // namespace

RobotsRules RobotsRules::disallow_all() {
    RobotsRules rules;
    rules.disallow_all_ = true;
    return rules;
}

bool RobotsRules::allowed(std::string_view path_and_query) const {
    std::string path = normalize_percent_encoding(path_and_query);
    if (path.empty() || path.front() != '/') path = "/" + path;
    if (path == "/robots.txt") return true;
    if (disallow_all_) return false;
    std::size_t best_length = 0;
    bool best_allow = true;
    bool matched = false;
    for (const auto& rule : rules_) {
        if (!pattern_matches(rule.pattern, path)) continue;
        const auto length = rule.pattern.size();
        if (!matched || length > best_length || (length == best_length && rule.allow && !best_allow)) {
            best_length = length;
            best_allow = rule.allow;
            matched = true;
        }
    }
    return !matched || best_allow;
}

std::string robots_product_token(std::string_view user_agent) {
    user_agent = text::trim(user_agent);
    std::string token;
    for (char c : user_agent) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
        if (!ok) break;
        token += to_lower(c);
    }
    return token;
}

RobotsRules parse_robots(std::string_view body, std::string_view user_agent) {
    RobotsRules result;
    std::vector<Group> groups;
    bool in_agent_lines = false; // the last group line read was a User-agent line
    body = limited_body(body);
    std::size_t start = 0;
    while (start < body.size()) {
        auto end = body.find_first_of("\r\n", start);
        if (end == std::string_view::npos) end = body.size();
        auto line = body.substr(start, end - start);
        start = end + 1;
        if (end < body.size() && body[end] == '\r' && start < body.size() && body[start] == '\n') ++start;

        if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
        line = text::trim(line);
        Key key;
        std::string_view value;
        if (line.empty() || !split_line(line, key, value)) continue;

        switch (key) {
        case Key::kUserAgent: {
            if (!in_agent_lines || groups.empty()) groups.emplace_back();
            in_agent_lines = true;
            auto token = agent_token(value);
            if (!token.empty()) groups.back().agents.push_back(std::move(token));
            break;
        }
        case Key::kAllow:
        case Key::kDisallow:
            in_agent_lines = false;
            // Rules before any User-agent line belong to no group; an empty value is no rule.
            if (groups.empty() || value.empty() || value.size() > kMaxPatternBytes) break;
            groups.back().rules.emplace_back(normalize_pattern(value), key == Key::kAllow);
            break;
        case Key::kCrawlDelay:
            in_agent_lines = false;
            if (groups.empty()) break;
            if (const auto delay = parse_delay(value)) {
                auto& current = groups.back().crawl_delay;
                current = current ? std::max(*current, *delay) : *delay;
            }
            break;
        case Key::kSitemap:
            // Sitemap lines stand outside groups and do not end a run of User-agent lines.
            if (!value.empty()) result.sitemaps_.emplace_back(value);
            break;
        case Key::kOther:
            break;
        }
    }

    const auto token = robots_product_token(user_agent);
    auto names = [](const Group& g, const std::string& name) {
        return std::find(g.agents.begin(), g.agents.end(), name) != g.agents.end();
    };
    bool specific = !token.empty() && std::any_of(groups.begin(), groups.end(),
                                                  [&](const Group& g) { return names(g, token); });
    const std::string wanted = specific ? token : "*";
    for (const auto& group : groups) {
        if (!names(group, wanted)) continue;
        for (const auto& [pattern, allow] : group.rules) result.rules_.push_back({pattern, allow});
        if (group.crawl_delay) {
            result.crawl_delay_ =
                result.crawl_delay_ ? std::max(*result.crawl_delay_, *group.crawl_delay) : *group.crawl_delay;
        }
    }
    return result;
}

RobotsRules robots_for_response(int http_status, std::string_view body, std::string_view user_agent) {
    if (http_status >= 200 && http_status < 300) return parse_robots(body, user_agent);
    if (http_status == 429) return RobotsRules::disallow_all();
    if (http_status >= 300 && http_status < 500) return RobotsRules::allow_all();
    return RobotsRules::disallow_all();
}

} // namespace rumorwatch
