/// \file
/// Bytes of any charset -> valid UTF-8 (header, BOM, <meta>, then detection).
#pragma once

#include <string>
#include <string_view>

namespace rumorwatch {

/// A body converted to UTF-8, with the charset used and how it was chosen.
struct DecodedText {
    std::string utf8;
    std::string charset; ///< canonical name actually used, e.g. "UTF-8", "GB18030"
    std::string source;  ///< "bom", "http", "meta", "detected", "default"
    bool had_invalid_bytes = false; ///< some bytes were replaced with U+FFFD
};

/// Converts `bytes` to valid UTF-8. `content_type` is the HTTP Content-Type header value
/// (may be empty). GBK/GB2312 are decoded as GB18030. Never throws on bad input.
DecodedText decode_to_utf8(std::string_view bytes, std::string_view content_type);

} // namespace rumorwatch
