/// \file
/// The index library's public face: write articles and crawl state, read them back.
/// Xapian stays behind this header (pimpl); Xapian errors become IndexError.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "parser/core/core.h"
#include "parser/analysis/analysis.h"

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
    std::string simhash;        ///< 16 hex digits: SimHash of the article text, empty when none
    std::string near_dup_group; ///< the near-duplicate group the article was put in

    bool operator==(const UrlState&) const = default;
};

/// One article as the ingest pipeline hands it to the index.
struct ArticleRecord {
    Article article;
    /// The analysis for the strongest of the crawl's topics: what `status:`, search results
    /// and `show` lead with.
    RumorAnalysis analysis;
    /// The analyses for the crawl's other topics, one per topic, so that every topic's
    /// timeline reads the article as that topic's analysis judged it. Empty for a one-topic
    /// crawl (and in documents written before it existed).
    std::vector<RumorAnalysis> other_topics;
    std::string outlet_id;
    OutletTier tier = OutletTier::major;
    Timestamp crawled_at{};
    std::string content_hash;   ///< hex SHA-256 of the extracted text
    std::string near_dup_group; ///< similarity-hash group id, empty when unknown
    std::string warc_file;      ///< WARC file and record the bytes came from, if captured
    std::string warc_record_id;
    /// When this article is a copy of another outlet's story (a wire credit or dateline, a
    /// rel=canonical to another outlet, near-identical text): the origin's canonical URL;
    /// empty for an origin. `echo_signal` says how it was recognised.
    std::string echo_of;
    std::string echo_signal;
};

/// The analysis of `record` for `topic_id`: `analysis` when it is that topic's (or carries no
/// topic id, as in documents of one-topic crawls), else the matching one of `other_topics`,
/// else null (the article was not analysed for that topic).
const RumorAnalysis* analysis_for(const ArticleRecord& record, std::string_view topic_id);

/// An analyst's status for one article, recorded by hand (`rumorwatch label`). Kept in
/// database metadata under schema::kMetaCorrectionPrefix, not in the document data, so a
/// re-crawl that rewrites the document keeps it. It replaces the analysed status wherever
/// the article is shown and in the timeline.
struct Correction {
    std::string id;  ///< document id of the article
    std::string url; ///< its canonical URL (what `labels --import` looks the article up by)
    RumorStatus status = RumorStatus::none;
    std::string note; ///< the analyst's reason, free text
    Timestamp at{};   ///< when it was recorded
    bool operator==(const Correction&) const = default;
};
/// {"id", "url", "status", "note", "at": ISO}. from_json throws InputError naming the
/// missing or bad field; "note" and "at" may be absent.
void to_json(nlohmann::json& j, const Correction& c);
void from_json(const nlohmann::json& j, Correction& c);
/// The corrections stored in the database at `path`, read without the schema check (a
/// database of an older schema version still hands its corrections over), or nullopt
/// when the folder cannot be opened as a Xapian database.
std::optional<std::vector<Correction>> read_corrections(const std::string& path);
/// The document id an article of this canonical URL has (or will have) in any index.
std::string article_id(std::string_view canonical_url);

/// What upsert did.
enum class UpsertOutcome { added, updated, unchanged };

/// Owns a writable database. One writer per database at a time (Xapian's lock).
/// Not thread-safe: use from one thread.
///
/// Everything written between two commit() calls (documents, crawl states, topics) is one
/// Xapian transaction: it becomes durable at commit() as a whole, and a writer destroyed
/// without committing (an exception, a crash) leaves none of it. Changes are held in memory
/// until then, so commit at least every few thousand documents.
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
    /// Makes everything since the last commit durable, atomically. @throws IndexError.
    void commit();
    /// Loads the topics' entity aliases as synonyms (Alibaba ↔ 阿里巴巴 ↔ Qwen ↔ 通义千问),
    /// replacing what an earlier call stored for the same topics; searches use them with
    /// SearchRequest::expand. Durable with the next commit.
    void set_topics(const std::vector<Topic>& topics);
    /// Records an analyst's correction (replacing one for the same article). Durable with
    /// the next commit; re-crawls of the article leave it alone.
    void set_correction(const Correction& correction);
    /// Forgets the correction of document `id`; false when there was none.
    bool remove_correction(const std::string& id);
    /// Every correction, committed or not, ordered by document id.
    std::vector<Correction> corrections() const;
    /// The `crawl --on-change` outbox (user metadata under schema::kMetaOutboxPrefix):
    /// messages to announce, durable with the next commit like documents and states.
    /// Puts or replaces the message `id` (at most 200 bytes).
    void put_outbox(const std::string& id, const std::string& value);
    /// Removes the message `id` (nothing when absent). Durable with the next commit.
    void erase_outbox(const std::string& id);
    /// Every message in the outbox as (id, value), in id order.
    std::vector<std::pair<std::string, std::string>> outbox() const;
    /// What the outbox already took for `topic_id` (schema::kMetaOutboxSeenPrefix); empty
    /// when nothing was ever recorded.
    std::optional<std::string> outbox_seen(const std::string& topic_id) const;
    void set_outbox_seen(const std::string& topic_id, const std::string& value);
    /// Changes not yet committed (documents upserted, states put, topics set).
    int pending_changes() const;
    /// The database directory this writer holds.
    const std::string& path() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// One version of an article as the index keeps it: what a crawl saw at `crawled_at`.
