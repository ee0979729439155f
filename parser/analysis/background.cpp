/// \file
/// is_background: recap markers, past perfect, and explicit dates older than the article.
#include "parser/analysis/background.h"

#include "parser/analysis/clauses.h"
#include "parser/analysis/negation.h"

#include <array>

namespace rumorwatch {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"January", "February", "March",     "April",
                                                      "May",     "June",     "July",      "August",
                                                      "September", "October", "November", "December"};
constexpr std::array<std::string_view, 12> kMonthAbbreviations = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

int read_number(std::string_view s, std::size_t& i, int max_digits) {
    int n = 0, digits = 0;
    while (i < s.size() && is_digit(s[i]) && digits < max_digits) {
        n = n * 10 + (s[i] - '0');
        ++i;
        ++digits;
    }
    return digits ? n : -1;
}

/// A month (and year, if given) that the sentence names.
struct MentionedDate {
    int year = 0; ///< 0 when not given
    int month = 0; ///< 0 for a bare year
    bool after_in = false; ///< "in February", "back in 2024"
    std::size_t end = 0;
};

std::vector<MentionedDate> dates_in(std::string_view s) {
    std::vector<MentionedDate> out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i > 0 && is_alpha(s[i - 1])) continue;
        // English month names.
        if (s[i] >= 'A' && s[i] <= 'Z') {
            for (int m = 0; m < 12; ++m) {
                std::string_view name = kMonths[m];
                std::size_t len = 0;
                if (s.compare(i, name.size(), name) == 0) len = name.size();
                else if (s.compare(i, 3, kMonthAbbreviations[m]) == 0 && i + 3 < s.size() && s[i + 3] == '.') len = 4;
                if (!len || (i + len < s.size() && is_alpha(s[i + len]))) continue;
                MentionedDate d;
                d.month = m + 1;
                const std::string_view before = s.substr(i >= 8 ? i - 8 : 0, i >= 8 ? 8 : i);
                d.after_in = before.ends_with("in ") || before.ends_with("In ") || before.ends_with("since ") ||
                             before.ends_with("early ") || before.ends_with("late ") || before.ends_with("mid-");
                std::size_t j = i + len;
                // "February 13, 2025" / "February 2025"
                while (j < s.size() && (s[j] == ' ' || s[j] == ',')) ++j;
                std::size_t k = j;
                int n = read_number(s, k, 4);
                if (n >= 1 && n <= 31) {
                    j = k;
                    while (j < s.size() && (s[j] == ' ' || s[j] == ',')) ++j;
                    k = j;
                    n = read_number(s, k, 4);
                }
                if (n >= 1990 && n <= 2100) {
                    d.year = n;
                    j = k;
                }
                d.end = j;
                out.push_back(d);
                break;
            }
        }
        // "in 2024"
        if (i >= 3 && (s.compare(i - 3, 3, "in ") == 0) && is_digit(s[i])) {
            std::size_t k = i;
            const int n = read_number(s, k, 4);
            if (n >= 1990 && n <= 2100 && (k >= s.size() || !is_digit(s[k])))
                out.push_back({n, 0, true, k});
        }
        // Chinese: 2025年2月, 2月, 2024年
        if (is_digit(s[i]) && (i == 0 || !is_digit(s[i - 1]))) {
            std::size_t k = i;
            int n = read_number(s, k, 4);
            MentionedDate d;
            if (n >= 1990 && s.compare(k, 3, "年") == 0) {
                d.year = n;
                k += 3;
                std::size_t m = k;
                const int month = read_number(s, m, 2);
                if (month >= 1 && month <= 12 && s.compare(m, 3, "月") == 0) {
                    d.month = month;
                    k = m + 3;
                }
                d.after_in = true;
                d.end = k;
                out.push_back(d);
            } else if (n >= 1 && n <= 12 && s.compare(k, 3, "月") == 0) {
                d.month = n;
                d.after_in = true;
                if (i >= 6 && s.compare(i - 6, 6, "今年") == 0) d.after_in = true;
                if (i >= 6 && s.compare(i - 6, 6, "去年") == 0) d.year = -1; // last year: older anyway
                d.end = k + 3;
                out.push_back(d);
            }
            i = k > i ? k - 1 : i;
        }
    }
    return out;
}

