/// \file
/// URLs without I/O: RFC 3986 parsing and reference resolution, the crawler's canonical form,
/// host, origin and registrable-domain helpers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rumorwatch {

/// A URI reference split into its RFC 3986 components, as written (no normalisation
/// beyond a lower-cased scheme). The `has_*` flags tell an absent component from an
/// empty one ("http://h/p?" has an empty query, "http://h/p" none).
struct Url {
    std::string scheme;    ///< lower-cased; empty for a relative reference
    std::string userinfo;  ///< before '@' in the authority, without the '@'
    std::string host;      ///< reg-name or IP literal (an IPv6 literal keeps its brackets)
    std::string port;      ///< digits only; empty when absent
    std::string path;
    std::string query;     ///< without the '?'
    std::string fragment;  ///< without the '#'
    bool has_authority = false;
    bool has_userinfo = false;
    bool has_query = false;
    bool has_fragment = false;

    /// Recomposes the reference (RFC 3986 section 5.3).
    std::string str() const;
    /// True when the reference has a scheme.
    bool is_absolute() const { return !scheme.empty(); }
};

/// Parses a URI reference, absolute or relative, as found in an href or a feed.
/// Leading and trailing spaces and C0 controls are stripped and tabs and line breaks
/// inside removed (as browsers do). std::nullopt when it cannot be a URI reference:
/// a port that is not a number up to 65535, a bracketed host without ']', a space or
/// other forbidden character in the host.
std::optional<Url> parse_url(std::string_view text);

/// Resolves `reference` against the absolute `base` (RFC 3986 section 5.2, strict: a
/// reference with a scheme is taken as is). For http and https, backslashes before the
/// query are read as slashes, as browsers do. std::nullopt when the reference does not
/// parse or `base` is not absolute.
std::optional<Url> resolve_url(const Url& base, std::string_view reference);
/// The same on strings; the result is recomposed with Url::str() (not canonical).
std::optional<std::string> resolve_url(std::string_view base, std::string_view reference);

/// RFC 3986 section 5.2.4: removes "." and ".." segments from a path.
std::string remove_dot_segments(std::string_view path);

/// Percent-encoding normalised (RFC 3986 section 6.2.2.2): escapes of unreserved
/// characters decoded, other escapes upper-cased, a '%' that starts no escape and bytes
/// that may not appear raw (controls, space, non-ASCII, "<>\"\\^`{|}") escaped.
/// Reserved characters are left as they are, raw or escaped. Idempotent.
std::string normalize_percent_encoding(std::string_view text);

/// True for "http" and "https" (case-insensitive): the only schemes the crawler fetches.
bool is_http_scheme(std::string_view scheme);

/// True for query parameters that only track the reader (utm_*, fbclid, gclid, mc_cid,
/// ref_src, cmpid, ...). Case-insensitive.
bool is_tracking_parameter(std::string_view name);

/// The crawler's canonical form of an absolute http(s) URL: scheme and host lower-cased
/// (ASCII only: an IDN host stays as given), a trailing dot on the host dropped, the
/// default port dropped, an empty path made "/", percent-encoding normalised (escapes of
/// unreserved characters decoded, hex upper-cased, bytes that may not appear raw
/// escaped), dot segments removed, tracking parameters and empty "&&" pieces removed,
/// the remaining parameters sorted by name (stable: repeated names keep their order),
/// and the fragment dropped. Idempotent. std::nullopt for another scheme, a missing
/// host, or a string that does not parse.
std::optional<std::string> canonical_url(std::string_view url);
/// Resolves `reference` against `base`, then canonical_url() of the result: what the
/// crawler does with every href it finds.
std::optional<std::string> canonical_url(std::string_view base, std::string_view reference);

/// The lower-cased host of an absolute URL (brackets kept on IPv6), empty when none.
std::string url_host(std::string_view url);
/// "scheme://host[:port]" with the default port dropped, empty when not http(s) with a
/// host: the key for per-host politeness and robots.txt.
std::string url_origin(std::string_view url);
/// origin + "/robots.txt", empty when the URL has no http(s) origin.
std::string robots_url(std::string_view url);
/// The path and query the way robots.txt rules see them ("/" for an empty path).
std::string url_path_and_query(std::string_view url);

/// The registrable domain ("site") of a host, by a built-in heuristic, not the full
/// Public Suffix List: the last two labels, or three when the second-to-last is a
/// common second-level suffix ("co.uk", "com.cn", "com.hk", ...). IP addresses and
/// single-label hosts are returned as they are. Lower-cased; empty in, empty out.
std::string registrable_domain(std::string_view host);
/// True when both URLs' hosts have the same registrable domain (and neither is empty).
bool same_site(std::string_view a, std::string_view b);

} // namespace rumorwatch
