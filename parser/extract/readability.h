/// \file
/// Finding the main text of a page: a readability-class scorer over the Dom (candidate
/// containers scored by their paragraphs, sibling merging, boilerplate cleaning inside the
/// winner) and the rendering of the winner into paragraphs. Private to parser/extract.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parser/extract/class_hints.h"
#include "parser/extract/html_tree.h"

namespace rumorwatch {

/// The body text of a page as the scorer found it.
struct MainText {
    std::vector<std::string> paragraphs; ///< in reading order, white space normalised
    std::vector<std::string> captions;   ///< figure captions inside the body, kept apart
    std::vector<std::string> byline_lines; ///< "By …" / "Posted …" lines taken off the top
    std::int32_t root = -1;              ///< the winning container, -1 when none
    std::vector<std::int32_t> parts;     ///< the container and merged siblings, in order
    std::size_t length = 0;              ///< visible characters in `paragraphs`
};

/// Extracts the main text of `dom`. `hints` are classify_elements(dom). `title` (may be
/// empty) is the page's headline: a heading or first paragraph that repeats it is dropped
/// from the text. Thread-safe.
MainText extract_main_text(const Dom& dom, const std::vector<ClassHint>& hints, std::string_view title);

/// Joins paragraphs with a blank line between them.
std::string join_paragraphs(const std::vector<std::string>& paragraphs);

} // namespace rumorwatch
