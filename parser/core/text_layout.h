/// \file
/// Laying out text for display: one line, bounded length.
#pragma once

#include <string>
#include <string_view>

namespace rumorwatch {

/// Collapses runs of white space to one space and trims; for one-line displays.
std::string one_line(std::string_view text);
/// Cuts to at most `max_chars` code points at a character boundary, adding "…" if cut.
std::string truncate_utf8(std::string_view text, std::size_t max_chars);

} // namespace rumorwatch
