/// \file
/// The word lists the status rules test by position (data/rule_words.tsv, built into the
/// binary): a reason clause's openers, the month "May"'s prepositions, negators of a detail,
/// ... Language knowledge stays in data; the rules name a list and ask. Private to
/// parser/analysis.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rumorwatch::rules {

/// The phrases of list `name`, in file order ("\s" at an end already turned into a space).
/// @throws std::logic_error for a list the data file does not have (a typo in a rule).
const std::vector<std::string>& word_list(std::string_view name);

/// `text` equals a phrase of the list.
bool equals_any(std::string_view text, std::string_view list);
/// `text` starts with a phrase of the list.
bool starts_with_any(std::string_view text, std::string_view list);
/// `text` ends with a phrase of the list.
bool ends_with_any(std::string_view text, std::string_view list);
/// A phrase of the list occurs in `text`.
bool contains_any(std::string_view text, std::string_view list);

} // namespace rumorwatch::rules
