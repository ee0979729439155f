/// \file
/// The index library's public face: write articles and crawl state, read them back.
/// Xapian stays behind this header (pimpl); Xapian errors become IndexError.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parser/model.h"

namespace rumorwatch {

/// The Xapian library this binary runs with, e.g. "Xapian 1.4.22".
std::string xapian_version();

/// What the crawler knows about one URL between visits. Committed with the documents.
struct UrlState {
    std::string url;
    std::string etag;
    std::string last_modified;
    std::string content_hash; ///< hex SHA-256 of the body last seen
    std::optional<Timestamp> last_visit;
    std::optional<Timestamp> next_visit;
    int failures = 0;
    int http_status = 0;

    bool operator==(const UrlState&) const = default;
};

/// One article as the ingest pipeline hands it to the index.
struct ArticleRecord {
    Article article;
    RumorAnalysis analysis;
    std::string outlet_id;
    OutletTier tier = OutletTier::major;
    Timestamp crawled_at{};
    std::string content_hash;   ///< hex SHA-256 of the extracted text
    std::string near_dup_group; ///< similarity-hash group id, empty when unknown
    std::string warc_file;      ///< WARC file and record the bytes came from, if captured
    std::string warc_record_id;
};

/// What upsert did.
enum class UpsertOutcome { added, updated, unchanged };

/// Owns a writable database. One writer per database at a time (Xapian's lock).
/// Not thread-safe: use from one thread.
class IndexWriter {
public:
    /// Opens or creates the database at `path`.
    /// @throws IndexError "index is busy" when another writer holds it, or when the
    ///         database is of another schema version (with how to reindex).
    explicit IndexWriter(const std::string& path);
    ~IndexWriter();
    IndexWriter(IndexWriter&&) noexcept;
    IndexWriter& operator=(IndexWriter&&) noexcept;

    /// Adds or replaces the document of `record.article.canonical_url`; an earlier version
    /// whose text or status differs is kept in the document's history.
    UpsertOutcome upsert(const ArticleRecord& record);
    /// Records crawl state; it becomes durable with the next commit, together with documents.
    void put_url_state(const UrlState& state);
    /// The crawl state last put (committed or not) for `url`.
    std::optional<UrlState> url_state(const std::string& url) const;
    /// Every URL state (for resuming a crawl and scheduling revisits).
    std::vector<UrlState> all_url_states() const;
    /// Makes everything since the last commit durable, atomically.
    void commit();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// One stored article with its history, as readers see it.
struct StoredArticle {
    std::string id; ///< stable document id (the unique term's hash)
    ArticleRecord record;
    std::vector<nlohmann::json> versions; ///< earlier versions, oldest first
};

/// A search request (the `search` command's options, minus output concerns).
struct SearchRequest {
    std::string query;
    std::optional<Timestamp> since;
    std::optional<Timestamp> until;
    std::vector<std::string> outlets;
    std::vector<RumorStatus> statuses;
    std::vector<std::string> languages;
    bool sort_by_date = false;
    int offset = 0;
    int limit = 10;
    bool facets = false;
};

/// One hit.
struct SearchHit {
    StoredArticle article;
    double weight = 0;
    std::string snippet; ///< with matches between \x01 and \x02 markers, for the caller to style
};

/// The answer to a search.
struct SearchResponse {
    std::vector<SearchHit> hits;
    long long estimated_total = 0;
    std::vector<std::pair<std::string, long long>> status_facets;
    std::vector<std::pair<std::string, long long>> outlet_facets;
};

/// Read access to one or more databases (local paths or Xapian stub files).
/// Reopens on DatabaseModifiedError. Not thread-safe.
class IndexReader {
public:
    /// @throws IndexError when a database cannot be opened.
    explicit IndexReader(const std::vector<std::string>& paths);
    ~IndexReader();
    IndexReader(IndexReader&&) noexcept;
    IndexReader& operator=(IndexReader&&) noexcept;

    /// @throws InputError for a malformed query (with the position).
    SearchResponse search(const SearchRequest& request);
    /// Every article that mentions a topic, ordered by publication (or first-seen) time.
    std::vector<StoredArticle> timeline_articles(const std::string& topic_id);
    /// An article by canonical URL or document id.
    std::optional<StoredArticle> find(const std::string& url_or_id);
    /// Number of documents.
    long long document_count();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace rumorwatch
