/// \file
/// libFuzzer target: date parsing: ISO 8601 (parser/core/time.h), feed dates (crawler/feeds.h)
/// and page dates (parser/extract/dates.h: structured values, free text, URLs). A parsed ISO date
/// formats back to text that parses to the same instant.
#include "parser/extract/dates.h"
#include "crawler/feeds.h"
#include "parser/core/time.h"
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

    // The first byte picks the outlet's conventions, so every path is reached.
    DateContext ctx;
    if (size > 0) {
        ctx.order = data[0] % 3 == 0 ? DateOrder::mdy : data[0] % 3 == 1 ? DateOrder::dmy : DateOrder::ymd;
        ctx.timezone = data[0] & 4 ? "Asia/Shanghai" : data[0] & 8 ? "America/New_York" : "UTC";
        if (data[0] & 16) ctx.fetched_at = from_unix(1772870400);
    }
    for (const auto& parsed : {parse_date_value(input, ctx), find_date_in_text(input, ctx), date_from_url(input, ctx)})
        if (parsed) (void)is_plausible(*parsed, ctx);
    return 0;
}