struct ArticleVersion {
    /// The sentence that decided the version's status.
    struct Evidence {
        std::string sentence;
        std::string cue;
        std::string attribution;
        bool operator==(const Evidence&) const = default;
    };
    Timestamp crawled_at{};
    std::optional<Timestamp> published;
    /// The page's own modified time for this version (dateModified, "Updated ..." lines), when
    /// it states one; a version is an event at this time, else at `crawled_at`.
    std::optional<Timestamp> modified;
    /// The page's UTC offset for this version's dates (minutes), when known.
    std::optional<int> utc_offset_minutes;
    std::string content_hash;
    std::string title;
    /// The version's status for the crawl's first topic; empty in a record too old or damaged
    /// to say (a timeline then skips the version rather than invent a change).
    std::optional<RumorStatus> status;
    double confidence = 0.0;
    std::optional<Evidence> evidence;
    std::string warc_file;
    std::string warc_record_id;

    bool operator==(const ArticleVersion&) const = default;
};
/// The codec of a version entry in document data (index/article_version.cpp):
/// {"crawled_at": ISO, "published": ISO|null, "modified": ISO|null (absent in older documents),
///  "utc_offset_minutes": int|null, "content_hash", "title", "status", "confidence",
///  "evidence": {"sentence","cue","attribution"}|null, "warc_file", "warc_record_id"}.
/// The version's own time: when_of(v).
void to_json(nlohmann::json& j, const ArticleVersion& v);
void from_json(const nlohmann::json& j, ArticleVersion& v);
/// When a version happened: the page's modified time if it states one, else the crawl that
/// first saw it.
Timestamp version_time(const ArticleVersion& v);

/// One stored article with its history, as readers see it.
struct StoredArticle {
    std::string id; ///< stable document id (the unique term's hash)
    ArticleRecord record;
    std::vector<ArticleVersion> versions; ///< earlier versions, oldest first
    /// When the URL was first indexed (the crawled_at of its first version).
    Timestamp first_seen{};
    /// The time the article is filed under: published when known, else first_seen.
    Timestamp time{};
    /// "published" or "first_seen": which of the two `time` is.
    std::string time_source;
    /// An analyst's correction of the status, when there is one (IndexReader attaches it).
    std::optional<Correction> correction;
};

/// The article's current version, so that a caller can list every version as
/// `versions` + current_version(article).
ArticleVersion current_version(const StoredArticle& article);

/// The longest query IndexReader::search takes. Xapian's cost grows faster than the query:
/// 320 KB of Chinese text took 1.76 GB, and an OR chain of 60,000 words over a minute.
inline constexpr std::size_t kMaxQueryBytes = 4096;
/// The most words a query may hold (see index_detail::count_query_words: operators do not
/// count, a run of Chinese text is one word). Real queries have a handful.
inline constexpr std::size_t kMaxQueryWords = 256;

/// The one check of a date a user typed, for `date:` in queries and --since/--until alike:
/// YYYY, YYYY-MM or YYYY-MM-DD (or a full ISO 8601 time) naming a day that exists. Empty
/// when valid, else the message ("\"2025-13\" is not a date; expected ...").
std::string date_value_error(std::string_view value);

/// Up to this many matches a search counts exactly (SearchResponse::total) at little cost.
inline constexpr long long kExactCountUpTo = 1000;

/// A search request (the `search` command's options, minus output concerns).
struct SearchRequest {
    std::string query; ///< Xapian query syntax with rumorwatch's fields; empty: everything
    std::optional<Timestamp> since; ///< inclusive, on StoredArticle::time
    std::optional<Timestamp> until; ///< inclusive
    std::vector<std::string> outlets;
    std::vector<RumorStatus> statuses;
    std::vector<std::string> languages;
    bool sort_by_date = false;
    int offset = 0;
    int limit = 10;
    bool facets = false;
    /// Also match the other aliases of any topic entity named in the query (Alibaba →
    /// 阿里巴巴, Qwen, 通义千问), from the synonyms IndexWriter::set_topics stored.
    bool expand = false;
    /// Show one article per near-duplicate group (SearchHit::copies counts the others).
    bool collapse_duplicates = true;
    /// With sort_by_date: oldest first instead of newest first.
    bool oldest_first = false;
    /// Snippet length in bytes (Xapian aims for it; 0: no snippets).
    int snippet_bytes = 240;
};

