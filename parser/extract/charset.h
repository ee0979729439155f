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

/// The iconv name rumorwatch decodes a charset label as, following browsers: GBK/GB2312 ->
/// "GB18030", Big5 -> "BIG5-HKSCS", Shift_JIS -> "CP932", EUC-KR -> "CP949", Latin-1 and
/// ASCII -> "WINDOWS-1252". Empty for an unknown label.
std::string canonical_charset(std::string_view label);

/// The charset parameter of a Content-Type value ("text/html; charset=GBK" -> "gbk"), or "".
std::string charset_from_content_type(std::string_view content_type);

/// The charset a page declares in <meta charset> or <meta http-equiv content> within its
/// first 4 KiB, as written (lower case), or "".
std::string charset_from_meta(std::string_view bytes);

} // namespace rumorwatch
