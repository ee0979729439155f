/// \file
/// Work on the text of a user query before and after Xapian parses it: alias expansion
/// (`--expand`) and finding where a malformed query goes wrong. Pure string functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rumorwatch::index_detail {

/// Rewrites every alias of a group named in `query` (outside quotes and field values) as
/// `(alias1 OR "alias 2" OR 阿里巴巴 ...)` listing the whole group, so a search for Alibaba
/// also finds 阿里巴巴 and Qwen. Matching ignores ASCII case; Latin aliases must stand as
/// whole words, CJK aliases match anywhere; the longest alias wins.
std::string expand_aliases(std::string_view query, const std::vector<std::vector<std::string>>& groups);

/// Where a query Xapian refused is probably wrong.
struct SyntaxSpot {
    std::size_t column = 0; ///< 1-based, in characters (UTF-8 code points)
    std::string what;       ///< "AND needs a term on both sides"
};

/// An unclosed quote or an unmatched bracket, which Xapian's parser would quietly accept
/// (reading the query differently from what the user meant); std::nullopt when balanced.
std::optional<SyntaxSpot> find_unbalanced(std::string_view query);

/// A best guess at the position of the error in `query` (unmatched brackets, an operator
/// without operands, an unclosed quote); the end of the query when nothing stands out.
SyntaxSpot locate_syntax_error(std::string_view query);

} // namespace rumorwatch::index_detail
