/// \file
/// The self-description of a database (metadata) and its check on open (index/ only).
#pragma once

#include <string>

#include <xapian.h>

namespace rumorwatch::index_detail {

/// Writes schema version, stemmer, CJK flag and valuesmap into `db`'s metadata.
void write_schema_metadata(Xapian::WritableDatabase& db);
/// The schema version stored in `db`, 0 when none is stored.
int stored_schema_version(const Xapian::Database& db);
/// @throws IndexError naming `path` when `db` holds documents of another schema version (or
///         none), saying how to rebuild it. An empty database passes.
void check_schema(const Xapian::Database& db, const std::string& path);

} // namespace rumorwatch::index_detail
