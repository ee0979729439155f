/// \file
/// Work on the text of a user query before and after Xapian parses it: alias expansion
/// (`--expand`) and finding where a malformed query goes wrong. Pure string functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rumorwatch::index_detail {

/// The field expand_aliases() writes: `rwalias:N` stands for alias group N, which the
/// reader turns into one Xapian OP_SYNONYM query (see alias_group_query()).
inline constexpr std::string_view kAliasField = "rwalias";

/// The query fields searched as free text (the others are boolean filters, whose value is
/// taken as written).
inline constexpr std::string_view kTextFields[] = {"title", "author"};

/// Where a query Xapian refused is probably wrong.
struct SyntaxSpot {
    std::size_t column = 0; ///< 1-based, in characters (UTF-8 code points)
    std::string what;       ///< "AND needs a term on both sides"
};

/// Rewrites every alias of a group named in `query` (outside quotes and field values) as
/// `rwalias:N`, N the group's index, so a search for Alibaba also finds 阿里巴巴 and Qwen.
/// Matching ignores ASCII case; Latin aliases must stand as whole words, CJK aliases match
/// anywhere; the longest alias wins.
std::string expand_aliases(std::string_view query, const std::vector<std::vector<std::string>>& groups);

/// Where `query` already names the field expand_aliases() writes ("rwalias:"), which a
/// user may not type; std::nullopt when it does not.
std::optional<SyntaxSpot> find_alias_field(std::string_view query);

/// `query` with every run of CJK text outside quotes in brackets ("apple 苹果 iphone" →
/// "apple (苹果) iphone", "title:苹果" → "title:(苹果)"). Xapian 1.4.22's parser with
/// FLAG_CJK_NGRAM refuses a CJK word between two other terms ("parse error") and leaks
/// memory on some of those inputs; a bracketed group parses to the same n-gram query.
/// Left as written: the values of boolean fields, runs with a wildcard, and operands of
/// NEAR/ADJ (see find_proximity_error()).
std::string bracket_cjk_runs(std::string_view query);

/// Where a NEAR or ADJ chain holds something Xapian 1.4's parser cannot take there: a
/// missing word, a phrase, a bracket, a wildcard, a filter, CJK text (n-grams), or both
/// operators in one chain. Xapian does not refuse these: it reads the operator as the
/// plain word "near", so the query would silently mean something else.
std::optional<SyntaxSpot> find_proximity_error(std::string_view query);

/// `query` with every NEAR/ADJ chain of words in brackets ("z a NEAR b" → "z (a NEAR b)",
/// "-a NEAR b" → "-(a NEAR b)"). Xapian 1.4.22 runs NEAR only when no other word follows
/// or precedes it without an operator, and leaks memory on some such input; in brackets
/// the chain is one group. Expects a query find_proximity_error() accepts.
std::string bracket_proximity_chains(std::string_view query);

/// The aliases of a group that a search must look for, lower-cased: an alias holding
/// another one ("Alibaba Group" holds "Alibaba", 阿里巴巴 holds 阿里) finds nothing the
/// shorter one does not, and would cost a phrase search.
std::vector<std::string> essential_aliases(const std::vector<std::string>& group);

/// The first byte of `query` that is not UTF-8 ("this byte is not UTF-8"), std::nullopt
/// when the whole query is. Xapian's parser reads such bytes unpredictably (it leaks memory
/// on some), and a query in another encoding would only search for mojibake.
std::optional<SyntaxSpot> find_invalid_utf8(std::string_view query);

/// How many words `query` holds, as the limit kMaxQueryWords counts them: each run of
/// letters, digits and non-ASCII bytes (a run of Chinese text is one), except the operators
/// AND, OR, NOT, XOR, NEAR and ADJ.
std::size_t count_query_words(std::string_view query);

/// `query` with control characters (NUL, vertical tab, DEL...) as spaces: they mean nothing
/// in a query, and a pasted one should not change how the words around it are read.
std::string blank_control_characters(std::string_view query);

/// An unclosed quote or an unmatched bracket, which Xapian's parser would quietly accept
/// (reading the query differently from what the user meant); std::nullopt when balanced.
std::optional<SyntaxSpot> find_unbalanced(std::string_view query);

/// A best guess at the position of the error in `query` (unmatched brackets, an operator
/// without operands, an unclosed quote); the end of the query when nothing stands out.
SyntaxSpot locate_syntax_error(std::string_view query);

} // namespace rumorwatch::index_detail
