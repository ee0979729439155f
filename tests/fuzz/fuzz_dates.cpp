/// \file
/// libFuzzer target: date parsing (parser/time.h, feed dates). A parsed date formats
/// back to ISO 8601 that parses to the same instant.
#include "parser/feeds.h"
#include "parser/time.h"
#include "tests/fuzz/fuzz_support.h"

using namespace rumorwatch;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto input = fuzz::as_view(data, size);
    if (const auto t = parse_iso8601(input)) {
        const auto text = format_iso8601(*t);
        const auto back = parse_iso8601(text);
        fuzz::require(back.has_value(), "format_iso8601 output does not parse");
        fuzz::require(*back == *t, "ISO 8601 round trip changed the instant");
        (void)format_day(*t);
    }
    if (const auto t = parse_feed_date(input)) (void)format_iso8601(*t);
    return 0;
}
