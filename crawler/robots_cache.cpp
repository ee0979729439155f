/// \file
/// The per-host robots.txt cache.
#include "crawler/robots_cache.h"

#include <cctype>

#include "crawler/outlet_map.h"

namespace rumorwatch {

struct RobotsCache::Entry {
    enum class Kind { rules, allow_all, disallow_all } kind = Kind::allow_all;
    Timestamp expires{};
    std::string why;
    std::optional<Millis> delay;
    // The parsed rules arrive with parser/robots.h (server branch); until then a 2xx body
    // is treated as allowing everything.
};

RobotsCache::RobotsCache(std::string user_agent, std::chrono::seconds lifetime, std::chrono::seconds failure_lifetime)
    : agent_token_(user_agent_token(user_agent)), lifetime_(lifetime), failure_lifetime_(failure_lifetime) {}
RobotsCache::~RobotsCache() = default;
RobotsCache::RobotsCache(RobotsCache&&) noexcept = default;
RobotsCache& RobotsCache::operator=(RobotsCache&&) noexcept = default;

std::string user_agent_token(std::string_view ua) {
    std::string token;
    for (char c : ua) {
        if (c == '/' || std::isspace(static_cast<unsigned char>(c))) break;
        token += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return token;
}

bool RobotsCache::fresh(const std::string& host, Timestamp now) const {
    const auto it = entries_.find(host);
    return it != entries_.end() && now < it->second->expires;
}

void RobotsCache::store(const std::string& host, const FetchResult* r, Timestamp now) {
    auto entry = std::make_unique<Entry>();
    if (!r || r->error != FetchError::none || r->http_status >= 500 || r->http_status == 429) {
        entry->kind = Entry::Kind::disallow_all;
        entry->why = r ? (r->error != FetchError::none ? std::string(to_string(r->error)) : "http " + std::to_string(r->http_status))
                       : "unreachable";
        entry->expires = now + failure_lifetime_;
    } else if (r->http_status >= 400) {
        entry->kind = Entry::Kind::allow_all;
        entry->why = "http " + std::to_string(r->http_status);
        entry->expires = now + lifetime_;
    } else {
        entry->kind = Entry::Kind::allow_all;
        entry->why = "rules";
        entry->expires = now + lifetime_;
    }
    entries_[host] = std::move(entry);
}

bool RobotsCache::allows(const std::string& host, const std::string&) const {
    const auto it = entries_.find(host);
    if (it == entries_.end()) return true;
    const Entry& e = *it->second;
    return e.kind != Entry::Kind::disallow_all;
}

bool RobotsCache::disallows_all(const std::string& host) const {
    const auto it = entries_.find(host);
    return it != entries_.end() && it->second->kind == Entry::Kind::disallow_all;
}

std::optional<Millis> RobotsCache::crawl_delay(const std::string& host) const {
    const auto it = entries_.find(host);
    return it == entries_.end() ? std::nullopt : it->second->delay;
}

std::string RobotsCache::describe(const std::string& host) const {
    const auto it = entries_.find(host);
    if (it == entries_.end()) return "unknown";
    const Entry& e = *it->second;
    switch (e.kind) {
    case Entry::Kind::rules: return "rules";
    case Entry::Kind::allow_all: return e.why == "rules" ? "rules" : "allow all (" + e.why + ")";
    case Entry::Kind::disallow_all: return "disallow all (" + e.why + ")";
    }
    return "unknown";
}

} // namespace rumorwatch
