/// \file
/// Site-name stripping and the agreement vote between title candidates.
#include "parser/extract/title.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

/// Case- and punctuation-blind form for comparisons.
std::string fold(std::string_view s) {
    std::string out;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const char32_t cp = text::next_code_point(s, pos);
        if (cp < 0x80) {
            const char c = static_cast<char>(cp);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
            else if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
        } else if (!text::is_space(cp) && !(cp >= 0x2000 && cp <= 0x206F) && !(cp >= 0x3000 && cp <= 0x303F) &&
                   !(cp >= 0xFF00 && cp <= 0xFF0F) && cp != 0xFF1A && cp != 0xFF5C) {
            text::append_utf8(out, cp);
        }
    }
    return out;
}

bool matches_site(std::string_view part, const std::vector<std::string>& sites) {
    const std::string p = fold(part);
    if (p.empty()) return false;
    for (const auto& site : sites) {
        const std::string f = fold(site);
        if (f.empty()) continue;
        if (p == f) return true;
        // "CircuitBeat" vs "CircuitBeat.com", "The Daily Ledger" vs "Daily Ledger"
        if (p.size() >= 4 && f.size() >= 4 && (p.find(f) != std::string::npos || f.find(p) != std::string::npos) &&
            std::min(p.size(), f.size()) * 2 >= std::max(p.size(), f.size()))
            return true;
    }
    return false;
}

struct Separator {
    std::string_view text;
    bool strong; ///< rarely inside a headline itself
};

constexpr Separator kSeparators[] = {
    {" | ", true}, {"｜", true}, {" || ", true}, {" :: ", true}, {" » ", true}, {" _ ", true}, {"_", true},
    {" — ", false}, {" – ", false}, {" - ", false}, {" · ", false}, {"：", false}, {": ", false}, {"|", true},
    {" -- ", false}, {"——", false}, {" / ", false}};

bool looks_like_name(std::string_view part) {
    const std::string_view p = text::trim(part);
    if (p.empty() || text::code_points(p) > 30) return false;
    int words = 1;
    bool capitalised = true;
    bool at_word_start = true;
    for (char c : p) {
        if (c == ' ') {
            ++words;
            at_word_start = true;
            continue;
        }
        if (at_word_start && c >= 'a' && c <= 'z') capitalised = false;
        at_word_start = false;
    }
    return words <= 4 && capitalised;
}

} // namespace

std::string strip_site_name(std::string_view title_in, const std::vector<std::string>& site_names,
                            std::string* removed) {
    std::string title = text::collapse_space(title_in);
    if (removed) removed->clear();
    for (int round = 0; round < 3; ++round) {
        bool changed = false;
        for (const auto& sep : kSeparators) {
            const auto last = title.rfind(sep.text);
            if (last != std::string::npos && last > 0) {
                const std::string_view left = std::string_view(title).substr(0, last);
                const std::string_view right = std::string_view(title).substr(last + sep.text.size());
                if (matches_site(right, site_names)) {
                    if (removed) *removed = std::string(text::trim(right));
                    title = std::string(text::trim(left));
                    changed = true;
                    break;
                }
            }
            const auto first = title.find(sep.text);
            if (first != std::string::npos && first > 0) {
                const std::string_view left = std::string_view(title).substr(0, first);
                const std::string_view right = std::string_view(title).substr(first + sep.text.size());
                if (matches_site(left, site_names) && text::code_points(right) >= 8) {
                    if (removed) *removed = std::string(text::trim(left));
                    title = std::string(text::trim(right));
                    changed = true;
                    break;
                }
            }
        }
        if (!changed) break;
    }
    // No known site name matched: cut a short trailing segment after a strong separator
    // ("Headline | Outlet", "标题_网站"), or after a dash when it looks like a name.
    {
        for (const auto& sep : kSeparators) {
            const auto last = title.rfind(sep.text);
            if (last == std::string::npos || last == 0) continue;
            const std::string_view left = std::string_view(title).substr(0, last);
            const std::string_view right = std::string_view(title).substr(last + sep.text.size());
            const std::size_t lc = text::code_points(left), rc = text::code_points(right);
            if (rc == 0 || lc < rc + 3 || lc < 10) continue;
            if ((sep.strong && rc <= 30) || (!sep.strong && sep.text != ": " && sep.text != "：" && looks_like_name(right))) {
                if (removed) *removed = std::string(text::trim(right));
                title = std::string(text::trim(left));
                break;
            }
        }
    }
    return title;
}

TitleChoice choose_title(const TitleCandidates& c) {
    struct Candidate {
        std::string text;
        std::string source;
        int priority;
    };
    std::vector<Candidate> all;
    // No real headline runs to hundreds of characters; a longer candidate is a hostile or
    // broken page (a megabyte og:title) and would fill every line it is printed on.
    constexpr std::size_t kMaxTitleCodePoints = 400;
    const auto add = [&](std::string t, std::string source, int priority) {
        t = text::collapse_space(t);
        if (t.empty() || matches_site(t, c.site_names) || text::code_points(t) > kMaxTitleCodePoints) return;
        all.push_back({std::move(t), std::move(source), priority});
    };
    add(c.json_ld, "json-ld", 0);
    add(strip_site_name(c.og, c.site_names), "og:title", 1);
    for (std::size_t i = 0; i < c.h1s.size() && i < 3; ++i) add(c.h1s[i], "h1", 2);
    add(strip_site_name(c.twitter, c.site_names), "twitter:title", 3);
    add(strip_site_name(c.title_tag, c.site_names), "title", 4);
    if (all.empty()) {
        // Only the site name was on offer: better than nothing.
        if (!c.title_tag.empty())
            return {std::string(text::utf8_prefix(text::collapse_space(c.title_tag), 4 * kMaxTitleCodePoints)), "title"};
        return {};
    }
    std::vector<std::string> folded;
    for (const auto& a : all) folded.push_back(fold(a.text));
    std::size_t best = 0;
    int best_support = -1;
    for (std::size_t i = 0; i < all.size(); ++i) {
        int support = 0;
        std::vector<std::string> seen_sources;
        for (std::size_t j = 0; j < all.size(); ++j) {
            if (i == j || all[j].source == all[i].source) continue;
            if (std::find(seen_sources.begin(), seen_sources.end(), all[j].source) != seen_sources.end()) continue;
            const std::string& a = folded[i];
            const std::string& b = folded[j];
            if (a.empty() || b.empty()) continue;
            if (a == b || (a.size() >= 8 && b.find(a) != std::string::npos) ||
                (b.size() >= 8 && a.find(b) != std::string::npos)) {
                ++support;
                seen_sources.push_back(all[j].source);
            }
        }
        if (support > best_support || (support == best_support && all[i].priority < all[best].priority)) {
            best = i;
            best_support = support;
        }
    }
    // A headline cut short (JSON-LD limits, "…") yields to the full one it begins.
    for (std::size_t j = 0; j < all.size(); ++j) {
        if (j == best) continue;
        std::string_view chosen = all[best].text;
        bool ellipsis = false;
        for (std::string_view e : {"...", "\xE2\x80\xA6"})
            if (chosen.size() > e.size() && chosen.substr(chosen.size() - e.size()) == e) {
                chosen.remove_suffix(e.size());
                ellipsis = true;
            }
        const std::string fc = fold(chosen);
        if (fc.size() >= 8 && folded[j].size() > fc.size() && folded[j].compare(0, fc.size(), fc) == 0 &&
            (ellipsis || all[j].source == "h1" || all[j].source == "og:title")) {
            best = j;
            break;
        }
    }
    return {all[best].text, all[best].source};
}

} // namespace rumorwatch
