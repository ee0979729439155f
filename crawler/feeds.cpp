/// \file
/// Feed and sitemap XML -> links, through pugixml. Element names are compared without their
/// namespace prefix, because feeds spell prefixes freely (news:, n:, atom:, none).
#include "crawler/feeds.h"

#include <array>
#include <cctype>
#include <charconv>
#include <set>

#include <pugixml.hpp>

#include "parser/core/core.h"

namespace rumorwatch {

std::string_view to_string(FeedKind kind) {
    switch (kind) {
    case FeedKind::rss: return "rss";
    case FeedKind::atom: return "atom";
    case FeedKind::rdf: return "rdf";
    case FeedKind::urlset: return "urlset";
    case FeedKind::sitemap_index: return "sitemap_index";
    case FeedKind::unknown: break;
    }
    return "unknown";
}

namespace {

using namespace std::chrono;

std::string_view local_name(const pugi::xml_node& node) {
    const std::string_view name = node.name();
    const auto colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

/// The first child element with this local name.
pugi::xml_node child(const pugi::xml_node& parent, std::string_view name) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local_name(c) == name) return c;
    return {};
}

/// Text of an element, CDATA included, whitespace trimmed.
std::string text_of(const pugi::xml_node& node) {
    if (!node) return {};
    std::string out;
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    return trimmed(out);
}

std::string child_text(const pugi::xml_node& parent, std::string_view name) {
    return text_of(child(parent, name));
}

std::optional<Timestamp> date_of(const pugi::xml_node& parent, std::initializer_list<std::string_view> names) {
    for (auto name : names) {
        const std::string t = child_text(parent, name);
        if (t.empty()) continue;
        if (auto d = parse_feed_date(t)) return d;
    }
    return std::nullopt;
}

class LinkCollector {
public:
    explicit LinkCollector(std::vector<FeedLink>& out) : out_(out) {}
    void add(FeedLink link) {
        if (link.url.empty()) return;
        if (!seen_.insert(link.url).second) return;
        out_.push_back(std::move(link));
    }

private:
    std::vector<FeedLink>& out_;
    std::set<std::string> seen_;
};

void read_rss_item(const pugi::xml_node& item, LinkCollector& links) {
    FeedLink link;
    link.url = child_text(item, "link");
    if (link.url.empty()) {
        // A guid is the item's URL unless it says isPermaLink="false".
        const pugi::xml_node guid = child(item, "guid");
        const std::string_view permalink = guid.attribute("isPermaLink").value();
        const std::string g = text_of(guid);
        if (!text::iequals(permalink, "false") && (g.starts_with("http://") || g.starts_with("https://")))
            link.url = g;
    }
    if (link.url.empty()) {
        // Some feeds carry the URL only as an Atom link inside the item.
        if (pugi::xml_node atom = child(item, "link"); atom && atom.attribute("href"))
            link.url = trimmed(atom.attribute("href").value());
    }
    link.title = child_text(item, "title");
    link.published = date_of(item, {"pubDate", "date", "published", "issued"});
    link.modified = date_of(item, {"updated", "modified"});
    links.add(std::move(link));
}

std::string atom_link(const pugi::xml_node& entry) {
    std::string fallback;
    for (pugi::xml_node c = entry.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element || local_name(c) != "link") continue;
        const std::string_view rel = c.attribute("rel").value();
        const std::string href = trimmed(c.attribute("href").value());
        if (href.empty()) continue;
        if (rel.empty() || rel == "alternate") return href;
        if (fallback.empty() && rel != "self" && rel != "edit" && rel != "replies" && rel != "enclosure")
            fallback = href;
    }
    if (fallback.empty()) {
        // An id that is a URL is the best remaining guess.
        const std::string id = child_text(entry, "id");
        if (id.starts_with("http://") || id.starts_with("https://")) fallback = id;
    }
    return fallback;
}

