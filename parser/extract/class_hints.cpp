/// \file
/// Word table for class and id hints, and a token matcher fast enough to run on every
/// element of every page (per-token lookups bucketed by first letter, memoised per page).
#include "parser/extract/class_hints.h"

#include <array>
#include <string>
#include <unordered_map>
#include <vector>

#include "parser/extract/html_tree.h"

namespace rumorwatch {
namespace {

enum HintBit : unsigned {
    kPos = 1u << 0,
    kStrong = 1u << 1,
    kHard = 1u << 2,
    kSoft = 1u << 3,
    kCaption = 1u << 4,
    kComments = 1u << 5,
    kByline = 1u << 6,
    kAlways = 1u << 7,
};

/// A word of the table. Words are matched against each lower-cased token of a class name
/// and against each pair of adjacent tokens written together ("article"+"body"), so that
/// "article-body", "article_body", "articleBody" and "articlebody" all match "articlebody".
struct Word {
    std::string_view text;
    bool prefix; ///< also matches tokens that start with it ("comments", "commentlist")
    unsigned bits;
};

constexpr Word kWords[] = {
    // The body itself.
    {"articlebody", true, kStrong | kPos}, {"articlecontent", true, kStrong | kPos},
    {"articletext", true, kStrong | kPos}, {"articlemain", true, kStrong | kPos},
    {"articleinner", true, kStrong | kPos}, {"articledetail", true, kStrong | kPos},
    {"storybody", true, kStrong | kPos},   {"storycontent", true, kStrong | kPos},
    {"storytext", true, kStrong | kPos},   {"entrycontent", true, kStrong | kPos},
    {"postcontent", true, kStrong | kPos}, {"postbody", true, kStrong | kPos},
    {"posttext", true, kStrong | kPos},    {"bodytext", true, kStrong | kPos},
    {"artibody", true, kStrong | kPos},    {"trseditor", true, kStrong | kPos},
    {"richtext", true, kStrong | kPos},    {"newscontent", true, kStrong | kPos},
    {"mainarticle", true, kStrong | kPos},
    {"article", true, kPos}, {"body", true, kPos},  {"content", true, kPos}, {"entry", true, kPos},
    {"hentry", true, kPos},  {"main", true, kPos},  {"post", true, kPos},    {"text", true, kPos},
    {"blog", true, kPos},    {"story", true, kPos}, {"prose", true, kPos},   {"markdown", true, kPos},
    {"detail", false, kPos},
    // Never article text.
    {"comment", true, kHard | kComments}, {"disqus", true, kHard | kComments},
    {"replies", true, kHard | kComments}, {"community", true, kHard | kComments},
    {"related", true, kHard}, {"share", true, kHard | kAlways}, {"sharing", true, kHard | kAlways},
    {"social", true, kHard | kAlways}, {"newsletter", true, kHard | kAlways}, {"subscri", true, kHard | kAlways},
    {"signup", true, kHard | kAlways}, {"cookie", true, kHard | kAlways}, {"consent", true, kHard | kAlways},
    {"gdpr", true, kHard | kAlways}, {"promo", true, kHard}, {"sponsor", true, kHard},
    {"advert", true, kHard}, {"outbrain", true, kHard}, {"taboola", true, kHard}, {"breadcrumb", true, kHard},
    {"recommend", true, kHard}, {"trending", true, kHard}, {"popular", true, kHard}, {"mostread", true, kHard},
    {"readmore", true, kHard}, {"seealso", true, kHard}, {"alsoread", true, kHard}, {"morefrom", true, kHard},
    {"morestories", true, kHard}, {"skip", true, kHard}, {"toolbar", true, kHard}, {"paginat", true, kHard},
    {"pager", true, kHard}, {"rating", true, kHard}, {"feedback", true, kHard}, {"login", true, kHard},
    {"disclaimer", true, kHard}, {"copyright", true, kHard}, {"zergnet", true, kHard}, {"adslot", true, kHard},
    {"adunit", true, kHard}, {"adcontainer", true, kHard}, {"adwrapper", true, kHard},
    {"adsbygoogle", true, kHard}, {"modal", true, kHard | kAlways}, {"popup", true, kHard | kAlways},
    {"tooltip", true, kHard}, {"visuallyhidden", true, kHard | kAlways}, {"sronly", true, kHard | kAlways},
    {"screenreader", true, kHard | kAlways},
    {"offscreen", true, kHard}, {"navigation", true, kHard}, {"credit", true, kHard},
    {"jumplink", true, kHard}, {"followus", true, kHard}, {"appdownload", true, kHard}, {"donate", true, kHard},
    {"pullquote", true, kHard}, {"twitter", true, kHard}, {"instagram", true, kHard}, {"tiktok", true, kHard},
    {"facebook", true, kHard}, {"whatsapp", true, kHard}, {"outstream", true, kHard}, {"teaser", true, kSoft},
    {"ad", false, kHard}, {"ads", false, kHard}, {"adv", false, kHard}, {"dfp", false, kHard},
    {"gpt", false, kHard}, {"nav", false, kHard}, {"navbar", false, kHard}, {"tag", false, kHard},
    {"tags", false, kHard}, {"bio", false, kHard}, {"reply", false, kHard}, {"print", false, kHard},
    // Metadata lines: out of the text, but where dates and authors are found.
    {"byline", true, kHard | kByline}, {"dateline", true, kHard | kByline},
    {"author", true, kHard | kByline}, {"timestamp", true, kHard | kByline},
    {"meta", false, kHard | kByline}, {"date", false, kHard | kByline}, {"dates", false, kHard | kByline},
    {"published", false, kHard | kByline}, {"pubtime", true, kByline}, {"publish", true, kByline},
    {"posted", true, kByline}, {"time", false, kByline}, {"info", false, kHard | kByline},
    {"writer", true, kHard | kByline}, {"reporter", true, kHard | kByline}, {"journalist", true, kHard | kByline},
    {"source", false, kByline}, {"pubdate", true, kHard | kByline},
    // Layout parts that may wrap content.
    {"sidebar", true, kSoft}, {"widget", true, kSoft}, {"banner", true, kSoft}, {"footer", true, kSoft},
    {"header", true, kSoft}, {"masthead", true, kSoft}, {"paywall", true, kSoft}, {"extra", true, kSoft},
    {"supplement", true, kSoft}, {"contact", true, kSoft}, {"skyscraper", true, kSoft},
    {"aside", true, kSoft}, {"topics", true, kSoft}, {"menu", false, kSoft}, {"rail", false, kSoft},
    {"hidden", false, kSoft}, {"hide", false, kSoft}, {"head", false, kSoft},
    // Captions.
    {"caption", true, kCaption}, {"figcaption", true, kCaption}, {"imagedesc", true, kCaption},
    {"photodesc", true, kCaption}, {"imgdesc", true, kCaption},
};

/// Words bucketed by first letter.
const std::array<std::vector<const Word*>, 26>& buckets() {
    static const auto table = [] {
        std::array<std::vector<const Word*>, 26> b;
        for (const Word& w : kWords) b[static_cast<std::size_t>(w.text[0] - 'a')].push_back(&w);
        return b;
    }();
    return table;
}

unsigned lookup(std::string_view token) {
    if (token.empty() || token[0] < 'a' || token[0] > 'z') return 0;
    unsigned bits = 0;
    for (const Word* w : buckets()[static_cast<std::size_t>(token[0] - 'a')]) {
        if (w->prefix ? token.compare(0, w->text.size(), w->text) == 0 : token == w->text) bits |= w->bits;
    }
    return bits;
}

/// Lower-cased tokens of a name, split at non-alphanumerics and camelCase boundaries.
void tokenize(std::string_view name, std::string& buffer, std::vector<std::string_view>& tokens) {
    buffer.clear();
    tokens.clear();
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    std::size_t start = std::string::npos;
    char prev = ' ';
    for (const char c : name) {
        const bool upper = c >= 'A' && c <= 'Z';
        const bool alnum = upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum || (upper && prev >= 'a' && prev <= 'z')) {
            if (start != std::string::npos) spans.emplace_back(start, buffer.size());
            start = std::string::npos;
        }
        if (alnum) {
            if (start == std::string::npos) start = buffer.size();
            buffer.push_back(upper ? static_cast<char>(c - 'A' + 'a') : c);
        }
        prev = c;
    }
    if (start != std::string::npos) spans.emplace_back(start, buffer.size());
    for (const auto& [b, e] : spans) tokens.emplace_back(buffer.data() + b, e - b);
}

/// Names with more tokens than this are slugs of text ("apple-release-date-is-there-an-
/// official-date" as a heading id), not names of a template part.
constexpr std::size_t kMaxRoleTokens = 5;

unsigned token_bits(std::string_view part, unsigned mask) {
    thread_local std::string buffer;
    thread_local std::string pair;
    thread_local std::vector<std::string_view> tokens;
    tokenize(part, buffer, tokens);
    if (tokens.size() > kMaxRoleTokens) return 0;
    unsigned bits = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        bits |= lookup(tokens[i]);
        if (i + 1 < tokens.size()) {
            pair.assign(tokens[i]);
            pair.append(tokens[i + 1]);
            bits |= lookup(pair);
        }
    }
    return bits & mask;
}

