/// \file
/// Data files built into the binary (lexicons, the status model), so that the parser stays
/// free of file I/O and the installed binary of data paths. Private to parser/analysis.
#pragma once

#include <string_view>

/// Defines `std::string_view FUNCTION()` returning the bytes of the file at PATH (a string
/// literal, absolute; CMake passes it and makes the including source depend on the file).
/// Use once per file, at namespace scope, in one .cpp.
#define RUMORWATCH_EMBED_FILE(FUNCTION, SYMBOL, PATH)                                               \
    asm(".pushsection .rodata\n"                                                                    \
        ".global " #SYMBOL "_begin\n" #SYMBOL "_begin:\n"                                           \
        ".incbin \"" PATH "\"\n"                                                                    \
        ".global " #SYMBOL "_end\n" #SYMBOL "_end:\n"                                               \
        ".byte 0\n"                                                                                 \
        ".popsection\n");                                                                           \
    extern "C" const char SYMBOL##_begin[];                                                         \
    extern "C" const char SYMBOL##_end[];                                                           \
    static std::string_view FUNCTION() {                                                            \
        return std::string_view(SYMBOL##_begin, static_cast<std::size_t>(SYMBOL##_end - SYMBOL##_begin)); \
    }

namespace rumorwatch {

/// Removes and returns the first line of `text` (without its '\n' or a '\r' before it).
inline std::string_view take_line(std::string_view& text) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

} // namespace rumorwatch
