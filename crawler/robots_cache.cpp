/// \file
/// The per-host robots.txt cache.
#include "crawler/robots_cache.h"

#include "crawler/robots.h"
#include "parser/core/core.h"

namespace rumorwatch {

struct RobotsCache::Entry {
    RobotsRules rules;
    Timestamp expires{};
    std::string why; ///< "rules", "http 404", "http 503", "timeout", ...
};

RobotsCache::RobotsCache(std::string user_agent, std::chrono::seconds lifetime, std::chrono::seconds failure_lifetime)
    : user_agent_(std::move(user_agent)), lifetime_(lifetime), failure_lifetime_(failure_lifetime) {}
RobotsCache::~RobotsCache() = default;
RobotsCache::RobotsCache(RobotsCache&&) noexcept = default;
RobotsCache& RobotsCache::operator=(RobotsCache&&) noexcept = default;

bool RobotsCache::fresh(const std::string& host, Timestamp now) const {
    const auto it = entries_.find(host);
    return it != entries_.end() && now < it->second->expires;
}

void RobotsCache::store(const std::string& host, const FetchResult* r, Timestamp now) {
    auto entry = std::make_unique<Entry>();
    // An unreachable host, a cut-off body or a refused type count as "unreachable" (0).
    const int status = r && r->error == FetchError::none ? r->http_status : 0;
    entry->rules = robots_for_response(status, r ? std::string_view(r->body) : std::string_view(), user_agent_);
    entry->why = status >= 200 && status < 300 ? std::string("rules")
                 : r && r->error != FetchError::none ? std::string(to_string(r->error))
                 : r ? "http " + std::to_string(status)
                     : std::string("unreachable");
    entry->expires = now + (entry->rules.disallows_everything() ? failure_lifetime_ : lifetime_);
    entries_[host] = std::move(entry);
}

bool RobotsCache::allows(const std::string& host, const std::string& url) const {
    const auto it = entries_.find(host);
    if (it == entries_.end()) return true;
    return it->second->rules.allowed(url_path_and_query(url));
}

bool RobotsCache::disallows_all(const std::string& host) const {
    const auto it = entries_.find(host);
    return it != entries_.end() && it->second->rules.disallows_everything();
}

std::optional<Millis> RobotsCache::crawl_delay(const std::string& host) const {
    const auto it = entries_.find(host);
    if (it == entries_.end()) return std::nullopt;
    return it->second->rules.crawl_delay();
}

std::string RobotsCache::describe(const std::string& host) const {
    const auto it = entries_.find(host);
    if (it == entries_.end()) return "unknown";
    const Entry& e = *it->second;
    if (e.rules.disallows_everything()) return "disallow all (" + e.why + ")";
    if (e.why != "rules") return "allow all (" + e.why + ")";
    std::string out = std::to_string(e.rules.rule_count()) + " rules";
    if (auto d = e.rules.crawl_delay()) out += ", crawl-delay " + std::to_string(d->count()) + " ms";
    return out;
}

} // namespace rumorwatch
