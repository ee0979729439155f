/// \file
/// libFuzzer target: URL parsing, resolution and canonicalisation (parser/core/url.h).
/// Input: "base\nreference"; without a newline the whole input is one absolute URL.
#include "parser/core/url.h"
#include "tests/fuzz/fuzz_support.h"

using namespace rumorwatch;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto input = fuzz::as_view(data, size);
    const auto [base, reference] = fuzz::split_first_line(input);

    (void)parse_url(input);
    (void)url_host(input);
    (void)url_origin(input);
    (void)robots_url(input);
    (void)url_path_and_query(input);
    (void)registrable_domain(base);
    (void)same_site(base, reference);
    (void)remove_dot_segments(input);
    (void)normalize_percent_encoding(input);

    if (const auto canonical = canonical_url(base)) {
        // A canonical URL is a fixed point: the frontier and the index key on it.
        const auto again = canonical_url(*canonical);
        fuzz::require(again.has_value(), "canonical_url rejects its own output");
        fuzz::require(*again == *canonical, "canonical_url is not idempotent");
    }
    (void)canonical_url(base, reference);
    (void)resolve_url(base, reference);
    return 0;
}
