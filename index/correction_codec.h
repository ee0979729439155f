/// \file
/// Analysts' corrections in database metadata (index/ only: includes Xapian).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "index/index.h"

namespace rumorwatch::index_detail {

/// schema::kMetaCorrectionPrefix + id.
std::string correction_key(const std::string& id);
/// The Correction as compact JSON.
std::string encode_correction(const Correction& c);
/// Inverse of encode_correction; nullopt for a value that is not one.
std::optional<Correction> decode_correction(const std::string& value);
/// The correction of document `id` in `db`, if any.
std::optional<Correction> correction_of(const Xapian::Database& db, const std::string& id);
/// Every correction in `db`, in key (document id) order; unreadable values are skipped.
std::vector<Correction> all_corrections(const Xapian::Database& db);

} // namespace rumorwatch::index_detail
