/// \file
/// Byline splitting and the organisation test.
#include "parser/extract/authors.h"

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool iends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && text::iequals(s.substr(s.size() - suffix.size()), suffix);
}

bool has_cjk(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        if (text::is_cjk(text::next_code_point(s, pos))) return true;
    }
    return false;
}

bool has_digit(std::string_view s) {
    for (char c : s)
        if (c >= '0' && c <= '9') return true;
    return false;
}

/// Prefixes that introduce a byline, longest first where one contains another.
constexpr std::string_view kPrefixes[] = {
    "written by", "reporting by", "reported by", "posted by", "words by", "story by", "text by",
    "compiled by", "edited by", "by:", "by ", "von ", "par ", "por ", "door ", "di ",
    "本报记者", "本报讯", "记者：", "记者:", "记者", "記者", "文／", "文/", "文|", "文｜", "作者：",
    "责任编辑：", "责任编辑:", "编辑：", "编辑:", "责编：", "责编:", "編輯：", "来源：", "来源:", "來源：",
    "source:", "source ", "via ", "출처:", "quelle:",
    "作者:", "作者", "撰文：", "撰文", "来源：", "来源:", "出品：", "기자", "글:", "글 ", "文："};

/// Words that make a "name" a job title or a place, not a person.
constexpr std::string_view kNotNames[] = {
    "editor", "correspondent", "reporter", "writer", "contributor", "columnist", "analyst",
    "producer", "photographer", "staff writer", "senior", "chief", "bureau chief", "updated",
    "published", "posted", "minute read", "min read", "read more", "follow", "email", "twitter",
    "share", "comments", "contributing", "special to", "opinion", "more articles", "view all",
    "实习生", "编辑", "责编", "通讯员", "摄影", "摄", "校对", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "today", "yesterday", "ago", "edition", "news desk", "newsletter"};

constexpr std::string_view kOrganisationWords[] = {
    "staff",   "desk",   "team",    "newsroom", "editors",  "reporters", "bureau",  "agency",
    "press",   "wire",   "news",    "media",    "service",  "services",  "inc",     "inc.",
    "ltd",     "ltd.",   "group",   "board",    "editorial", "times",    "journal", "post",
    "daily",   "herald", "tribune", "gazette",  "review",   "network",   "network.", "online",
    "magazine", "report", "insights", "hub",    "capital",  "research",  "institute", "reuters",
    "bloomberg", "xinhua", "afp", "ap", "associated press", "cnbc", "cnn", "bbc", "nikkei",
    "kyodo", "yonhap", "dpa", "ansa", "efe", "tass", "pti", "ians", "semafor"};

constexpr std::string_view kChineseOrganisationSuffixes[] = {
    "社", "网", "網", "报", "報", "台", "日报", "新闻", "新聞", "编辑部", "編輯部", "本报", "综合",
    "财经", "科技", "中心", "集团", "公司", "频道", "研究院", "通讯"};

std::string strip_prefix(std::string name) {
    bool changed = true;
    while (changed) {
        changed = false;
        std::string_view t = text::trim(name);
        for (auto p : kPrefixes) {
            if (text::istarts_with(t, p)) {
                name = std::string(text::trim(t.substr(p.size())));
                changed = true;
                break;
            }
        }
        if (!changed) name = std::string(t);
    }
    return name;
}

/// Cuts a trailing place or role: "Jane Doe in Beijing", "Jane Doe, Reuters" is split elsewhere.
std::string strip_suffix(std::string name) {
    for (std::string_view w : {" in ", " for ", " at ", " from ", " reports", " reporting"}) {
        const auto pos = text::ifind(name, w);
        if (pos != std::string::npos && pos > 0) name = name.substr(0, pos);
    }
    while (!name.empty() && (name.back() == '.' || name.back() == ',' || name.back() == ':' || name.back() == ' '))
        name.pop_back();
    return name;
}

bool plausible_person(std::string_view name) {
    if (name.empty() || has_digit(name)) return false;
    const std::size_t cps = text::code_points(name);
    if (has_cjk(name)) return cps >= 2 && cps <= 8;
    if (cps < 3 || cps > 48) return false;
    if (name.find("://") != std::string_view::npos || name.find('@') != std::string_view::npos) return false;
    int words = 1;
    for (char c : name) words += c == ' ';
    if (words > 5) return false;
    for (auto w : kNotNames) {
        if (text::ifind(name, w) != std::string_view::npos) {
            // "Editor" inside a surname is rare; inside a role it is the point.
            return false;
        }
    }
    return true;
}

