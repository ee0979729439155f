/// \file
/// IndexWriter: upserts articles and crawl state inside one Xapian transaction per batch.
#include "index/index.h"

#include <filesystem>
#include <map>
#include <set>

#include <xapian.h>

#include <nlohmann/json.hpp>

#include "index/correction_codec.h"
#include "index/record_codec.h"
#include "index/schema.h"
#include "index/schema_check.h"
#include "index/text_analysis.h"
#include "index/xapian_errors.h"
#include "index/url_state_codec.h"
#include "parser/core/core.h"

namespace rumorwatch {

using index_detail::index_error;

// Crawl state lives in user metadata, not in documents: it never shows in searches, facets
// or term statistics, costs one B-tree entry per URL, and set_metadata takes part in the
// same transaction as the documents, so a commit makes both durable or neither.
struct IndexWriter::Impl {
    std::string path;
    Xapian::WritableDatabase db;
    Xapian::TermGenerator termgen = index_detail::make_term_generator();
    int pending = 0;
    bool in_transaction = false;

    void begin() {
        // A flushed transaction: commit_transaction() makes the batch durable; anything not
        // committed is cancelled, never half-written (Xapian would otherwise commit in the
        // destructor and on its own flush threshold).
        db.begin_transaction(true);
        in_transaction = true;
    }
};

IndexWriter::IndexWriter(const std::string& path) : impl_(std::make_unique<Impl>()) {
    impl_->path = path;
    try {
        const std::filesystem::path parent = std::filesystem::path(path).parent_path();
        if (!parent.empty()) std::filesystem::create_directories(parent);
    } catch (const std::filesystem::filesystem_error& e) {
        throw IndexError(path + ": cannot create the folder for the index: " + e.code().message());
    }
    try {
        impl_->db = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError("index is busy: another crawl is writing to " + path);
    } catch (const Xapian::Error& e) {
        throw index_error(path, e);
    }
    try {
        index_detail::check_schema(impl_->db, path);
        if (index_detail::stored_schema_version(impl_->db) == 0) {
            index_detail::write_schema_metadata(impl_->db);
            impl_->db.commit();
        }
        impl_->begin();
        // The spelling table (schema.h, "Spelling data"): every unprefixed word indexed
        // feeds it, so a search for "alibab" can say "did you mean alibaba".
        impl_->termgen.set_database(impl_->db);
        impl_->termgen.set_flags(Xapian::TermGenerator::FLAG_SPELLING,
                                  Xapian::TermGenerator::flags(~Xapian::TermGenerator::FLAG_SPELLING));
    } catch (const Xapian::Error& e) {
        throw index_error(path, e);
    }
}

IndexWriter::~IndexWriter() {
    if (!impl_) return;
    try {
        if (impl_->in_transaction) impl_->db.cancel_transaction();
        impl_->db.close();
    } catch (const Xapian::Error&) {
        // Nothing to report to: the uncommitted batch is discarded either way.
    }
}

IndexWriter::IndexWriter(IndexWriter&&) noexcept = default;
IndexWriter& IndexWriter::operator=(IndexWriter&&) noexcept = default;

UpsertOutcome IndexWriter::upsert(const ArticleRecord& record) {
    const Article& a = record.article;
    const std::string& url = a.canonical_url.empty() ? a.url : a.canonical_url;
    if (url.empty()) throw IndexError(impl_->path + ": cannot index an article without a URL");
    StoredArticle stored;
    stored.id = schema::document_id(url);
    stored.record = record;
    if (stored.record.article.canonical_url.empty()) stored.record.article.canonical_url = url;
    const std::string id_term = std::string(schema::kIdTerm) + stored.id;
    UpsertOutcome outcome = UpsertOutcome::added;
    try {
        Xapian::WritableDatabase& db = impl_->db;
        const auto existing = db.postlist_begin(id_term);
        if (existing != db.postlist_end(id_term)) {
            const Xapian::Document old_doc = db.get_document(*existing);
            const auto old_json = index_detail::decode_data_json(old_doc.get_data());
            if (old_json.value("fingerprint", std::string()) == index_detail::record_fingerprint(record))
                return UpsertOutcome::unchanged;
            const StoredArticle old = index_detail::decode_document(old_doc, false);
            stored.versions = old.versions;
            stored.first_seen = old.first_seen;
            const auto& o = old.record;
            if (o.content_hash != record.content_hash || o.article.title != a.title ||
                o.analysis.status != record.analysis.status)
                stored.versions.push_back(index_detail::version_entry(old));
            outcome = UpsertOutcome::updated;
        } else {
            stored.first_seen = record.crawled_at;
        }
        if (a.published) {
            stored.time = a.published->time;
            stored.time_source = "published";
        } else {
            stored.time = stored.first_seen;
            stored.time_source = "first_seen";
        }
        db.replace_document(id_term, index_detail::build_document(stored, impl_->termgen));
        ++impl_->pending;
    } catch (const Xapian::Error& e) {
        throw index_error(impl_->path, e);
    }
    return outcome;
}

void IndexWriter::put_url_state(const UrlState& state) {
    try {
        impl_->db.set_metadata(index_detail::url_state_key(state.url),
                               index_detail::encode_url_state(state));
        ++impl_->pending;
    } catch (const Xapian::Error& e) {
        throw index_error(impl_->path, e);
    }
}

std::optional<UrlState> IndexWriter::url_state(const std::string& url) const {
    try {
        const std::string value = impl_->db.get_metadata(index_detail::url_state_key(url));
        if (value.empty()) return std::nullopt;
        return index_detail::decode_url_state(value);
    } catch (const Xapian::Error& e) {
        throw index_error(impl_->path, e);
    }
}

std::vector<UrlState> IndexWriter::all_url_states() const {
    std::vector<UrlState> states;
    try {
        const std::string prefix(schema::kMetaUrlStatePrefix);
        for (auto it = impl_->db.metadata_keys_begin(prefix); it != impl_->db.metadata_keys_end(prefix); ++it)
            if (auto s = index_detail::decode_url_state(impl_->db.get_metadata(*it))) states.push_back(*s);
    } catch (const Xapian::Error& e) {
        throw index_error(impl_->path, e);
    }
    return states;
}

namespace {

std::string outbox_key(std::string_view prefix, const std::string& id, const std::string& path) {
    if (id.empty() || id.size() > 200) throw IndexError(path + ": outbox id must be 1 to 200 bytes");
    return std::string(prefix) + id;
}

} // namespace

void IndexWriter::put_outbox(const std::string& id, const std::string& value) {
    try {
        impl_->db.set_metadata(outbox_key(schema::kMetaOutboxPrefix, id, impl_->path), value);
        ++impl_->pending;
    } catch (const Xapian::Error& e) {
        throw index_error(impl_->path, e);
    }
}

void IndexWriter::erase_outbox(const std::string& id) {
    try {
        impl_->db.set_metadata(outbox_key(schema::kMetaOutboxPrefix, id, impl_->path), ""); // "" deletes
        ++impl_->pending;
    } catch (const Xapian::Error& e) {
        throw index_error(impl_->path, e);
    }
}

std::vector<std::pair<std::string, std::string>> IndexWriter::outbox() const {
    std::vector<std::pair<std::string, std::string>> entries;
    try {
        const std::string prefix(schema::kMetaOutboxPrefix);
        for (auto it = impl_->db.metadata_keys_begin(prefix); it != impl_->db.metadata_keys_end(prefix); ++it)
            entries.emplace_back((*it).substr(prefix.size()), impl_->db.get_metadata(*it));
    } catch (const Xapian::Error& e) {
        throw index_error(impl_->path, e);
    }
    return entries;
}

std::optional<std::string> IndexWriter::outbox_seen(const std::string& topic_id) const {
    try {
        std::string value = impl_->db.get_metadata(outbox_key(schema::kMetaOutboxSeenPrefix, topic_id, impl_->path));
        if (value.empty()) return std::nullopt;
        return value;
    } catch (const Xapian::Error& e) {
        throw index_error(impl_->path, e);
    }
}

void IndexWriter::set_outbox_seen(const std::string& topic_id, const std::string& value) {
    try {
        impl_->db.set_metadata(outbox_key(schema::kMetaOutboxSeenPrefix, topic_id, impl_->path), value);
        ++impl_->pending;
    } catch (const Xapian::Error& e) {
        throw index_error(impl_->path, e);
    }
}

void IndexWriter::commit() {
    try {
        impl_->in_transaction = false;
        impl_->db.commit_transaction();
        impl_->pending = 0;
        impl_->begin();
    } catch (const Xapian::Error& e) {
        throw index_error(impl_->path, e);
    }
}

void IndexWriter::set_topics(const std::vector<Topic>& topics) {
    using nlohmann::json;
    try {
        Xapian::WritableDatabase& db = impl_->db;
        const std::string key(schema::kMetaSynonymGroups);
        json all = json::parse(db.get_metadata(key), nullptr, false);
        if (!all.is_object()) all = json::object();
        for (const Topic& topic : topics) {
            // Forget what this topic stored before, so a removed alias stops expanding.
            if (all.contains(topic.id))
                for (const auto& group : all[topic.id])
                    for (const auto& alias : group) db.clear_synonyms(text::to_lower_ascii(alias.get<std::string>()));
            json groups = json::array();
            // A product's aliases first: expand_aliases() gives an alias to the first group
            // holding it, so "qwen" expands to the product (Qwen, 通义千问), not the company.
            for (const TopicEntity& entity : topic.entities)
                for (const auto& product : entity.products) {
                    if (product.size() < 2) continue;
                    for (const auto& from : product)
                        for (const auto& to : product)
                            if (&from != &to) db.add_synonym(text::to_lower_ascii(from), text::to_lower_ascii(to));
                    groups.push_back(product);
                }
            for (const TopicEntity& entity : topic.entities) {
                std::vector<std::string> group;
                std::map<std::string, bool> seen;
                auto add = [&](const std::string& alias) {
                    const std::string key = text::to_lower_ascii(alias);
                    if (!key.empty() && !seen[key]) {
                        seen[key] = true;
                        group.push_back(alias);
                    }
                };
                add(entity.name);
                for (const auto& alias : entity.aliases) add(alias);
                if (group.size() < 2) continue;
                std::set<std::string> product_aliases;
                for (const auto& product : entity.products)
                    for (const auto& alias : product) product_aliases.insert(text::to_lower_ascii(alias));
                for (const auto& from : group)
                    for (const auto& to : group)
                        if (&from != &to && !product_aliases.count(text::to_lower_ascii(from)))
                            db.add_synonym(text::to_lower_ascii(from), text::to_lower_ascii(to));
                groups.push_back(group);
            }
            all[topic.id] = groups;
        }
        db.set_metadata(key, all.dump(-1, ' ', false, json::error_handler_t::replace));
        ++impl_->pending;
    } catch (const Xapian::Error& e) {
        throw index_error(impl_->path, e);
    }
}

// Corrections sit in metadata, like crawl state: upsert never touches them, so a re-crawl
// that rewrites the document keeps the analyst's status.
void IndexWriter::set_correction(const Correction& correction) {
    if (correction.id.empty()) throw IndexError(impl_->path + ": a correction needs the article's document id");
    try {
        impl_->db.set_metadata(index_detail::correction_key(correction.id), index_detail::encode_correction(correction));
        ++impl_->pending;
    } catch (const Xapian::Error& e) {
        throw index_error(impl_->path, e);
    }
}

bool IndexWriter::remove_correction(const std::string& id) {
    try {
        const std::string key = index_detail::correction_key(id);
        if (impl_->db.get_metadata(key).empty()) return false;
        impl_->db.set_metadata(key, std::string()); // an empty value deletes the key
        ++impl_->pending;
        return true;
    } catch (const Xapian::Error& e) {
        throw index_error(impl_->path, e);
    }
}

std::vector<Correction> IndexWriter::corrections() const {
    try {
        return index_detail::all_corrections(impl_->db);
    } catch (const Xapian::Error& e) {
        throw index_error(impl_->path, e);
    }
}

int IndexWriter::pending_changes() const { return impl_->pending; }
const std::string& IndexWriter::path() const { return impl_->path; }

} // namespace rumorwatch
