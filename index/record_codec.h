/// \file
/// ArticleRecord ↔ Xapian document (index/ only: includes Xapian). The document data is the
/// compact JSON of everything but the body, a NUL byte, then the body text, so readers that
/// need no text (the timeline) skip parsing it. JSON never holds a raw NUL, so the split is
/// unambiguous.
#pragma once

#include <string>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index/index.h"

namespace rumorwatch::index_detail {

/// The document data of `article` (see the file comment).
std::string encode_data(const StoredArticle& article);
/// Inverse of encode_data; `with_text` false leaves record.article.text empty (faster).
/// @throws IndexError when the data is not rumorwatch's.
StoredArticle decode_data(const std::string& data, bool with_text = true);
/// The JSON part of document data, without the text.
nlohmann::json decode_data_json(const std::string& data);

/// Every term and value of the schema for `article`, with its data set.
Xapian::Document build_document(const StoredArticle& article, Xapian::TermGenerator& termgen);

/// The history entry describing `article`'s current version (date, hash, title, status,
/// evidence, WARC reference), as kept in StoredArticle::versions.
nlohmann::json version_entry(const StoredArticle& article);

/// A digest of everything a re-crawl could change except when and where it was fetched:
/// equal fingerprints mean an upsert has nothing to write.
std::string record_fingerprint(const ArticleRecord& record);

} // namespace rumorwatch::index_detail
