/// \file
/// Helpers shared by the strict JSON loaders (the outlets file, topic files).
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>

namespace rumorwatch {

/// Line and column (1-based) of a byte offset in `text`, for error messages.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset);

} // namespace rumorwatch