/// One hit.
struct SearchHit {
    StoredArticle article;
    double weight = 0;
    std::string snippet; ///< with matches between \x01 and \x02 markers, for the caller to style
    /// Near duplicates hidden behind this hit (a lower bound, as Xapian counts them).
    long long copies = 0;
    int rank = 0; ///< 1-based position in the whole result list (offset included)
};

/// The markers SearchHit::snippet puts around matched words.
inline constexpr char kHighlightStart = '\x01';
inline constexpr char kHighlightEnd = '\x02';

/// The answer to a search.
struct SearchResponse {
    std::vector<SearchHit> hits;
    long long estimated_total = 0;
    /// The exact number of matching articles (copies included, as the facets count them),
    /// when the search counted them all: always with facets, otherwise when there are at
    /// most kExactCountUpTo matches (cheap). std::nullopt when only estimated.
    std::optional<long long> total;
    /// When `total` is unknown: the number of matching articles there are at least.
    long long total_at_least = 0;
    /// The query with its misspelt words corrected from the database's spelling table
    /// ("alibab" → "alibaba"); empty when every word is known or no correction exists.
    std::string did_you_mean;
    std::vector<std::pair<std::string, long long>> status_facets;
    std::vector<std::pair<std::string, long long>> outlet_facets;
    /// The query as Xapian understood it (for --explain style debugging).
    std::string parsed_query;
    /// Matches left out of `hits` because their stored record is damaged, one message each
    /// naming the article ("article <id> (<url>): a stored article text is damaged ...").
    /// Their ranks are skipped, so the other hits keep theirs.
    std::vector<std::string> damaged;
};

/// What the timeline reads: one topic's articles, with optional filters.
struct TimelineRequest {
    std::string topic_id;
    std::optional<Timestamp> since; ///< inclusive, on StoredArticle::time
    std::optional<Timestamp> until; ///< inclusive
    std::vector<std::string> outlets;
    std::vector<std::string> languages;
    /// Also decode the body text (slower; the mentions already carry their sentences).
    bool with_text = false;
};

/// What a set of databases holds (`rumorwatch stats`).
struct IndexStats {
    long long documents = 0;
    std::vector<std::pair<std::string, long long>> outlets;   ///< by count, descending
    std::vector<std::pair<std::string, long long>> statuses;  ///< by count, descending
    std::vector<std::pair<std::string, long long>> languages; ///< by count, descending
    std::optional<Timestamp> earliest; ///< smallest StoredArticle::time
    std::optional<Timestamp> latest;
    long long url_states = 0;      ///< crawl states stored (local databases only)
    long long database_bytes = -1; ///< on-disk size of the local databases; -1 when remote only
    int schema_version = 0;
    std::vector<std::string> databases; ///< the paths opened, as given
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

    /// A damaged match is left out and named in SearchResponse::damaged.
    /// @throws InputError for a malformed query (with the position), and for one longer
    /// than kMaxQueryBytes or with more than kMaxQueryWords words.
    SearchResponse search(const SearchRequest& request);
    /// Every article that mentions a topic, ordered by publication (or first-seen) time,
    /// with the body text.
    std::vector<StoredArticle> timeline_articles(const std::string& topic_id);
    /// The same with filters; without text unless asked (the fast path for timelines).
    std::vector<StoredArticle> timeline_articles(const TimelineRequest& request);
    /// Counts for `rumorwatch stats`.
    IndexStats stats();
    /// Every term of an article with its positions, "term[pos,pos] term2[] ...", sorted
    /// (Xapian's order); empty when not found. For `show --terms` and analysis tests.
    std::string term_dump(const std::string& url_or_id);
    /// An article by canonical URL or document id.
    std::optional<StoredArticle> find(const std::string& url_or_id);
    /// Throws InputError when a value of `field` ("outlet", "topic" or "tier") names nothing
    /// stored, naming `option` and the nearest known values (a typo is not "no coverage").
    void check_known_values(std::string_view field, const std::vector<std::string>& values,
                            const std::string& option);
    /// The stored URLs (canonical and fetched) starting with `start` ("http://host/").
    std::vector<std::string> stored_urls(const std::string& start);
    /// Number of documents.
    long long document_count();
    /// Every correction of every database, ordered by document id.
    std::vector<Correction> corrections();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace rumorwatch
