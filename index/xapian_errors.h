/// \file
/// Translation of Xapian's exceptions into rumorwatch's at the index/ boundary (index/ only).
#pragma once

#include <string>

#include <xapian.h>

#include "parser/core/core.h"

namespace rumorwatch::index_detail {

/// IndexError for an error while working on `path`, keeping Xapian's type and message.
inline IndexError index_error(const std::string& path, const Xapian::Error& e) {
    return IndexError(path + ": " + e.get_type() + ": " + e.get_msg());
}

} // namespace rumorwatch::index_detail
