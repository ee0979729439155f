/// \file
/// libFuzzer target: charset decoding (parser/extract/charset.h). Whatever the bytes and the
/// Content-Type, the output is valid UTF-8. Input: "content-type\nbody".
#include "parser/extract/charset.h"
#include "tests/fuzz/fuzz_support.h"

using namespace rumorwatch;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto input = fuzz::as_view(data, size);
    const auto [content_type, body] = fuzz::split_first_line(input);
    const auto decoded = decode_to_utf8(body, content_type);
    fuzz::require(fuzz::valid_utf8(decoded.utf8), "decode_to_utf8 returned invalid UTF-8");
    const auto whole = decode_to_utf8(input, "");
    fuzz::require(fuzz::valid_utf8(whole.utf8), "decode_to_utf8 (sniffed) returned invalid UTF-8");
    (void)canonical_charset(content_type);
    (void)charset_from_content_type(content_type);
    (void)charset_from_meta(body);
    return 0;
}
