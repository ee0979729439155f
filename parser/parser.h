/// \file
/// The parser library's one public header: everything other folders may use.
#pragma once

#include "parser/analyze.h"
#include "parser/charset.h"
#include "parser/config.h"
#include "parser/errors.h"
#include "parser/extract.h"
#include "parser/model.h"
#include "parser/robots.h"
#include "parser/time.h"
#include "parser/topic.h"
#include "parser/url.h"

namespace rumorwatch {
/// The Gumbo HTML parser this binary was built with, e.g. "Gumbo 0.10.1" (Gumbo has no
/// run-time version call, so this is the pkg-config version at build time).
std::string gumbo_version();
} // namespace rumorwatch
