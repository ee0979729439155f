/// \file
/// URL splitting for scheduling, outlet lookup and sharding.
#include "crawler/outlet_map.h"

#include <algorithm>
#include <cstdint>

#include <re2/re2.h>

#include "parser/core/core.h"

namespace rumorwatch {

std::string crawl_url(std::string_view url) {
    if (url.size() > kMaxCrawlUrlBytes) return {};
    std::string canonical = canonical_url(url).value_or("");
    return canonical.size() > kMaxCrawlUrlBytes ? std::string() : canonical;
}

std::string host_key(std::string_view url) { return url_origin(url); }

bool in_shard(std::string_view outlet_id, int index, int count) {
    if (count <= 1) return true;
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : outlet_id) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return static_cast<int>(h % static_cast<std::uint64_t>(count)) == index;
}

OutletMap::OutletMap(std::vector<Outlet> outlets) : outlets_(std::move(outlets)) {
    compiled_.reserve(outlets_.size());
    for (const Outlet& o : outlets_) {
        Compiled c;
        for (const auto& pattern : o.allow) {
            auto re = std::make_shared<const RE2>(pattern, RE2::Quiet);
            if (!re->ok())
                throw ConfigError("outlet \"" + o.id + "\": field \"allow\": \"" + pattern +
                                  "\" is not a regular expression RE2 accepts: " + re->error());
            c.allow.push_back(std::move(re));
        }
        auto add_host = [&](const std::string& url) {
            if (auto key = host_key(url); !key.empty() && std::find(c.hosts.begin(), c.hosts.end(), key) == c.hosts.end())
                c.hosts.push_back(std::move(key));
        };
        add_host(o.home);
        for (const auto& u : o.feeds) add_host(u);
        for (const auto& u : o.sitemaps) add_host(u);
        compiled_.push_back(std::move(c));
    }
}

const Outlet* OutletMap::outlet_for(std::string_view url) const {
    for (std::size_t i = 0; i < outlets_.size(); ++i)
        if (!compiled_[i].allow.empty() && allows(outlets_[i], url)) return &outlets_[i];
    const std::string key = host_key(url);
    if (key.empty()) return nullptr;
    for (std::size_t i = 0; i < outlets_.size(); ++i) {
        const auto& hosts = compiled_[i].hosts;
        if (std::find(hosts.begin(), hosts.end(), key) != hosts.end()) return &outlets_[i];
    }
    return nullptr;
}

bool OutletMap::allows(const Outlet& outlet, std::string_view url) const {
    const auto index = static_cast<std::size_t>(&outlet - outlets_.data());
    if (index >= outlets_.size()) return false;
    const Compiled& c = compiled_[index];
    if (c.allow.empty()) return host_key(url) == host_key(outlet.home);
    if (url.size() > kMaxCrawlUrlBytes) return false;
    const re2::StringPiece text(url.data(), url.size());
    return std::any_of(c.allow.begin(), c.allow.end(),
                       [&](const std::shared_ptr<const RE2>& re) { return RE2::PartialMatch(text, *re); });
}

bool OutletMap::is_discovery_page(const Outlet& outlet, std::string_view url) const {
    const std::string u = crawl_url(url);
    if (u.empty()) return false;
    if (url_path_and_query(u) == "/robots.txt") return true;
    if (u == crawl_url(outlet.home)) return true;
    for (const auto* list : {&outlet.feeds, &outlet.sitemaps})
        for (const auto& seed : *list)
            if (u == crawl_url(seed)) return true;
    return false;
}

bool OutletMap::on_outlet_host(const Outlet& outlet, std::string_view url) const {
    const auto index = static_cast<std::size_t>(&outlet - outlets_.data());
    if (index >= outlets_.size()) return false;
    const auto& hosts = compiled_[index].hosts;
    return std::find(hosts.begin(), hosts.end(), host_key(url)) != hosts.end();
}

} // namespace rumorwatch
