/// \file
/// Paragraph-level boilerplate tests: the lines templates put inside article bodies
/// ("Advertisement", "Read more: ...", "Sign up for our newsletter", "责任编辑：...").
/// Private to parser/extract.
#pragma once

#include <string_view>

namespace rumorwatch {

/// True for a rendered paragraph (white space collapsed) that is template furniture, not
/// article text. Long paragraphs are never judged boilerplate by their first words.
bool is_boilerplate_paragraph(std::string_view paragraph);

/// True when the text announces a comment section ("24 Comments", "Comments", "评论").
bool is_comments_heading(std::string_view heading);

/// True when the text announces a paywall ("Subscribe to continue reading").
bool is_paywall_heading(std::string_view heading);

/// True for a short "please enable JavaScript" / "your browser" notice.
bool is_noscript_notice(std::string_view text);

} // namespace rumorwatch
