/// \file
/// Placeholder for the Xapian writer and reader (issue: index and search).
#include "index/index.h"

#include "parser/errors.h"

namespace rumorwatch {

struct IndexWriter::Impl {};
IndexWriter::IndexWriter(const std::string&) { throw IndexError("the index is not built yet"); }
IndexWriter::~IndexWriter() = default;
IndexWriter::IndexWriter(IndexWriter&&) noexcept = default;
IndexWriter& IndexWriter::operator=(IndexWriter&&) noexcept = default;
UpsertOutcome IndexWriter::upsert(const ArticleRecord&) { return UpsertOutcome::unchanged; }
void IndexWriter::put_url_state(const UrlState&) {}
std::optional<UrlState> IndexWriter::url_state(const std::string&) const { return std::nullopt; }
std::vector<UrlState> IndexWriter::all_url_states() const { return {}; }
void IndexWriter::commit() {}

struct IndexReader::Impl {};
IndexReader::IndexReader(const std::vector<std::string>&) { throw IndexError("the index is not built yet"); }
IndexReader::~IndexReader() = default;
IndexReader::IndexReader(IndexReader&&) noexcept = default;
IndexReader& IndexReader::operator=(IndexReader&&) noexcept = default;
SearchResponse IndexReader::search(const SearchRequest&) { return {}; }
std::vector<StoredArticle> IndexReader::timeline_articles(const std::string&) { return {}; }
std::optional<StoredArticle> IndexReader::find(const std::string&) { return std::nullopt; }
long long IndexReader::document_count() { return 0; }

} // namespace rumorwatch
