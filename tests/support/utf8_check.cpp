/// \file
/// Strict UTF-8 validation (RFC 3629 table of well-formed byte sequences).
#include "tests/support/utf8_check.h"

namespace rumorwatch::test {

bool is_valid_utf8(std::string_view s) {
    std::size_t i = 0;
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    while (i < s.size()) {
        const unsigned char c = at(i);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned low = 0x80, high = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0) low = 0xA0;  // overlong
            if (c == 0xED) high = 0x9F; // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0) low = 0x90;  // overlong
            if (c == 0xF4) high = 0x8F; // past U+10FFFF
        } else {
            return false;
        }
        if (i + length > s.size() || at(i + 1) < low || at(i + 1) > high) return false;
        for (std::size_t k = 2; k < length; ++k)
            if (at(i + k) < 0x80 || at(i + k) > 0xBF) return false;
        i += length;
    }
    return true;
}

} // namespace rumorwatch::test
