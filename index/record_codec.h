/// \file
/// ArticleRecord ↔ Xapian document (index/ only: includes Xapian). The document data is the
/// compact JSON of everything but the body; the body text sits in its own value slot
/// (zlib-compressed), so readers that need no text (the timeline, search results before
/// their snippets) never read or inflate it.
#pragma once

#include <string>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index/index.h"

namespace rumorwatch::index_detail {

/// The document data of `article`: compact JSON without the body text.
std::string encode_data(const StoredArticle& article);
/// The document data as JSON. @throws IndexError when the data is not rumorwatch's.
nlohmann::json decode_data_json(const std::string& data);
/// The stored article of `doc`; `with_text` false leaves record.article.text empty and
/// skips reading the text slot (faster). @throws IndexError when the data is not ours or
/// the text is damaged, naming the document (its id and URL when the data can be read).
StoredArticle decode_document(const Xapian::Document& doc, bool with_text = true);

/// The value stored in kTextSlot for `text`: "z" + 4-byte little-endian length + zlib
/// stream, or "t" + the text when compressing would not pay.
std::string encode_text(std::string_view text);
/// No zlib stream inflates more than this many times its size (deflate's limit is 1032:1),
/// so a declared length beyond it can only be damage.
inline constexpr std::size_t kMaxDeflateRatio = 1032;

/// Inverse of encode_text. Allocates at most kMaxDeflateRatio times the value's size.
/// @throws IndexError when the value is damaged.
std::string decode_text(const std::string& value);

/// Every term and value of the schema for `article`, with its data set.
Xapian::Document build_document(const StoredArticle& article, Xapian::TermGenerator& termgen);

/// The history entry describing `article`'s current version (date, hash, title, status,
/// evidence, WARC reference), as kept in StoredArticle::versions.
ArticleVersion version_entry(const StoredArticle& article);

/// A digest of everything a re-crawl could change except when and where it was fetched:
/// equal fingerprints mean an upsert has nothing to write.
std::string record_fingerprint(const ArticleRecord& record);

} // namespace rumorwatch::index_detail
