/// \file
/// libFuzzer target: page bytes -> decode_to_utf8 -> extract_links (parser/extract/links.h),
/// the parse every discovery page goes through. Every link must be an absolute http(s) URL
/// in valid UTF-8, listed once.
#include <set>

#include "parser/extract/charset.h"
#include "parser/extract/links.h"
#include "tests/fuzz/fuzz_support.h"

using namespace rumorwatch;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto decoded = decode_to_utf8(fuzz::as_view(data, size), "text/html");
    const PageLinks page = extract_links(decoded.utf8, "https://news.example.com/section/index.html");
    std::set<std::string> seen;
    for (const auto& link : page.links) {
        fuzz::require(link.url.rfind("http://", 0) == 0 || link.url.rfind("https://", 0) == 0, "link is not http(s)");
        fuzz::require(fuzz::valid_utf8(link.url), "link URL is not UTF-8");
        fuzz::require(fuzz::valid_utf8(link.text), "link text is not UTF-8");
        fuzz::require(seen.insert(link.url).second, "link listed twice");
    }
    fuzz::require(fuzz::valid_utf8(page.canonical), "canonical is not UTF-8");
    return 0;
}