bool past_tense(std::string_view cue) {
    if (cue.ends_with("ed")) return true;
    // Chinese verbs carry no tense; 了 after them marks a completed act.
    return false;
}


/// "which has approved over a hundred models since 2023": an act in the present perfect over
/// a span of time is a track record, not this deal's news.
bool track_record(std::string_view s, const Lexicon::Hit& cue) {
    if (cue.kind != CueKind::approve && cue.kind != CueKind::announce && cue.kind != CueKind::confirm) return false;
    const std::string_view before = s.substr(0, cue.begin);
    if (!before.ends_with("has ") && !before.ends_with("have ") && !before.ends_with("has already ") &&
        !before.ends_with("have already "))
        return false;
    const std::size_t since = s.find(" since ", cue.end);
    if (since == std::string_view::npos) return false;
    const std::string_view between = s.substr(cue.end, since - cue.end);
    if (between.find_first_of(",;") != std::string_view::npos) return false;
    const std::size_t at = since + 7;
    if (at < s.size() && is_digit(s[at])) return true;
    for (std::string_view month : kMonths)
        if (s.compare(at, month.size(), month) == 0) return true;
    for (std::string_view w : {"then", "last ", "early ", "late ", "launch"})
        if (s.compare(at, w.size(), w) == 0) return true;
    return false;
}

} // namespace

bool is_background(std::string_view s, std::span<const Lexicon::Hit> hits, int cue_hit,
                   std::optional<std::chrono::year_month_day> published) {
    // A recap marker counts in the cue's own clause, or in an opening adverbial clause
    // ("Earlier this year, ...", "去年，..."): "苹果已选定阿里巴巴，此前苹果曾与百度接触" is news
    // with a recap beside it.
    const std::size_t cue_pos = cue_hit >= 0 ? hits[cue_hit].begin : 0;
    const auto cue_segment = segment_around(s, cue_pos);
    auto applies = [&](std::size_t pos) {
        if (cue_hit < 0) return true;
        const auto seg = segment_around(s, pos);
        if (seg == cue_segment) return true;
        if (seg.first != 0 || seg.second > cue_segment.first) return false;
        for (const auto& h : hits)
            if (h.begin >= seg.first && h.end <= seg.second && is_statement(h.kind))
                return false; // the opening clause says something of its own
        return true;
    };
    for (const auto& h : hits)
        if (h.kind == CueKind::background && applies(h.begin)) return true;
    if (cue_hit >= 0 && track_record(s, hits[cue_hit])) return true;
    if (cue_hit >= 0) {
        const auto& cue = hits[cue_hit];
        for (int j = cue_hit - 1; j >= 0 && j >= cue_hit - 3; --j) {
            if (hits[j].kind != CueKind::past_perfect) continue;
            // "had" within a few words before the cue: "had officially confirmed"
            std::size_t words = 0;
            for (std::size_t i = hits[j].end; i < cue.begin; ++i) words += s[i] == ' ';
            if (words <= 3) return true;
        }
    }
    auto dates = dates_in(s);
    std::erase_if(dates, [&](const MentionedDate& d) { return d.end > 0 && !applies(d.end - 1); });
    if (dates.empty()) return false;
    const std::string_view cue =
        cue_hit >= 0 ? s.substr(hits[cue_hit].begin, hits[cue_hit].end - hits[cue_hit].begin) : std::string_view{};
    for (const auto& d : dates) {
        if (d.year == -1) return true;
        if (published) {
            const int py = static_cast<int>(published->year());
            const int pm = static_cast<int>(static_cast<unsigned>(published->month()));
            const int year = d.year ? d.year : py;
            if (d.month == 0) {
                if (year < py && d.after_in) return true;
                continue;
            }
            // A month after the publication month without a year is last year's ("in December"
            // in a February article) — unless the cue looks ahead, which past_tense checks.
            if (year < py || (year == py && d.month < pm)) return true;
            if (!d.year && d.month > pm && past_tense(cue)) return true;
        } else if (d.after_in && d.month && past_tense(cue)) {
            return true;
        }
    }
    return false;
}

} // namespace rumorwatch
