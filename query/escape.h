/// \file
/// Escaping text from the web for every place the CLI writes it: terminal, CSV, HTML/XML.
#pragma once

#include <string>
#include <string_view>

namespace rumorwatch {

/// For a terminal: drops C0 and C1 control characters (ESC sequences included, so a page
/// cannot move the cursor or recolour the screen) except newline and tab when
/// `keep_newlines`; invalid UTF-8 becomes U+FFFD.
std::string escape_terminal(std::string_view text, bool keep_newlines = false);
/// For HTML and XML text and attribute values: & < > " ' escaped, controls dropped.
std::string escape_html(std::string_view text);
/// One RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled.
/// A leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula.
std::string csv_field(std::string_view text);
/// Collapses runs of white space to one space and trims; for one-line displays.
std::string one_line(std::string_view text);
/// Cuts to at most `max_chars` code points at a character boundary, adding "…" if cut.
std::string truncate_utf8(std::string_view text, std::size_t max_chars);

} // namespace rumorwatch