void read_atom(const pugi::xml_node& feed, LinkCollector& links) {
    for (pugi::xml_node e = feed.first_child(); e; e = e.next_sibling()) {
        if (e.type() != pugi::node_element || local_name(e) != "entry") continue;
        FeedLink link;
        link.url = atom_link(e);
        link.title = child_text(e, "title");
        link.published = date_of(e, {"published", "issued", "created"});
        link.modified = date_of(e, {"updated", "modified"});
        if (!link.published) link.published = link.modified;
        links.add(std::move(link));
    }
}

void read_sitemap(const pugi::xml_node& root, bool index, LinkCollector& links) {
    const std::string_view entry_name = index ? "sitemap" : "url";
    for (pugi::xml_node e = root.first_child(); e; e = e.next_sibling()) {
        if (e.type() != pugi::node_element || local_name(e) != entry_name) continue;
        FeedLink link;
        link.url = child_text(e, "loc");
        link.is_sitemap = index;
        link.modified = date_of(e, {"lastmod"});
        if (pugi::xml_node news = child(e, "news")) {
            link.title = child_text(news, "title");
            link.published = date_of(news, {"publication_date"});
        }
        links.add(std::move(link));
    }
}

// --- RFC 822 dates ------------------------------------------------------------------------

bool read_number(std::string_view s, std::size_t& pos, int& out, std::size_t max_digits) {
    const std::size_t begin = pos;
    while (pos < s.size() && pos - begin < max_digits && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
    if (pos == begin) return false;
    std::from_chars(s.data() + begin, s.data() + pos, out);
    return true;
}

void skip_spaces(std::string_view s, std::size_t& pos) {
    while (pos < s.size() && (std::isspace(static_cast<unsigned char>(s[pos])) || s[pos] == ',')) ++pos;
}

std::string_view read_word(std::string_view s, std::size_t& pos) {
    const std::size_t begin = pos;
    while (pos < s.size() && std::isalpha(static_cast<unsigned char>(s[pos]))) ++pos;
    return s.substr(begin, pos - begin);
}

std::optional<int> month_number(std::string_view word) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    if (word.size() < 3) return std::nullopt;
    for (std::size_t i = 0; i < kMonths.size(); ++i)
        if (text::iequals(word.substr(0, 3), kMonths[i])) return static_cast<int>(i + 1);
    return std::nullopt;
}

/// Offset in minutes of the zone names RFC 822 allows (and a few feeds use).
std::optional<int> zone_minutes(std::string_view zone) {
    struct Zone {
        std::string_view name;
        int minutes;
    };
    static constexpr Zone kZones[] = {
        {"UT", 0},         {"UTC", 0},        {"GMT", 0},        {"Z", 0},
        {"EST", -5 * 60},  {"EDT", -4 * 60},  {"CST", -6 * 60},  {"CDT", -5 * 60},
        {"MST", -7 * 60},  {"MDT", -6 * 60},  {"PST", -8 * 60},  {"PDT", -7 * 60},
        {"BST", 60},       {"CET", 60},       {"CEST", 120},     {"HKT", 8 * 60},
        {"JST", 9 * 60},   {"SGT", 8 * 60},
    };
    for (const auto& z : kZones)
        if (text::iequals(zone, z.name)) return z.minutes;
    return std::nullopt;
}

