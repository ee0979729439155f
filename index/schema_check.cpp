/// \file
/// Schema metadata written on create and checked on every open (as libzim and Recoll do).
#include "index/schema_check.h"

#include "index/schema.h"
#include "parser/core/core.h"

namespace rumorwatch::index_detail {

void write_schema_metadata(Xapian::WritableDatabase& db) {
    db.set_metadata(std::string(schema::kMetaSchemaVersion), std::to_string(schema::kVersion));
    db.set_metadata(std::string(schema::kMetaStemmer), std::string(schema::kStemmer));
    db.set_metadata(std::string(schema::kMetaCjk), "ngram");
    db.set_metadata(std::string(schema::kMetaValuesMap), schema::values_map_json());
}

int stored_schema_version(const Xapian::Database& db) {
    const std::string v = db.get_metadata(std::string(schema::kMetaSchemaVersion));
    try {
        return v.empty() ? 0 : std::stoi(v);
    } catch (const std::exception&) {
        return -1;
    }
}

void check_schema(const Xapian::Database& db, const std::string& path) {
    const int version = stored_schema_version(db);
    if (version == schema::kVersion) return;
    if (version == 0 && db.get_doccount() == 0) return; // new and empty: the writer describes it
    const std::string found =
        version == 0 ? "no rumorwatch schema version (not a rumorwatch index?)"
                     : "schema version " + std::to_string(version);
    throw IndexError(path + ": the index has " + found + ", this rumorwatch reads version " +
                     std::to_string(schema::kVersion) +
                     "; rebuild it: move it aside and run 'rumorwatch reindex --warc WARC_DIR --db " +
                     path + "' (or crawl again into an empty --db)");
}

} // namespace rumorwatch::index_detail
