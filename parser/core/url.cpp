/// \file
/// RFC 3986 parsing and resolution, the canonical URL form, host and site helpers.
#include "parser/core/url.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>
#include <vector>

#include "parser/core/text_util.h"

namespace rumorwatch {
namespace {

bool is_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_hex(unsigned char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
int hex_value(unsigned char c) {
    if (is_digit(c)) return c - '0';
    return (c | 0x20) - 'a' + 10;
}
char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }

bool is_unreserved(unsigned char c) {
    return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

/// Bytes that may never appear raw in a canonical path, query or userinfo.
bool must_escape(unsigned char c) {
    return c <= 0x20 || c >= 0x7f || std::strchr("\"<>\\^`{|}", c) != nullptr;
}

/// Characters that cannot be part of a host (RFC 3986 reg-name plus what browsers reject).
bool bad_host_char(unsigned char c) {
    return c <= 0x20 || c == 0x7f || std::strchr("\"<>\\^`{|}/?#@[]", c) != nullptr;
}

constexpr char kHexDigits[] = "0123456789ABCDEF";

void append_escape(std::string& out, unsigned char c) {
    out += '%';
    out += kHexDigits[c >> 4];
    out += kHexDigits[c & 0xF];
}

} // namespace

std::string normalize_percent_encoding(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '%' && i + 2 < s.size() &&
            is_hex(static_cast<unsigned char>(s[i + 1])) && is_hex(static_cast<unsigned char>(s[i + 2]))) {
            const auto value = static_cast<unsigned char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            if (is_unreserved(value)) out += static_cast<char>(value);
            else append_escape(out, value);
            i += 2;
        } else if (c == '%' || must_escape(c)) {
            append_escape(out, c);
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

namespace {

/// Strips leading/trailing spaces and C0 controls, drops tabs and line breaks inside.
std::string clean_input(std::string_view text) {
    std::size_t begin = 0, end = text.size();
    while (begin < end && static_cast<unsigned char>(text[begin]) <= 0x20) ++begin;
    while (end > begin && static_cast<unsigned char>(text[end - 1]) <= 0x20) --end;
    std::string out;
    out.reserve(end - begin);
    for (std::size_t i = begin; i < end; ++i) {
        if (text[i] != '\t' && text[i] != '\n' && text[i] != '\r') out += text[i];
    }
    return out;
}

/// Length of a leading "scheme:" (the colon included), 0 when there is none.
std::size_t scheme_length(std::string_view s) {
    if (s.empty() || !is_alpha(static_cast<unsigned char>(s[0]))) return 0;
    for (std::size_t i = 1; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == ':') return i + 1;
        if (!(is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.')) return 0;
    }
    return 0;
}

/// Browsers read '\' as '/' in http(s) URLs before the query; so do we.
void backslashes_to_slashes(std::string& s) {
    const auto stop = s.find_first_of("?#");
    for (std::size_t i = 0; i < s.size() && i < stop; ++i) {
        if (s[i] == '\\') s[i] = '/';
    }
}

bool valid_port(std::string_view port) {
    if (!std::all_of(port.begin(), port.end(), [](char c) { return is_digit(static_cast<unsigned char>(c)); }))
        return false;
    const auto first = port.find_first_not_of('0');
    if (first == std::string_view::npos) return true; // "", "0", "000"
    const auto digits = port.substr(first);
    return digits.size() < 5 || (digits.size() == 5 && digits <= "65535");
}

std::string port_without_zeros(std::string_view port) {
    const auto first = port.find_first_not_of('0');
    if (first == std::string_view::npos) return port.empty() ? std::string() : std::string("0");
    return std::string(port.substr(first));
}

std::string default_port(std::string_view scheme) {
    if (scheme == "http") return "80";
    if (scheme == "https") return "443";
    return {};
}

bool parse_authority(std::string_view authority, Url& url) {
    url.has_authority = true;
    std::string_view host_port = authority;
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
        url.has_userinfo = true;
        url.userinfo = std::string(authority.substr(0, at));
        host_port = authority.substr(at + 1);
    }
    std::string_view port;
    if (!host_port.empty() && host_port.front() == '[') {
        const auto close = host_port.find(']');
        if (close == std::string_view::npos) return false;
        const auto literal = host_port.substr(1, close - 1);
        if (literal.empty() || !std::all_of(literal.begin(), literal.end(), [](char c) {
                return is_hex(static_cast<unsigned char>(c)) || c == ':' || c == '.' || c == 'v' ||
                       c == 'V' || c == '%' || c == '_' || c == '-' || c == '~';
            }))
            return false;
        url.host = std::string(host_port.substr(0, close + 1));
        const auto rest = host_port.substr(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':') return false;
            port = rest.substr(1);
        }
    } else {
        const auto colon = host_port.rfind(':');
        url.host = std::string(host_port.substr(0, colon));
        if (colon != std::string_view::npos) port = host_port.substr(colon + 1);
        if (std::any_of(url.host.begin(), url.host.end(),
                        [](char c) { return bad_host_char(static_cast<unsigned char>(c)) || c == ':'; }))
            return false;
    }
    if (!valid_port(port)) return false;
    url.port = std::string(port);
    return true;
}

std::optional<Url> parse_clean(std::string_view s) {
    Url url;
    std::size_t pos = scheme_length(s);
    if (pos > 0) url.scheme = text::to_lower_ascii(s.substr(0, pos - 1));
    if (s.substr(pos, 2) == "//") {
        pos += 2;
        const auto end = std::min(s.find_first_of("/?#", pos), s.size());
        if (!parse_authority(s.substr(pos, end - pos), url)) return std::nullopt;
        pos = end;
    }
    const auto path_end = std::min(s.find_first_of("?#", pos), s.size());
    url.path = std::string(s.substr(pos, path_end - pos));
    pos = path_end;
    if (pos < s.size() && s[pos] == '?') {
        const auto query_end = std::min(s.find('#', pos), s.size());
        url.has_query = true;
        url.query = std::string(s.substr(pos + 1, query_end - pos - 1));
        pos = query_end;
    }
    if (pos < s.size() && s[pos] == '#') {
        url.has_fragment = true;
        url.fragment = std::string(s.substr(pos + 1));
    }
    return url;
}

/// Parses, reading backslashes as slashes when the string is (or, as a relative
/// reference, will become) an http(s) URL.
std::optional<Url> parse_web(std::string_view text, bool relative_to_web) {
    auto s = clean_input(text);
    const auto scheme_len = scheme_length(s);
    const bool web = scheme_len ? is_http_scheme(std::string_view(s).substr(0, scheme_len - 1)) : relative_to_web;
    if (web) backslashes_to_slashes(s);
    return parse_clean(s);
}

std::string merge_paths(const Url& base, std::string_view reference_path) {
    if (base.has_authority && base.path.empty()) return "/" + std::string(reference_path);
    const auto slash = base.path.rfind('/');
    if (slash == std::string::npos) return std::string(reference_path);
    return base.path.substr(0, slash + 1) + std::string(reference_path);
}

std::string canonical_host(std::string_view host) {
    auto out = text::to_lower_ascii(host);
    while (!out.empty() && out.back() == '.') out.pop_back();
    return out;
}

/// The canonical query: empty pieces and tracking parameters dropped, escapes
/// normalised, sorted by name (stably). Empty when nothing is left.
std::string canonical_query(std::string_view query) {
    std::vector<std::pair<std::string, std::string>> params; // (name, whole piece)
    std::size_t start = 0;
    while (start <= query.size()) {
        const auto amp = std::min(query.find('&', start), query.size());
        const auto piece = normalize_percent_encoding(query.substr(start, amp - start));
        start = amp + 1;
        if (piece.empty()) continue;
        auto name = piece.substr(0, piece.find('='));
        if (is_tracking_parameter(name)) continue;
        params.emplace_back(std::move(name), piece);
    }
    std::stable_sort(params.begin(), params.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string out;
    for (const auto& [name, piece] : params) {
        if (!out.empty()) out += '&';
        out += piece;
    }
    return out;
}

std::optional<Url> parse_absolute_web(std::string_view url) {
    auto parsed = parse_web(url, false);
    if (!parsed || !is_http_scheme(parsed->scheme) || !parsed->has_authority) return std::nullopt;
    if (canonical_host(parsed->host).empty()) return std::nullopt;
    return parsed;
}

bool is_ip_literal(std::string_view host) {
    if (!host.empty() && host.front() == '[') return true;
    int dots = 0;
    for (char c : host) {
        if (c == '.') ++dots;
        else if (!is_digit(static_cast<unsigned char>(c))) return false;
    }
    return dots == 3;
}

} // namespace

std::string Url::str() const {
    std::string out;
    if (!scheme.empty()) out += scheme + ":";
    if (has_authority) {
        out += "//";
        if (has_userinfo) out += userinfo + "@";
        out += host;
        if (!port.empty()) out += ":" + port;
    }
    out += path;
    if (has_query) out += "?" + query;
    if (has_fragment) out += "#" + fragment;
    return out;
}

std::optional<Url> parse_url(std::string_view text) { return parse_clean(clean_input(text)); }

std::string remove_dot_segments(std::string_view path) {
    std::string in(path);
    std::string out;
    std::size_t i = 0; // the input buffer is in.substr(i), except where rewritten below
    auto pop_segment = [&out] {
        const auto slash = out.rfind('/');
        out.erase(slash == std::string::npos ? 0 : slash);
    };
    while (i < in.size()) {
        const std::string_view rest = std::string_view(in).substr(i);
        if (rest.substr(0, 3) == "../") {
            i += 3;
        } else if (rest.substr(0, 2) == "./") {
            i += 2;
        } else if (rest.substr(0, 3) == "/./") {
            i += 2;
        } else if (rest == "/.") {
            in.replace(i, 2, "/");
        } else if (rest.substr(0, 4) == "/../") {
            i += 3;
            pop_segment();
        } else if (rest == "/..") {
            in.replace(i, 3, "/");
            pop_segment();
        } else if (rest == "." || rest == "..") {
            i = in.size();
        } else {
            const auto next = rest.find('/', 1);
            const auto length = next == std::string_view::npos ? rest.size() : next;
            out.append(rest.substr(0, length));
            i += length;
        }
    }
    return out;
}

std::optional<Url> resolve_url(const Url& base, std::string_view reference) {
    if (!base.is_absolute()) return std::nullopt;
    const auto parsed = parse_web(reference, is_http_scheme(base.scheme));
    if (!parsed) return std::nullopt;
    const Url& ref = *parsed;
    Url target;
    if (ref.is_absolute()) {
        target = ref;
        target.path = remove_dot_segments(ref.path);
    } else {
        if (ref.has_authority) {
            target = ref;
            target.path = remove_dot_segments(ref.path);
        } else {
            target.has_authority = base.has_authority;
            target.has_userinfo = base.has_userinfo;
            target.userinfo = base.userinfo;
            target.host = base.host;
            target.port = base.port;
            if (ref.path.empty()) {
                target.path = base.path;
                target.has_query = ref.has_query || base.has_query;
                target.query = ref.has_query ? ref.query : base.query;
            } else {
                target.path = remove_dot_segments(ref.path.front() == '/' ? ref.path : merge_paths(base, ref.path));
                target.has_query = ref.has_query;
                target.query = ref.query;
            }
        }
        target.scheme = base.scheme;
    }
    target.has_fragment = ref.has_fragment;
    target.fragment = ref.fragment;
    return target;
}

std::optional<std::string> resolve_url(std::string_view base, std::string_view reference) {
    const auto parsed_base = parse_web(base, false);
    if (!parsed_base) return std::nullopt;
    const auto target = resolve_url(*parsed_base, reference);
    if (!target) return std::nullopt;
    return target->str();
}

bool is_http_scheme(std::string_view scheme) { return text::iequals(scheme, "http") || text::iequals(scheme, "https"); }

bool is_tracking_parameter(std::string_view name) {
    static constexpr std::array<std::string_view, 48> kExact{
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
        "ttclid", "igshid", "li_fat_id", "mc_cid", "mc_eid", "ref_src", "ref_url", "cmpid", "cmp",
        "icid", "ncid", "ocid", "smid", "s_cid", "sr_share", "xtor", "spm", "_ga", "_gl",
        "_hsenc", "_hsmi", "__hstc", "__hssc", "__hsfp", "hsctatracking", "mkt_tok",
        "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "wickedid", "guccounter",
        "guce_referrer", "guce_referrer_sig", "soc_src", "soc_trk", "at_medium", "at_campaign",
        "isappinstalled"};
    const auto lower = text::to_lower_ascii(name);
    if (lower.rfind("utm_", 0) == 0) return true;
    return std::find(kExact.begin(), kExact.end(), lower) != kExact.end();
}

std::optional<std::string> canonical_url(std::string_view url) {
    const auto parsed = parse_absolute_web(url);
    if (!parsed) return std::nullopt;
    const Url& u = *parsed;
    std::string out = u.scheme + "://";
    if (u.has_userinfo && !u.userinfo.empty()) out += normalize_percent_encoding(u.userinfo) + "@";
    out += canonical_host(u.host);
    if (!u.port.empty()) {
        const auto port = port_without_zeros(u.port);
        if (port != default_port(u.scheme)) out += ":" + port;
    }
    // Escapes first, so that "%2E%2E" counts as a dot segment (RFC 3986 section 6.2.2.3).
    auto path = remove_dot_segments(normalize_percent_encoding(u.path));
    if (path.empty() || path.front() != '/') path = "/" + path;
    out += path;
    if (u.has_query) {
        const auto query = canonical_query(u.query);
        if (!query.empty()) out += "?" + query;
    }
    return out;
}

std::optional<std::string> canonical_url(std::string_view base, std::string_view reference) {
    const auto resolved = resolve_url(base, reference);
    if (!resolved) return std::nullopt;
    return canonical_url(*resolved);
}

std::string url_host(std::string_view url) {
    const auto parsed = parse_web(url, false);
    if (!parsed || !parsed->has_authority) return {};
    return canonical_host(parsed->host);
}

std::string url_origin(std::string_view url) {
    const auto parsed = parse_absolute_web(url);
    if (!parsed) return {};
    std::string out = parsed->scheme + "://" + canonical_host(parsed->host);
    if (!parsed->port.empty()) {
        const auto port = port_without_zeros(parsed->port);
        if (port != default_port(parsed->scheme)) out += ":" + port;
    }
    return out;
}

std::string robots_url(std::string_view url) {
    const auto origin = url_origin(url);
    return origin.empty() ? std::string() : origin + "/robots.txt";
}

std::string url_path_and_query(std::string_view url) {
    const auto parsed = parse_web(url, false);
    if (!parsed) return "/";
    std::string out = parsed->path.empty() ? "/" : parsed->path;
    if (parsed->has_query) out += "?" + parsed->query;
    return out;
}

std::string registrable_domain(std::string_view host) {
    const auto h = canonical_host(host);
    if (h.empty() || is_ip_literal(h)) return h;
    std::vector<std::string_view> labels;
    std::string_view rest(h);
    while (true) {
        const auto dot = rest.rfind('.');
        if (dot == std::string_view::npos) {
            labels.push_back(rest);
            break;
        }
        labels.push_back(rest.substr(dot + 1));
        rest = rest.substr(0, dot);
    }
    // labels are now last-first: {"uk", "co", "bbc", "www"}
    if (labels.size() <= 2) return h;
    static constexpr std::array<std::string_view, 18> kSecondLevel{
        "co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go",
        "gob", "mil", "ltd", "plc", "nom", "sch", "info", "biz"};
    std::size_t keep = 2;
    if (labels[0].size() == 2 &&
        std::find(kSecondLevel.begin(), kSecondLevel.end(), labels[1]) != kSecondLevel.end())
        keep = 3;
    if (labels.size() <= keep) return h;
    std::string out;
    for (std::size_t i = keep; i-- > 0;) {
        out += labels[i];
        if (i) out += '.';
    }
    return out;
}

bool same_site(std::string_view a, std::string_view b) {
    const auto site_a = registrable_domain(url_host(a));
    return !site_a.empty() && site_a == registrable_domain(url_host(b));
}

} // namespace rumorwatch
