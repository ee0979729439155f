/// \file
/// Small helpers shared by the libFuzzer targets: input splitting and invariant checks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

namespace rumorwatch::fuzz {

/// The fuzzer's bytes as a string_view.
inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// Splits at the first '\n': targets with two inputs (base URL and reference, content
/// type and body) read the first line as the small one, so seeds stay plain text files.
inline std::pair<std::string_view, std::string_view> split_first_line(std::string_view in) {
    const auto nl = in.find('\n');
    if (nl == std::string_view::npos) return {in, {}};
    return {in.substr(0, nl), in.substr(nl + 1)};
}

/// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
inline bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    while (i < s.size()) {
        const unsigned char c = byte(i);
        if (c < 0x80) { ++i; continue; }
        std::size_t len = 0;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else return false;
        if (i + len > s.size()) return false;
        if (byte(i + 1) < lo || byte(i + 1) > hi) return false;
        for (std::size_t k = 2; k < len; ++k)
            if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return false;
        i += len;
    }
    return true;
}

/// Aborts (a crash libFuzzer records with its input) when an invariant does not hold.
inline void require(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
        std::abort();
    }
}

} // namespace rumorwatch::fuzz
