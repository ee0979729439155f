/// \file
/// libFuzzer target: outlet allow patterns (crawler/outlet_map.h), compiled by RE2 and
/// matched against URLs. A pattern RE2 cannot take must be refused as ConfigError; any other
/// pattern must match every URL in time linear in the URL (libFuzzer's -timeout catches a
/// pattern that backtracks, as `^http://x/(a+)+$` did under std::regex).
/// Input: "allow pattern\nURL\nURL...".
#include <optional>
#include <string>
#include <vector>

#include "crawler/outlet_map.h"
#include "parser/core/errors.h"
#include "tests/fuzz/fuzz_support.h"

using namespace rumorwatch;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto [pattern, rest] = fuzz::split_first_line(fuzz::as_view(data, size));
    Outlet outlet;
    outlet.id = "fuzz";
    outlet.home = "https://news.example/";
    outlet.feeds = {"https://news.example/feed.xml"};
    outlet.allow = {std::string(pattern)};
    Outlet other; // no patterns: its home's host
    other.id = "other";
    other.home = "https://other.example/";
    std::optional<OutletMap> map;
    try {
        map.emplace(std::vector<Outlet>{outlet, other});
    } catch (const ConfigError&) {
        return 0; // refused at load, as the outlets loader does
    }
    std::string_view urls = rest;
    while (true) {
        const auto [url, more] = fuzz::split_first_line(urls);
        const Outlet* found = map->outlet_for(url);
        fuzz::require(!found || found->id == "fuzz" || found->id == "other", "outlet_for returned a stranger");
        for (const Outlet& o : map->outlets()) {
            (void)map->allows(o, url);
            (void)map->is_discovery_page(o, url);
            (void)map->on_outlet_host(o, url);
        }
        const std::string canonical = crawl_url(url);
        fuzz::require(canonical.empty() || canonical.rfind("http", 0) == 0, "crawl_url kept a non-http URL");
        (void)host_key(url);
        if (more.empty()) break;
        urls = more;
    }
    return 0;
}
