/// \file
/// Reference resolution (RFC 3986 section 5.2) for http and https URLs.
#include "parser/url_resolve.h"

#include <vector>

#include "parser/text_util.h"

namespace rumorwatch {
namespace {

struct Parts {
    std::string scheme, authority, path, query;
    bool ok = false;
};

Parts split(std::string_view url) {
    Parts p;
    const auto colon = url.find(':');
    if (colon == std::string_view::npos || colon == 0) return p;
    for (std::size_t i = 0; i < colon; ++i) {
        const char c = url[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))))
            return p;
    }
    p.scheme = text::to_lower_ascii(url.substr(0, colon));
    std::string_view rest = url.substr(colon + 1);
    if (const auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
    if (rest.substr(0, 2) == "//") {
        rest.remove_prefix(2);
        const auto end = rest.find_first_of("/?");
        p.authority = text::to_lower_ascii(rest.substr(0, end));
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
    }
    const auto q = rest.find('?');
    p.path = std::string(rest.substr(0, q));
    if (q != std::string_view::npos) p.query = std::string(rest.substr(q));
    p.ok = true;
    return p;
}

std::string remove_dot_segments(const std::string& path) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    const bool absolute = !path.empty() && path[0] == '/';
    bool trailing = false;
    while (pos <= path.size()) {
        std::size_t end = path.find('/', pos);
        if (end == std::string::npos) end = path.size();
        const std::string seg = path.substr(pos, end - pos);
        trailing = false;
        if (seg == "..") {
            if (!out.empty()) out.pop_back();
            trailing = true;
        } else if (seg == ".") {
            trailing = true;
        } else if (!(seg.empty() && pos == 0 && absolute)) {
            out.push_back(seg);
        }
        pos = end + 1;
    }
    std::string result = absolute ? "/" : "";
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (i > 0) result += '/';
        result += out[i];
    }
    if (trailing && (result.empty() || result.back() != '/')) result += '/';
    return result;
}

std::string strip_default_port(const std::string& scheme, std::string authority) {
    if ((scheme == "http" && authority.size() > 3 && authority.compare(authority.size() - 3, 3, ":80") == 0))
        authority.resize(authority.size() - 3);
    else if (scheme == "https" && authority.size() > 4 && authority.compare(authority.size() - 4, 4, ":443") == 0)
        authority.resize(authority.size() - 4);
    return authority;
}

std::string join(const Parts& p) {
    std::string path = p.path.empty() ? "/" : p.path;
    return p.scheme + "://" + strip_default_port(p.scheme, p.authority) + path + p.query;
}

} // namespace

std::string resolve_page_link(std::string_view base, std::string_view reference) {
    std::string ref = text::collapse_space(text::trim(reference));
    // Spaces inside URLs are errors of the page; drop them as browsers do at the ends.
    if (ref.empty()) return {};
    Parts r = split(ref);
    if (r.ok) {
        if (r.scheme != "http" && r.scheme != "https") return {};
        if (r.authority.empty()) return {};
        r.path = remove_dot_segments(r.path);
        return join(r);
    }
    const Parts b = split(base);
    if (!b.ok || (b.scheme != "http" && b.scheme != "https") || b.authority.empty()) return {};
    Parts t;
    t.scheme = b.scheme;
    if (ref.rfind("//", 0) == 0) {
        Parts abs = split(b.scheme + ":" + ref);
        if (!abs.ok || abs.authority.empty()) return {};
        abs.path = remove_dot_segments(abs.path);
        return join(abs);
    }
    std::string_view rv = ref;
    if (const auto hash = rv.find('#'); hash != std::string_view::npos) rv = rv.substr(0, hash);
    const auto q = rv.find('?');
    const std::string rpath(rv.substr(0, q));
    const std::string rquery = q == std::string_view::npos ? "" : std::string(rv.substr(q));
    t.authority = b.authority;
    if (rpath.empty()) {
        t.path = b.path;
        t.query = q == std::string_view::npos ? b.query : rquery;
    } else if (rpath[0] == '/') {
        t.path = remove_dot_segments(rpath);
        t.query = rquery;
    } else {
        const auto slash = b.path.rfind('/');
        const std::string dir = slash == std::string::npos ? "/" : b.path.substr(0, slash + 1);
        t.path = remove_dot_segments(dir + rpath);
        t.query = rquery;
    }
    return join(t);
}

} // namespace rumorwatch
