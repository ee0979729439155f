/// \file
/// Text analysis configured once for both sides (index/ only: includes Xapian): the term
/// generator that indexes articles and the query parser that reads user queries use the
/// same stemmer, stemming strategy and CJK n-gram flag.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

namespace rumorwatch::index_detail {

/// Title terms get this wdf per occurrence, body terms 1 (Omega weights titles the same way).
inline constexpr Xapian::termcount kTitleWdf = 5;
/// Gap in term positions between fields, so phrases and NEAR never span two fields.
inline constexpr Xapian::termpos kFieldGap = 100;
/// Words longer than this are not indexed (base64 blobs, minified junk).
inline constexpr unsigned kMaxWordLength = 64;
/// Wildcards expand to at most this many terms (the most frequent), bounding latency.
inline constexpr Xapian::termcount kMaxWildcardExpansion = 200;

/// The stemmer of every document and query.
Xapian::Stem make_stemmer();
/// English stemming (STEM_SOME), CJK n-grams, bounded word length. Not bound to a document.
Xapian::TermGenerator make_term_generator();
/// The query flags rumorwatch parses with: Xapian's defaults (boolean, phrase, love/hate),
/// wildcards, pure NOT, explicit synonyms (~word) and CJK n-grams.
unsigned query_parser_flags();
/// A query parser bound to `db` (for wildcards and synonyms) with every field prefix, the
/// `date:` range and AND as the default operator. A bad `status:` or `date:` value does not
/// throw inside Xapian: its message is put in `*field_error` (first one wins) and the field
/// matches nothing; check it after parse_query().
Xapian::QueryParser make_query_parser(const Xapian::Database& db, std::shared_ptr<std::string> field_error);
/// One alias group as a single Xapian OP_SYNONYM query: it weighs as one word, so an
/// article is not ranked up for naming the same company in three scripts, and each alias
/// costs one posting list (see essential_aliases()) instead of a phrase search.
Xapian::Query alias_group_query(const Xapian::Database& db, const std::vector<std::string>& group);
/// Teaches `qp` the `rwalias:N` field of expand_aliases() for these groups; a bad N is
/// reported through `field_error` as the other fields do.
void add_alias_groups(Xapian::QueryParser& qp, const Xapian::Database& db,
                      const std::vector<std::vector<std::string>>& groups, std::shared_ptr<std::string> field_error);
/// Flags for MSet::snippet matching the above (CJK n-grams; no background model, for speed).
unsigned snippet_flags();

} // namespace rumorwatch::index_detail