/// Class names that describe state or taxonomy, not the element's role
/// (WordPress puts "tag-apple category-news" on the article itself).
bool is_state_or_taxonomy(std::string_view name) {
    static constexpr std::string_view kPrefixes[] = {"tag-", "category-", "format-", "status-",
                                                     "type-", "has-",     "is-",     "no-",
                                                     "with-", "postid-", "lang-",   "theme-"};
    for (auto p : kPrefixes)
        if (name.size() > p.size() && name.substr(0, p.size()) == p) return true;
    return false;
}

/// What one class name (or the id) says. In BEM names ("article-body__share--wide") the
/// role is the element part after "__", so negatives are read from that part only.
unsigned classify_name(std::string_view name) {
    if (name.empty() || is_state_or_taxonomy(name)) return 0;
    std::string_view role = name;
    if (const auto mod = role.find("--"); mod != std::string_view::npos && mod > 0) role = role.substr(0, mod);
    if (const auto elem = role.rfind("__"); elem != std::string_view::npos) role = role.substr(elem + 2);
    if (role.size() == name.size()) return token_bits(name, ~0u);
    return token_bits(name, kPos | kStrong) | token_bits(role, ~(kPos | kStrong));
}

ClassHint from_bits(unsigned bits) {
    ClassHint h;
    h.positive = bits & (kPos | kStrong);
    h.strong_positive = bits & kStrong;
    h.hard_negative = bits & kHard;
    h.soft_negative = bits & kSoft;
    h.caption = bits & kCaption;
    h.comments = bits & kComments;
    h.byline = bits & kByline;
    h.always_remove = bits & kAlways;
    return h;
}

