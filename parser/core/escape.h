/// \file
/// Escaping of web text for every medium rumorwatch writes: terminals, CSV, HTML/XML and
/// JSON. Crawled text is hostile until escaped: it may carry terminal escape sequences,
/// markup, bidi overrides or broken UTF-8.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace rumorwatch {

/// `text` as valid UTF-8: each invalid or overlong sequence becomes U+FFFD.
std::string valid_utf8(std::string_view text);

/// Text that cannot drive a terminal: valid UTF-8; ESC sequences (CSI, OSC, DCS, two-byte)
/// removed whole; other C0 controls, DEL, C1 controls and bidi embedding/override/isolate
/// characters removed. Newlines and tabs are kept when `keep_newlines`, else become spaces.
std::string terminal_escape(std::string_view text, bool keep_newlines = false);

/// terminal_escape on one line, with runs of white space collapsed and the ends trimmed.
std::string terminal_line(std::string_view text);

/// Text for an error or warning message, which quotes configs, topics and arguments: one
/// line that cannot drive a terminal, yet shows what was there. C0 controls (line breaks
/// included), DEL and bytes that are not UTF-8 become `\xHH`; C1 controls and bidi
/// embedding/override/isolate characters become `\u{HHHH}`. Other text is kept.
std::string message_escape(std::string_view text);

/// One CSV field per RFC 4180: quoted (with doubled quotes) when it holds a comma, quote,
/// CR or LF, or begins or ends with a space; valid UTF-8. A field that a spreadsheet would
/// read as a formula (first character = + - @ tab CR, and not a plain number) is prefixed
/// with an apostrophe.
std::string csv_field(std::string_view text);
/// Fields joined with commas, ended by CRLF (RFC 4180).
std::string csv_row(const std::vector<std::string>& fields);

/// & < > " ' escaped for HTML text and attribute values; valid UTF-8; C0 controls (but
/// tab, LF, CR), DEL and C1 controls dropped.
std::string html_escape(std::string_view text);
/// html_escape, also dropping the characters XML 1.0 forbids (C0 controls but tab, LF, CR;
/// U+FFFE, U+FFFF), for Atom and SVG.
std::string xml_escape(std::string_view text);

/// JSON text of `value`; invalid UTF-8 in strings is replaced, never thrown about.
/// `indent` < 0 gives one line.
std::string json_dump(const nlohmann::json& value, int indent = 2);

/// Renders a snippet whose matches sit between `marker_on` and `marker_off` bytes (the
/// index's \x01/\x02): every piece of text goes through `escape`, matches are wrapped in
/// `on`/`off` (e.g. "\x1b[1m"/"\x1b[0m" on a TTY, "<mark>"/"</mark>" in HTML, "" for plain).
std::string render_marked(std::string_view marked, char marker_on, char marker_off, std::string_view on,
                          std::string_view off, std::string (*escape)(std::string_view));

/// The matched spans of a marked snippet as [begin, end) offsets in code points of the
/// plain text (what JSON consumers index with), and the plain text itself.
struct MarkedSpans {
    std::string plain;
    std::vector<std::pair<std::size_t, std::size_t>> spans;
};
MarkedSpans marked_spans(std::string_view marked, char marker_on, char marker_off);

} // namespace rumorwatch
