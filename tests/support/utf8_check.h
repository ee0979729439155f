/// \file
/// A strict UTF-8 validity check for tests of text that reaches Xapian and the exports.
#pragma once

#include <string_view>

namespace rumorwatch::test {

/// True when `s` is well-formed UTF-8: no overlong forms, no surrogates, nothing past
/// U+10FFFF, no truncated sequence.
bool is_valid_utf8(std::string_view s);

} // namespace rumorwatch::test
