/// \file
/// The Xapian schema of a rumorwatch index: the unique-id term, term prefixes, value slots
/// and database metadata keys, each with what it holds and why. The one place that spells
/// a prefix; only index/ includes it. Free of <xapian.h> so it can be read on its own.
#pragma once

#include <string>
#include <string_view>

namespace rumorwatch::schema {

/// Bumped whenever terms, values or the document data change meaning. A database of another
/// version is refused on open (see check in writer/reader) with how to rebuild it.
/// Version 2 (one bump for this round's changes): the page's own UTC offset with its dates,
/// the alternative headline and the page type; versions as events with their own times;
/// echoes of another outlet's story; analysts' corrections; a compact timeline record.
/// Each addition is listed beside its term, value slot or data field below.
/// Document data, each entry of "versions": "modified" (the page's own modified time, ISO or
/// null) and "utc_offset_minutes" (int or null): versions as events; absent in older
/// documents, read as null (index/article_version.cpp).
inline constexpr int kVersion = 2;

/// Terms longer than this are replaced by a hash (Xapian's limit is 245 bytes per term;
/// Omega uses the same margin for long URLs).
inline constexpr std::size_t kMaxTermBytes = 240;

// ---- Term prefixes -------------------------------------------------------------------
// Omega's standard letters where they fit, X... for our own. Boolean terms hold their value
// lower-cased (ASCII) so `outlet:Pacific-Wire` and `outlet:pacific-wire` are the same filter.

/// Unique id: "Q" + document id (16 hex digits of SHA-256 of the canonical URL). One per
/// document; `replace_document` on it makes re-indexing idempotent.
inline constexpr std::string_view kIdTerm = "Q";
/// URL as fetched and canonical URL, verbatim ("U" + url, hashed when too long), so
/// `show URL` finds an article by either.
inline constexpr std::string_view kUrl = "U";
/// Host of the canonical URL, lower-cased, without "www." (Omega's H).
inline constexpr std::string_view kHost = "H";
/// Title words (free text, positional, Omega's S), for `title:`.
inline constexpr std::string_view kTitle = "S";
/// Author words (free text, positional since issue 22 for `author:"a phrase"`; older
/// documents have none until reindexed; Omega's A), for `author:`.
inline constexpr std::string_view kAuthor = "A";
/// Language of the article, BCP 47 primary tag ("en", "zh"; Omega's L).
inline constexpr std::string_view kLanguage = "L";
/// Keywords the page declares (meta keywords, JSON-LD), lower-cased (Omega's K): each
/// keyword whole, and (since issue 22) each word of a keyword of several words
/// ("apple ai" also gives "ai"), so `keyword:ai` finds it.
inline constexpr std::string_view kKeyword = "K";
/// Publication (or first-seen) day "YYYYMMDD", month "YYYYMM", year "YYYY" (Omega's D/M/Y).
inline constexpr std::string_view kDay = "D";
inline constexpr std::string_view kMonth = "M";
inline constexpr std::string_view kYear = "Y";
/// Outlet id from the outlets file.
inline constexpr std::string_view kOutlet = "XOUTLET";
/// Outlet trust tier: wire, major, trade, blog.
inline constexpr std::string_view kTier = "XTIER";
/// Topic id the article was analysed for, only when it touches the topic (status != none).
inline constexpr std::string_view kTopic = "XTOPIC";
/// The article's rumor status ("reported", "denied", ... also "none").
inline constexpr std::string_view kStatus = "XSTATUS";
/// Every status asserted by some mention (an article may report and deny in one text).
inline constexpr std::string_view kMentionStatus = "XMSTATUS";
/// Topic entity ids the article names ("apple", "alibaba").
inline constexpr std::string_view kEntity = "XENTITY";
/// Attributed sources, lower-cased, whole ("reuters", "people familiar").
inline constexpr std::string_view kSource = "XSOURCE";
/// Near-duplicate group id (syndicated copies share it).
inline constexpr std::string_view kDupGroup = "XDUP";
/// Which date the D/M/Y terms and date values use: "published" or "first_seen".
inline constexpr std::string_view kDateKind = "XDATE";

// ---- Value slots ---------------------------------------------------------------------
// Unsigned to match Xapian::valueno without including Xapian (checked in schema.cpp).
enum Slot : unsigned {
    /// Publication time, or first-seen time when the page has no date:
    /// sortable_serialise(unix seconds). Sorting by date, --since/--until, the timeline.
    kPublishedSlot = 0,
    /// The same instant's UTC day as "YYYYMMDD", for DateRangeProcessor (`date:A..B`).
    kPublishedDaySlot = 1,
    /// Last crawl time: sortable_serialise(unix seconds).
    kCrawledSlot = 2,
    /// Status name ("reported"), for ValueCountMatchSpy facets.
    kStatusSlot = 3,
    /// Status rank: sortable_serialise(position in kAllStatuses), to sort by strength.
    kStatusRankSlot = 4,
    /// Outlet id, for facets and per-outlet collapse.
    kOutletSlot = 5,
    /// Near-duplicate group id; empty when unknown so Xapian's collapse leaves it alone.
    kDupGroupSlot = 6,
    /// Hex SHA-256 of the extracted text, to tell edits from re-crawls.
    kContentHashSlot = 7,
    /// The body text, for snippets and `show`: "z" + 4-byte little-endian length + zlib
    /// stream, or "t" + the text. Kept out of the document data so that readers needing
    /// only metadata (the timeline, result lists) never read it.
    kTextSlot = 8,
};

// ---- Database metadata keys ----------------------------------------------------------
inline constexpr std::string_view kMetaSchemaVersion = "rumorwatch.schema_version";
inline constexpr std::string_view kMetaStemmer = "rumorwatch.stemmer";    ///< "english"
inline constexpr std::string_view kMetaCjk = "rumorwatch.cjk";            ///< "ngram"
inline constexpr std::string_view kMetaValuesMap = "rumorwatch.valuesmap"; ///< JSON name→slot
/// Topic alias groups as JSON, a copy of the synonyms for databases read remotely.
inline constexpr std::string_view kMetaSynonymGroups = "rumorwatch.synonym_groups";
/// Spelling data (Xapian's spelling table, no version bump: readers that do not use it
/// ignore it): every unprefixed word the term generator indexes, with its frequency, added
/// by IndexWriter (TermGenerator::FLAG_SPELLING) so a search can suggest "did you mean"
/// (QueryParser::FLAG_SPELLING_CORRECTION). Documents indexed before issue 22 add none
/// until reindexed.
inline constexpr std::string_view kSpellingData = "xapian spelling table";

/// Crawl state of one URL: key prefix + hash of the URL, value the UrlState as JSON.
/// User metadata (not documents) so it never shows in searches or term statistics, and
/// commits in the same transaction as the documents.
inline constexpr std::string_view kMetaUrlStatePrefix = "crawl:";
/// (v2) An analyst's correction of one article: key prefix + document id, value the
/// Correction as JSON {"id","url","status","note","at"}. Metadata rather than document data
/// so that a re-crawl, which rewrites the document, keeps it; written in the writer's
/// transaction.
inline constexpr std::string_view kMetaCorrectionPrefix = "correction:";
/// `crawl --on-change` outbox: key prefix + message id (topic, date, from and to of a
/// transition), value {"message": the JSON the command gets, "attempts": n}. Written in the
/// crawl writer's transaction; erased once the command has taken it, so a crawl stopped
/// before announcing leaves it to the next run.
inline constexpr std::string_view kMetaOutboxPrefix = "outbox:";
/// Per topic (key prefix + topic id): JSON array of the ids of the transitions already put
/// in the outbox, so that the next run queues only new ones, whenever the crawl stopped.
inline constexpr std::string_view kMetaOutboxSeenPrefix = "outbox-seen:";

/// The stemmer every document and query uses (mixed-language text: CJK n-grams are not
/// stemmed, so one English stemmer is safe for Chinese articles too).
inline constexpr std::string_view kStemmer = "english";

/// 16 lower-case hex digits of SHA-256(text): document ids and long-term hashes.
std::string hash_hex(std::string_view text);
/// The document id of a canonical URL.
std::string document_id(std::string_view canonical_url);
/// "Q" + document_id(canonical_url).
std::string id_term(std::string_view canonical_url);
/// prefix + value, with the value replaced by "#" + hash_hex(value) when the term would
/// exceed kMaxTermBytes.
std::string bounded_term(std::string_view prefix, std::string_view value);
/// prefix + lower-cased(value), bounded. For boolean filter terms.
std::string boolean_term(std::string_view prefix, std::string_view value);
/// The value of a URL's site: term: its host (url_host) without a leading "www.", so that
/// site:dfshuma.example finds www.dfshuma.example; empty when there is none.
std::string site_of(std::string_view url);
/// The valuesmap written to metadata: {"published":0, ...} as compact JSON.
std::string values_map_json();

} // namespace rumorwatch::schema
