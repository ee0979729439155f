/// \file
/// seeds/outlets.json, the real outlets a user starts with: it loads, validates, covers the
/// story's kinds of outlet and languages, and its allow patterns take article URLs of the
/// shapes those outlets use while leaving their feeds, sitemaps and home pages alone.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "crawler/crawler.h"
#include "crawler/outlet_map.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;
using namespace rumorwatch::test;

TEST_CASE("seeds: the real outlets file loads and covers the story", "[crawler]") {
    const CrawlConfig config = load_config((source_dir() / "seeds/outlets.json").string());
    REQUIRE(config.outlets.size() >= 25);
    std::map<std::string, int> languages;
    std::set<OutletTier> tiers;
    for (const Outlet& o : config.outlets) {
        INFO(o.id);
        ++languages[o.language];
        tiers.insert(o.tier);
        CHECK(o.home.starts_with("https://"));
        CHECK(o.min_delay_ms >= 1000); // a good citizen on the real web
        CHECK(o.max_connections <= 2);
        CHECK_FALSE(o.allow.empty());
    }
    CHECK(languages["en"] >= 10);
    CHECK(languages["zh"] >= 8);
    CHECK(tiers.size() == 4);
    CHECK(config.user_agent.find("http") != std::string::npos); // a contact URL
}

TEST_CASE("seeds: allow patterns take article URLs and not the discovery pages", "[crawler]") {
    const CrawlConfig config = load_config((source_dir() / "seeds/outlets.json").string());
    const OutletMap outlets(config.outlets);
    // One article URL of the shape each outlet uses (written from knowledge of the sites, not
    // fetched: this machine has no internet).
    const std::map<std::string, std::string> samples = {
        {"reuters", "https://www.reuters.com/technology/apple-partners-with-alibaba-2025-02-12/"},
        {"ap", "https://apnews.com/article/apple-alibaba-ai-china-4f5e6d7c8b9a"},
        {"bloomberg", "https://www.bloomberg.com/news/articles/2025-02-11/apple-alibaba-ai"},
        {"xinhua-en", "https://english.news.cn/20250213/0a1b2c3d4e5f/c.html"},
        {"cls", "https://www.cls.cn/detail/1934567"},
        {"cnbc", "https://www.cnbc.com/2025/02/13/alibaba-confirms-apple-ai-partnership.html"},
        {"ft", "https://www.ft.com/content/0a1b2c3d-1234-4abc-9def-0123456789ab"},
        {"wsj", "https://www.wsj.com/tech/apple-alibaba-ai-china-12345678"},
        {"nytimes", "https://www.nytimes.com/2025/02/11/technology/apple-alibaba-ai-china.html"},
        {"scmp", "https://www.scmp.com/tech/big-tech/article/3298741/alibaba-confirms-apple-ai"},
        {"nikkei-asia", "https://asia.nikkei.com/Business/Technology/Apple-picks-Alibaba"},
        {"caixin-global", "https://www.caixinglobal.com/2025-02-13/alibaba-confirms-apple-tie-up-102288123.html"},
        {"global-times", "https://www.globaltimes.cn/page/202502/1328123.shtml"},
        {"techcrunch", "https://techcrunch.com/2025/02/13/alibaba-apple-ai-china/"},
        {"the-verge", "https://www.theverge.com/news/612345/apple-alibaba-ai-china"},
        {"the-information", "https://www.theinformation.com/articles/apple-alibaba-ai"},
        {"ars-technica", "https://arstechnica.com/ai/2025/02/apple-alibaba-ai-china/"},
        {"the-register", "https://www.theregister.com/2025/02/12/apple_alibaba_ai_china/"},
        {"sixthtone", "https://www.sixthtone.com/news/1016789"},
        {"9to5mac", "https://9to5mac.com/2025/02/11/apple-intelligence-china-alibaba/"},
        {"macrumors", "https://www.macrumors.com/2025/02/11/apple-alibaba-ai-china/"},
        {"appleinsider", "https://appleinsider.com/articles/25/02/11/apple-alibaba-ai-china"},
        {"macworld", "https://www.macworld.com/article/2610000/apple-alibaba-ai.html"},
        {"36kr", "https://36kr.com/p/3163012345678901"},
        {"ithome", "https://www.ithome.com/0/831/123.htm"},
        {"sina-tech", "https://finance.sina.com.cn/tech/2025-02-13/doc-inekabcd1234567.shtml"},
        {"caixin", "https://companies.caixin.com/2025-02-13/102288123.html"},
        {"yicai", "https://www.yicai.com/news/102480123.html"},
        {"jiemian", "https://www.jiemian.com/article/12345678.html"},
        {"thepaper", "https://www.thepaper.cn/newsDetail_forward_30123456"},
        {"wallstreetcn", "https://wallstreetcn.com/articles/3741234"},
        {"huxiu", "https://www.huxiu.com/article/4012345.html"},
        {"ifanr", "https://www.ifanr.com/1612345"},
    };
    for (const Outlet& o : outlets.outlets()) {
        INFO(o.id);
        REQUIRE(samples.count(o.id));
        const std::string& url = samples.at(o.id);
        CHECK(outlets.allows(o, url));
        const Outlet* owner = outlets.outlet_for(url);
        REQUIRE(owner);
        CHECK(owner->id == o.id);
        CHECK_FALSE(outlets.allows(o, o.home));
        for (const auto& feed : o.feeds) CHECK_FALSE(outlets.allows(o, feed));
        for (const auto& sitemap : o.sitemaps) CHECK_FALSE(outlets.allows(o, sitemap));
    }
    CHECK(samples.size() == outlets.outlets().size());
}
