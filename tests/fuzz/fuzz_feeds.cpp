/// \file
/// libFuzzer target: RSS/Atom/RDF feeds and sitemaps (crawler/feeds.h).
#include "crawler/feeds.h"
#include "tests/fuzz/fuzz_support.h"

using namespace rumorwatch;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto input = fuzz::as_view(data, size);
    const auto doc = parse_feed(input);
    for (const auto& link : doc.links) (void)link.url.size();
    (void)parse_feed_date(input.substr(0, 200));
    return 0;
}
