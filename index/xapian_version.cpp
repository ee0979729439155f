/// \file
/// The Xapian version in use, for `rumorwatch --version`.
#include "index/index.h"

#include <xapian.h>

namespace rumorwatch {

std::string xapian_version() { return std::string("Xapian ") + Xapian::version_string(); }

} // namespace rumorwatch