unsigned class_attr_bits(std::string_view class_attr) {
    unsigned bits = 0;
    std::size_t pos = 0;
    const auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
    while (pos < class_attr.size()) {
        while (pos < class_attr.size() && ws(class_attr[pos])) ++pos;
        std::size_t end = pos;
        while (end < class_attr.size() && !ws(class_attr[end])) ++end;
        if (end > pos) bits |= classify_name(class_attr.substr(pos, end - pos));
        pos = end;
    }
    return bits;
}

} // namespace

int ClassHint::weight() const {
    int w = 0;
    if (strong_positive) w += 50;
    else if (positive) w += 25;
    if (hard_negative || soft_negative) w -= 25;
    return w;
}

ClassHint classify_class_id(std::string_view class_attr, std::string_view id_attr) {
    return from_bits(class_attr_bits(class_attr) | classify_name(id_attr));
}

std::vector<ClassHint> classify_elements(const Dom& dom) {
    std::vector<ClassHint> hints(static_cast<std::size_t>(dom.size()));
    // Templates repeat the same class strings (every comment, every list item): memoise.
    std::unordered_map<std::string_view, unsigned> memo;
    for (std::int32_t i = 0; i < dom.size(); ++i) {
        const DomNode& n = dom.node(i);
        if (n.kind != NodeKind::element || n.attr_count == 0) continue;
        const std::string_view cls = dom.attr(i, "class");
        const std::string_view id = dom.attr(i, "id");
        if (cls.empty() && id.empty()) continue;
        unsigned bits = 0;
        if (!cls.empty()) {
            const auto it = memo.find(cls);
            if (it != memo.end()) {
                bits = it->second;
            } else {
                bits = class_attr_bits(cls);
                memo.emplace(cls, bits);
            }
        }
        // A heading's id is an anchor made from its words ("release-date"), not a role.
        if (!id.empty() && !is_heading(n.tag)) bits |= classify_name(id);
        hints[static_cast<std::size_t>(i)] = from_bits(bits);
    }
    return hints;
}

} // namespace rumorwatch