void split_into(std::string_view segment, std::vector<std::string>& parts, bool space_joins_names) {
    std::string s(segment);
    // Normalise every conjunction and list separator to '\x1f', then split.
    for (std::string_view sep : {" and ", " And ", " AND ", " & ", " und ", " et ", " y ", " e ", " en ",
                                 " with ", ", ", "，", "、", ";", "/", " 和 ", "和", "與", "与"}) {
        if (sep == "和" || sep == "與" || sep == "与") {
            if (!has_cjk(s)) continue;
        }
        if (sep == "/" && !has_cjk(s)) continue;
        s = text::replace_all(s, sep, "\x1f");
    }
    if (s.find(',') != std::string::npos) {
        for (char& c : s)
            if (c == ',') c = '\x1f';
    }
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find('\x1f', start);
        if (end == std::string::npos) end = s.size();
        std::string part(text::trim(std::string_view(s).substr(start, end - start)));
        // Chinese bylines list names with spaces: "记者 张三 李四"; Japanese ones put a
        // space inside a name: "佐藤 健一".
        if (has_cjk(part) && part.find(' ') != std::string::npos && !space_joins_names) {
            std::size_t a = 0;
            while (a <= part.size()) {
                std::size_t b = part.find(' ', a);
                if (b == std::string::npos) b = part.size();
                if (b > a) parts.emplace_back(part.substr(a, b - a));
                a = b + 1;
            }
        } else if (!part.empty()) {
            parts.push_back(std::move(part));
        }
        start = end + 1;
    }
}

/// Tokens of a CJK byline (split at spaces and list marks).
std::vector<std::string> cjk_tokens(const std::string& s) {
    std::string t = s;
    for (std::string_view sep : {"·", "・", "、", "，", ",", "/", "（", "）", "(", ")", "：", ":"}) {
        t = text::replace_all(t, sep, " ");
    }
    std::vector<std::string> out;
    std::size_t a = 0;
    while (a <= t.size()) {
        std::size_t b = t.find(' ', a);
        if (b == std::string::npos) b = t.size();
        if (b > a) out.push_back(t.substr(a, b - a));
        a = b + 1;
    }
    return out;
}

/// A 2-4 character Han or Hangul name that is not a byline word ("摄影", "입력").
bool cjk_name(const std::string& token) {
    const std::size_t n = text::code_points(token);
    if (n < 2 || n > 4) return false;
    std::size_t pos = 0;
    while (pos < token.size()) {
        const char32_t cp = text::next_code_point(token, pos);
        if (!text::is_han(cp) && !text::is_hangul(cp)) return false;
    }
    for (std::string_view w : {"报道", "摄影", "综合", "编辑", "发自", "实习生", "通讯员", "来源", "本报", "记者", "記者",
                               "입력", "수정", "오전", "오후", "사진", "기자", "특파원", "뉴스", "作者", "责编", "评论", "評論", "字号",
                               "分享", "收藏", "打印", "阅读", "点击", "关注", "举报", "纠错", "大中小", "留言", "댓글"})
        if (token == w) return false;
    return true;
}

/// "김민준 기자" (name before the marker) and "记者 王海 李明" (names after it). True when a
/// marker was found and `people` got the names next to it.
bool marked_cjk_names(const std::string& s, std::vector<std::string>& people) {
    if (!has_cjk(s)) return false;
    const std::vector<std::string> tokens = cjk_tokens(s);
    bool marked = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string& t = tokens[i];
        // Korean: the name comes first, "기자" may be glued to it ("김민준기자").
        const auto ki = t.find("기자");
        if (ki != std::string::npos && ki + std::string_view("기자").size() == t.size()) {
            marked = true;
            if (ki > 0) {
                const std::string glued = t.substr(0, ki);
                if (cjk_name(glued)) add_unique(people, glued);
            } else {
                for (std::size_t k = i; k-- > 0 && cjk_name(tokens[k]);) add_unique(people, tokens[k]);
            }
            continue;
        }
        // Chinese: the names follow "记者", possibly glued ("记者王海").
        for (std::string_view marker : {"本报记者", "记者", "記者", "文", "作者", "撰文"}) {
            if (t.compare(0, marker.size(), marker) != 0) continue;
            if (marker == "文" && t.size() != marker.size()) continue;
            marked = true;
            const std::string rest = t.substr(marker.size());
            if (!rest.empty() && cjk_name(rest)) add_unique(people, rest);
            for (std::size_t k = i + 1; k < tokens.size() && cjk_name(tokens[k]); ++k) add_unique(people, tokens[k]);
            break;
        }
    }
    return marked && !people.empty();
}

} // namespace

