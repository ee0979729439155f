/// \file
/// The Gumbo version recorded at build time.
#include "parser/extract/extract.h"

namespace rumorwatch {

std::string gumbo_version() { return std::string("Gumbo ") + RUMORWATCH_GUMBO_VERSION; }

} // namespace rumorwatch
