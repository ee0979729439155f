/// \file
/// Which part of an article's text to hand Xapian's snippet generator. MSet::snippet reads
/// every character of the text it is given (Unicode lookups, stemming), which was half of
/// a search's time on 6 KB articles; the passage it picks is the one where the query's
/// words gather, so a byte scan for those words finds that neighbourhood first and
/// Xapian then works on a couple of kilobytes instead of the whole text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace Xapian {
class Query;
}

namespace rumorwatch::index_detail {

/// A byte range [begin, end) of a text, on UTF-8 character boundaries.
struct TextWindow {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// The words to look for: the query's free-text terms without their prefixes (plain,
/// stemmed "Z", title "S"), lower-case; boolean filter terms are left out because the
/// snippet never highlights them.
std::vector<std::string> snippet_words(const Xapian::Query& query);

/// The part of `text` Xapian should build a `snippet_bytes` snippet from: the densest
/// cluster of `words` (ASCII case folded; a Latin word must start at a word boundary, so
/// "market" finds "markets" but not "supermarket"; CJK matches anywhere) with
/// `snippet_bytes` of context on each side. The whole text when it is short or when no
/// word occurs in it (a stem that is not a prefix of its words, a match in the title):
/// Xapian then decides on everything, as before.
TextWindow snippet_window(std::string_view text, const std::vector<std::string>& words,
                          std::size_t snippet_bytes);

} // namespace rumorwatch::index_detail
