/// \file
/// Clause segments of a sentence: the stretch around a word between commas, dashes and the
/// words that open a subordinate clause.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>

namespace rumorwatch {

/// The segment of `sentence` holding byte `pos`: from after the last boundary before it to
/// the next boundary. Boundaries are , ; : ( ) — and their Chinese forms, and the words
/// " as ", " while ", " after ", " because ", " when ", " but ", " and ", " since ".
/// "Apple tested models from several firms as Baidu talks stall" puts the stall in
/// "Baidu talks stall".
std::pair<std::size_t, std::size_t> segment_around(std::string_view sentence, std::size_t pos);

} // namespace rumorwatch
