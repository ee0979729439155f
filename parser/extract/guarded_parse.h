/// \file
/// The one entry point from page bytes to a tree: the prescan (script and style bodies,
/// comments and inline SVG dropped, element nesting capped at kMaxNesting, size capped),
/// then Gumbo's tree flattened into a Dom. Article extraction and link extraction both parse
/// through here, so no caller can skip the guard that keeps a hostile page (300,000 nested
/// <div>s) from making the tree builder quadratic. Internal to parser/extract.
#pragma once

#include <string_view>

#include "parser/extract/html_prescan.h"
#include "parser/extract/html_tree.h"

namespace rumorwatch {

struct GuardedParse {
    PrescannedHtml pre; ///< what the prescan set aside and what it had to cut
    Dom dom;            ///< the tree of pre.html
};

/// Prescans and parses UTF-8 HTML. Linear in the input; never throws on bad markup.
GuardedParse parse_guarded(std::string_view html_utf8);

} // namespace rumorwatch
