/// \file
/// URL splitting for scheduling, outlet lookup and sharding.
#include "crawler/outlet_map.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>

namespace rumorwatch {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

std::optional<UrlParts> split_url(std::string_view url) {
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) return std::nullopt;
    UrlParts p;
    p.scheme = lower(url.substr(0, scheme_end));
    if (p.scheme != "http" && p.scheme != "https") return std::nullopt;
    std::string_view rest = url.substr(scheme_end + 3);
    const auto authority_end = rest.find_first_of("/?#");
    std::string_view authority = rest.substr(0, authority_end);
    std::string_view target = authority_end == std::string_view::npos ? "" : rest.substr(authority_end);
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
    if (authority.empty()) return std::nullopt;
    p.authority = std::string(authority);
    std::string_view host = authority;
    std::string_view port;
    if (host.front() == '[') {
        const auto close = host.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        if (close + 1 < host.size() && host[close + 1] == ':') port = host.substr(close + 2);
        host = host.substr(1, close - 1);
    } else if (const auto colon = host.rfind(':'); colon != std::string_view::npos) {
        port = host.substr(colon + 1);
        host = host.substr(0, colon);
    }
    if (host.empty()) return std::nullopt;
    p.host = lower(host);
    p.port = p.scheme == "https" ? 443 : 80;
    if (!port.empty()) {
        int n = 0;
        const auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), n);
        if (ec != std::errc() || ptr != port.data() + port.size() || n <= 0 || n > 65535) return std::nullopt;
        p.port = n;
    }
    if (const auto hash = target.find('#'); hash != std::string_view::npos) target = target.substr(0, hash);
    p.target = target.empty() || target.front() != '/' ? "/" + std::string(target) : std::string(target);
    return p;
}

std::string crawl_url(std::string_view url) {
    const auto p = split_url(url);
    if (!p) return {};
    const bool default_port = (p->scheme == "http" && p->port == 80) || (p->scheme == "https" && p->port == 443);
    // Built by appending: GCC 12 warns (wrongly, -Wrestrict) on the chained operator+ form.
    std::string out = p->scheme;
    out += "://";
    const bool ipv6 = p->host.find(':') != std::string::npos;
    if (ipv6) out += '[';
    out += p->host;
    if (ipv6) out += ']';
    if (!default_port) {
        out += ':';
        out += std::to_string(p->port);
    }
    out += p->target;
    return out;
}

std::string host_key(const UrlParts& parts) {
    return parts.scheme + "://" + parts.host + ":" + std::to_string(parts.port);
}

std::string host_key(std::string_view url) {
    const auto parts = split_url(url);
    return parts ? host_key(*parts) : std::string();
}

std::string robots_url(std::string_view url) {
    const auto parts = split_url(url);
    if (!parts) return {};
    return parts->scheme + "://" + lower(parts->authority) + "/robots.txt";
}

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
        for (const auto& pattern : o.allow) c.allow.emplace_back(pattern, std::regex::ECMAScript | std::regex::optimize);
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
    const std::string text(url);
    return std::any_of(c.allow.begin(), c.allow.end(), [&](const std::regex& re) { return std::regex_search(text, re); });
}

bool OutletMap::on_outlet_host(const Outlet& outlet, std::string_view url) const {
    const auto index = static_cast<std::size_t>(&outlet - outlets_.data());
    if (index >= outlets_.size()) return false;
    const auto& hosts = compiled_[index].hosts;
    return std::find(hosts.begin(), hosts.end(), host_key(url)) != hosts.end();
}

} // namespace rumorwatch