bool is_organisation_name(std::string_view name) {
    const std::string_view n = text::trim(name);
    if (n.empty()) return false;
    if (has_cjk(n)) {
        for (auto s : kChineseOrganisationSuffixes)
            if (ends_with(n, s) && text::code_points(n) >= 2) return true;
        for (std::string_view w : {"新华社", "中新社", "中新网", "央视", "人民网", "澎湃", "财新", "路透", "彭博", "美联社", "法新社", "共同社", "聯合"})
            if (n.find(w) != std::string_view::npos) return true;
        return false;
    }
    // Whole-word match on the last word, or the full name for multi-word agencies.
    std::string_view last = n;
    if (const auto sp = n.rfind(' '); sp != std::string_view::npos) last = n.substr(sp + 1);
    for (auto w : kOrganisationWords) {
        if (text::iequals(last, w) || text::iequals(n, w)) return true;
        if (w.find(' ') != std::string_view::npos && iends_with(n, w)) return true;
    }
    // All capitals and short: "AP", "AFP", "CNBC".
    if (n.size() <= 5) {
        bool caps = true;
        for (char c : n) caps = caps && ((c >= 'A' && c <= 'Z') || c == '.');
        if (caps) return true;
    }
    return false;
}

void add_unique(std::vector<std::string>& out, std::string name) {
    for (const auto& existing : out)
        if (text::iequals(existing, name)) return;
    out.push_back(std::move(name));
}

Byline split_byline(std::string_view raw, std::string_view language) {
    Byline result;
    std::string s = text::collapse_space(raw);
    // Decorations before the byline: "✍️ By Kevin R", "— By Jane Doe".
    {
        std::size_t pos = 0;
        while (pos < s.size()) {
            std::size_t next = pos;
            const char32_t cp = text::next_code_point(s, next);
            const bool word = (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
                              (cp >= 0xC0 && cp < 0x2000) || text::is_cjk(cp);
            if (word) break;
            pos = next;
        }
        s.erase(0, pos);
    }
    if (s.empty() || text::code_points(s) > 300) return result;
    if (marked_cjk_names(s, result.people)) {
        for (const auto& t : cjk_tokens(s))
            if (is_organisation_name(t) && !has_digit(t)) add_unique(result.organisations, t);
        return result;
    }
    // Segments: "By A and B | Reuters · Feb 13, 2025" -> "By A and B", "Reuters", "Feb 13, 2025".
    for (std::string_view sep : {" | ", "|", " · ", " • ", "•", " — ", " – ", " - ", "\n", "｜"}) {
        s = text::replace_all(s, sep, "\x1e");
    }
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find('\x1e', start);
        if (end == std::string::npos) end = s.size();
        std::string segment = strip_prefix(std::string(text::trim(std::string_view(s).substr(start, end - start))));
        start = end + 1;
        if (segment.empty()) continue;
        // A segment with digits is a date or a count ("Updated 4:10 PM", "5 min read"),
        // but a name may precede the date: "By Jane Doe February 13, 2025".
        std::vector<std::string> parts;
        split_into(segment, parts, language == "ja");
        for (auto& part : parts) {
            // "来源：东方数码", "Source: Reuters": the source of a story is an organisation.
            bool source = false;
            for (std::string_view w : {"来源", "來源", "出处", "source:", "source ", "via ", "출처", "quelle:"})
                source = source || text::istarts_with(part, w);
            std::string name = strip_suffix(strip_prefix(part));
            if (name.empty()) continue;
            if ((source || is_organisation_name(name)) && !has_digit(name)) {
                add_unique(result.organisations, name);
            } else if (plausible_person(name)) {
                add_unique(result.people, name);
            }
        }
    }
    return result;
}

} // namespace rumorwatch