std::optional<Timestamp> parse_rfc822(std::string_view s) {
    std::size_t pos = 0;
    skip_spaces(s, pos);
    // Optional day name.
    if (pos < s.size() && std::isalpha(static_cast<unsigned char>(s[pos]))) {
        read_word(s, pos);
        skip_spaces(s, pos);
    }
    int day_of_month = 0, year_number = 0, h = 0, m = 0, sec = 0;
    if (!read_number(s, pos, day_of_month, 2)) return std::nullopt;
    skip_spaces(s, pos);
    if (pos < s.size() && s[pos] == '-') ++pos; // "11-Feb-2025"
    const auto month_value = month_number(read_word(s, pos));
    if (!month_value) return std::nullopt;
    if (pos < s.size() && s[pos] == '-') ++pos;
    skip_spaces(s, pos);
    const std::size_t year_begin = pos;
    if (!read_number(s, pos, year_number, 4)) return std::nullopt;
    if (pos - year_begin == 2) year_number += year_number < 70 ? 2000 : 1900;
    skip_spaces(s, pos);
    if (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
        if (!read_number(s, pos, h, 2) || pos >= s.size() || s[pos++] != ':' || !read_number(s, pos, m, 2))
            return std::nullopt;
        if (pos < s.size() && s[pos] == ':') {
            ++pos;
            if (!read_number(s, pos, sec, 2)) return std::nullopt;
        }
    }
    if (h > 23 || m > 59 || sec > 60) return std::nullopt;
    skip_spaces(s, pos);
    int offset_minutes = 0;
    if (pos < s.size()) {
        if (s[pos] == '+' || s[pos] == '-') {
            const int sign = s[pos] == '-' ? -1 : 1;
            ++pos;
            int hh = 0, mm = 0;
            const std::size_t begin = pos;
            if (!read_number(s, pos, hh, 2)) return std::nullopt;
            if (pos < s.size() && s[pos] == ':') ++pos;
            if (pos - begin >= 2 && !read_number(s, pos, mm, 2)) mm = 0;
            if (hh > 14 || mm > 59) return std::nullopt;
            offset_minutes = sign * (hh * 60 + mm);
        } else {
            const auto zone = zone_minutes(read_word(s, pos));
            if (!zone) return std::nullopt;
            offset_minutes = *zone;
        }
    }
    const year_month_day ymd{year{year_number}, month{unsigned(*month_value)}, day{unsigned(day_of_month)}};
    if (!ymd.ok()) return std::nullopt;
    return Timestamp{sys_days{ymd}} + hours{h} + minutes{m} + seconds{sec} - minutes{offset_minutes};
}

} // namespace

std::optional<Timestamp> parse_feed_date(std::string_view text) {
    if (auto t = parse_rfc822(text)) return t;
    return parse_iso8601(text);
}

FeedDocument parse_feed(std::string_view xml) {
    FeedDocument out;
    pugi::xml_document doc;
    // Declared encodings are ignored on purpose (the caller decoded the bytes); a BOM still
    // selects UTF-16 when present.
    const bool utf16 = xml.size() >= 2 && ((static_cast<unsigned char>(xml[0]) == 0xFF &&
                                            static_cast<unsigned char>(xml[1]) == 0xFE) ||
                                           (static_cast<unsigned char>(xml[0]) == 0xFE &&
                                            static_cast<unsigned char>(xml[1]) == 0xFF));
    const pugi::xml_parse_result parsed = doc.load_buffer(
        xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single,
        utf16 ? pugi::encoding_auto : pugi::encoding_utf8);
    if (!parsed) out.error = std::string(parsed.description()) + " at byte " + std::to_string(parsed.offset);
    const pugi::xml_node root = doc.document_element();
    if (!root) return out;
    LinkCollector links(out.links);
    const std::string_view name = local_name(root);
    if (name == "rss") {
        out.kind = FeedKind::rss;
        for (pugi::xml_node channel = root.first_child(); channel; channel = channel.next_sibling()) {
            if (local_name(channel) != "channel") continue;
            for (pugi::xml_node item = channel.first_child(); item; item = item.next_sibling())
                if (local_name(item) == "item") read_rss_item(item, links);
        }
        // RSS 0.9x sometimes puts items beside the channel.
        for (pugi::xml_node item = root.first_child(); item; item = item.next_sibling())
            if (local_name(item) == "item") read_rss_item(item, links);
    } else if (name == "RDF") {
        out.kind = FeedKind::rdf;
        for (pugi::xml_node item = root.first_child(); item; item = item.next_sibling())
            if (local_name(item) == "item") read_rss_item(item, links);
    } else if (name == "feed") {
        out.kind = FeedKind::atom;
        read_atom(root, links);
    } else if (name == "urlset") {
        out.kind = FeedKind::urlset;
        read_sitemap(root, false, links);
    } else if (name == "sitemapindex") {
        out.kind = FeedKind::sitemap_index;
        read_sitemap(root, true, links);
    }
    return out;
}

} // namespace rumorwatch
