/// \file
/// Which outlet a URL belongs to, whether the outlet wants it, and which shard crawls it.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/core/core.h"

namespace re2 {
class RE2;
}

namespace rumorwatch {

/// Longer URLs are not crawled: no real article needs one, and each is matched against
/// every allow pattern of every outlet.
inline constexpr std::size_t kMaxCrawlUrlBytes = 4096;

/// The form a URL is crawled, stored and compared in: parser/core/url.h's canonical_url(), or ""
/// when it is not an http(s) URL or longer than kMaxCrawlUrlBytes.
std::string crawl_url(std::string_view url);

/// The unit of politeness (one robots.txt, one spacing, one cap): the URL's origin
/// ("scheme://host[:port]"), "" when it has none.
std::string host_key(std::string_view url);

/// True when outlet `id` falls in shard `index` of `count` (FNV-1a of the id, mod count).
bool in_shard(std::string_view outlet_id, int index, int count);

/// The outlets of a crawl with their allow patterns compiled once, by RE2: matching takes
/// time linear in the URL whatever the pattern (`^http://x/(a+)+$` included), where
/// std::regex backtracks for hours. Thread-safe for reading.
class OutletMap {
public:
    /// @throws ConfigError naming the outlet for a pattern RE2 cannot take (the outlets
    /// loader refuses those first).
    explicit OutletMap(std::vector<Outlet> outlets);

    const std::vector<Outlet>& outlets() const { return outlets_; }
    /// The outlet a URL belongs to: the first whose allow patterns match it, else the first
    /// whose home, feed or sitemap is on the same host; nullptr when none.
    const Outlet* outlet_for(std::string_view url) const;
    /// True when `url` is an article candidate of `outlet`: it matches one of its allow
    /// patterns (an outlet without patterns allows its home's host).
    bool allows(const Outlet& outlet, std::string_view url) const;
    /// True when `url` is the outlet's home page, one of its feeds or sitemaps, or a
    /// robots.txt: pages read for links, never articles.
    bool is_discovery_page(const Outlet& outlet, std::string_view url) const;
    /// True when `url` is on one of the outlet's own hosts (home, feeds, sitemaps).
    bool on_outlet_host(const Outlet& outlet, std::string_view url) const;

private:
    struct Compiled {
        std::vector<std::shared_ptr<const re2::RE2>> allow;
        std::vector<std::string> hosts; ///< host keys of home, feeds and sitemaps
    };
    std::vector<Outlet> outlets_;
    std::vector<Compiled> compiled_;
};

} // namespace rumorwatch
