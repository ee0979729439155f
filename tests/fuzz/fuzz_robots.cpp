/// \file
/// libFuzzer target: robots.txt parsing and matching (crawler/robots.h).
/// Input: "path-to-test\nrobots.txt body".
#include "crawler/robots.h"
#include "tests/fuzz/fuzz_support.h"

using namespace rumorwatch;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto input = fuzz::as_view(data, size);
    const auto [path, body] = fuzz::split_first_line(input);
    const auto rules = parse_robots(body, "rumorwatch/0.1 (+https://example.org/bot)");
    (void)rules.allowed(path);
    (void)rules.allowed("/");
    fuzz::require(rules.allowed("/robots.txt"), "/robots.txt must always be allowed");
    const int status = size > 0 ? 100 + data[0] * 2 : 200;
    (void)robots_for_response(status, body, "rumorwatch").allowed(path);
    (void)robots_product_token(path);
    return 0;
}
