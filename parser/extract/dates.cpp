/// \file
/// A small hand-written scanner for dates in text: day/month/year in the common orders,
/// month names, CJK year-month-day markers, times with AM/PM or 上午/下午, zones, and
/// relative phrases. No regexes: it runs on every byline of every page.
#include "parser/extract/dates.h"

#include <array>
#include <chrono>
#include <vector>

#include <date/tz.h>

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

using namespace std::chrono;

// ---- Zones -------------------------------------------------------------------------------

struct Zone {
    enum Kind { none, fixed, region } kind = none;
    int offset_minutes = 0;
    std::string_view region_name;
};

struct ZoneName {
    std::string_view name;
    int offset_minutes; ///< used when region is empty
    std::string_view region;
};

/// Abbreviations news sites print. "ET"/"PT" follow daylight saving, so they map to regions;
/// "EST"/"EDT" say which half of the year they mean, so they are fixed.
constexpr ZoneName kZoneNames[] = {
    {"UTC", 0, ""},       {"GMT", 0, ""},       {"Z", 0, ""},         {"ET", 0, "America/New_York"},
    {"EST", -300, ""},    {"EDT", -240, ""},    {"CT", 0, "America/Chicago"}, {"CDT", -300, ""},
    {"MT", 0, "America/Denver"}, {"MST", -420, ""}, {"MDT", -360, ""}, {"PT", 0, "America/Los_Angeles"},
    {"PST", -480, ""},    {"PDT", -420, ""},    {"HKT", 480, ""},     {"SGT", 480, ""},
    {"JST", 540, ""},     {"KST", 540, ""},     {"BST", 60, ""},      {"IST", 330, ""},
    {"CET", 60, ""},      {"CEST", 120, ""},    {"EET", 120, ""},     {"EEST", 180, ""},
    {"WET", 0, ""},       {"WEST", 60, ""},     {"AEST", 600, ""},    {"AEDT", 660, ""},
    {"ACST", 570, ""},    {"AWST", 480, ""},    {"NZST", 720, ""},    {"NZDT", 780, ""},
    {"MSK", 180, ""},     {"PHT", 480, ""},     {"WIB", 420, ""},     {"ICT", 420, ""},
    {"AKST", -540, ""},   {"AKDT", -480, ""},   {"HST", -600, ""},    {"UK", 0, "Europe/London"},
};

// ---- Character helpers ---------------------------------------------------------------------

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

/// Full-width digits and punctuation to ASCII, so that "２０２５年２月１３日" reads like "2025年2月13日".
std::string fold_fullwidth(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t pos = 0;
    while (pos < s.size()) {
        const unsigned char b = static_cast<unsigned char>(s[pos]);
        if (b < 0x80) {
            out.push_back(static_cast<char>(b));
            ++pos;
            continue;
        }
        const std::size_t before = pos;
        const char32_t cp = text::next_code_point(s, pos);
        if (cp >= 0xFF10 && cp <= 0xFF19) out.push_back(static_cast<char>('0' + (cp - 0xFF10)));
        else if (cp == 0xFF1A) out.push_back(':');
        else if (cp == 0xFF0F) out.push_back('/');
        else if (cp == 0xFF0D) out.push_back('-');
        else if (cp == 0xA0 || cp == 0x3000 || cp == 0x202F) out.push_back(' ');
        else out.append(s.substr(before, pos - before));
    }
    return out;
}

/// Reads 1..max_digits digits at pos (not preceded by a digit is the caller's business).
bool read_num(std::string_view s, std::size_t& pos, int max_digits, int& value, int& digits) {
    value = 0;
    digits = 0;
    while (pos < s.size() && is_digit(s[pos]) && digits < max_digits) {
        value = value * 10 + (s[pos] - '0');
        ++pos;
        ++digits;
    }
    return digits > 0 && !(pos < s.size() && is_digit(s[pos]));
}

bool starts(std::string_view s, std::size_t pos, std::string_view w) { return s.compare(pos, w.size(), w) == 0; }

std::size_t skip_spaces(std::string_view s, std::size_t pos) {
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n' || s[pos] == '\r')) ++pos;
    return pos;
}

// ---- Month names ---------------------------------------------------------------------------

struct MonthName {
    std::string_view name;
    int month;
};

constexpr MonthName kMonths[] = {
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
    {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
    {"sept", 9}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7},
    {"aug", 8}, {"sep", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
    // German, French, Spanish, Italian, Portuguese, Dutch: cheap, and common on wires.
    {"januar", 1}, {"februar", 2}, {"m\xC3\xA4rz", 3}, {"mai", 5}, {"juni", 6}, {"juli", 7},
    {"oktober", 10}, {"dezember", 12}, {"janvier", 1}, {"f\xC3\xA9vrier", 2}, {"mars", 3},
    {"avril", 4}, {"juin", 6}, {"juillet", 7}, {"ao\xC3\xBBt", 8}, {"septembre", 9},
    {"octobre", 10}, {"novembre", 11}, {"d\xC3\xA9" "cembre", 12}, {"enero", 1}, {"febrero", 2},
    {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7}, {"agosto", 8},
    {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12},
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6}, {"luglio", 7},
    {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12}, {"janeiro", 1}, {"fevereiro", 2},
    {"mar\xC3\xA7o", 3}, {"maio", 5}, {"junho", 6}, {"julho", 7}, {"setembro", 9},
    {"outubro", 10}, {"novembro", 11}, {"dezembro", 12}, {"januari", 1}, {"februari", 2},
    {"maart", 3}, {"mei", 5}, {"augustus", 8},
};

/// Reads a month name (any case, optional trailing '.') at pos; the word must end there.
int read_month(std::string_view s, std::size_t& pos) {
    std::size_t end = pos;
    while (end < s.size() && (is_alpha(s[end]) || static_cast<unsigned char>(s[end]) >= 0x80)) ++end;
    if (end == pos || end - pos > 12) return 0;
    const std::string word = text::to_lower_ascii(s.substr(pos, end - pos));
    for (const auto& m : kMonths) {
        if (word == m.name) {
            pos = end;
            if (pos < s.size() && s[pos] == '.') ++pos;
            return m.month;
        }
    }
    // Capitalised accented forms ("Février", "März") lower-case only their ASCII part.
    return 0;
}

// ---- Times and zones ------------------------------------------------------------------------

struct TimeOfDay {
    int hour = 0, minute = 0, second = 0;
};

/// "am"/"pm"/"a.m."/"p.m." (any case) at pos; returns 1 for am, 2 for pm, 0 for none.
int read_meridiem(std::string_view s, std::size_t& pos) {
    std::size_t p = skip_spaces(s, pos);
    if (p >= s.size()) return 0;
    const char c = static_cast<char>(s[p] | 0x20);
    if (c != 'a' && c != 'p') return 0;
    std::size_t q = p + 1;
    if (q < s.size() && s[q] == '.') ++q;
    if (q >= s.size() || (s[q] | 0x20) != 'm') return 0;
    ++q;
    if (q < s.size() && s[q] == '.') ++q;
    if (q < s.size() && is_alpha(s[q])) return 0; // "amazing"
    pos = q;
    return c == 'a' ? 1 : 2;
}

bool apply_meridiem(int meridiem, int& hour) {
    if (meridiem == 0) return hour <= 23;
    if (hour < 1 || hour > 12) return false;
    if (meridiem == 1 && hour == 12) hour = 0;
    if (meridiem == 2 && hour != 12) hour += 12;
    return true;
}

/// Chinese/Korean/Japanese AM/PM prefixes: 上午 下午 凌晨 早上 晚上 中午 오전 오후 午前 午後.
int read_cjk_meridiem(std::string_view s, std::size_t& pos) {
    static constexpr std::pair<std::string_view, int> kWords[] = {
        {"上午", 1}, {"凌晨", 1}, {"早上", 1}, {"早晨", 1}, {"下午", 2}, {"晚上", 2}, {"傍晚", 2},
        {"中午", 3}, {"오전", 1}, {"오후", 2}, {"午前", 1}, {"午後", 2}};
    for (const auto& [w, v] : kWords)
        if (starts(s, pos, w)) {
            pos += w.size();
            pos = skip_spaces(s, pos);
            return v;
        }
    return 0;
}

std::optional<TimeOfDay> read_time(std::string_view s, std::size_t& pos) {
    std::size_t p = pos;
    const int cjk_meridiem = read_cjk_meridiem(s, p);
    if (p >= s.size() || !is_digit(s[p]) || (p > 0 && is_digit(s[p - 1]))) return std::nullopt;
    TimeOfDay t;
    int digits = 0;
    if (!read_num(s, p, 2, t.hour, digits)) return std::nullopt;
    bool have_minutes = false;
    if (p + 1 < s.size() && (s[p] == ':' || s[p] == '.') && is_digit(s[p + 1])) {
        std::size_t q = p + 1;
        if (read_num(s, q, 2, t.minute, digits) && digits == 2) {
            p = q;
            have_minutes = true;
            if (p + 1 < s.size() && s[p] == ':' && is_digit(s[p + 1])) {
                std::size_t r = p + 1;
                if (read_num(s, r, 2, t.second, digits) && digits == 2) p = r;
            }
            if (p < s.size() && (s[p] == '.' || s[p] == ',') && p + 1 < s.size() && is_digit(s[p + 1])) {
                ++p; // fractional seconds
                while (p < s.size() && is_digit(s[p])) ++p;
            }
        }
    } else if (starts(s, p, "时") || starts(s, p, "時") || starts(s, p, "點") || starts(s, p, "点") ||
               starts(s, p, "시")) {
        p += starts(s, p, "시") ? std::string_view("시").size() : std::string_view("时").size();
        std::size_t q = skip_spaces(s, p);
        int minute = 0;
        if (q < s.size() && is_digit(s[q]) && read_num(s, q, 2, minute, digits)) {
            if (starts(s, q, "分") || starts(s, q, "분")) {
                q += starts(s, q, "分") ? std::string_view("分").size() : std::string_view("분").size();
                t.minute = minute;
                p = q;
            }
        }
        have_minutes = true;
    }
    int meridiem = read_meridiem(s, p);
    if (!have_minutes && meridiem == 0) return std::nullopt; // a bare number is not a time
    if (cjk_meridiem == 3) {
        if (t.hour < 1 || t.hour > 12) return std::nullopt;
        if (t.hour < 6) t.hour += 12;
    } else if (cjk_meridiem != 0) {
        meridiem = cjk_meridiem;
    }
    if (!apply_meridiem(meridiem, t.hour) || t.minute > 59 || t.second > 60) return std::nullopt;
    pos = p;
    return t;
}

/// "+08:00", "+0800", "-5", after GMT/UTC or alone. Returns minutes east of UTC.
bool read_offset(std::string_view s, std::size_t& pos, int& minutes) {
    std::size_t p = pos;
    if (p >= s.size() || (s[p] != '+' && s[p] != '-' && !starts(s, p, "\xE2\x88\x92"))) return false;
    const bool negative = s[p] != '+';
    p += s[p] == '+' || s[p] == '-' ? 1 : 3;
    int h = 0, digits = 0;
    std::size_t q = p;
    while (q < s.size() && is_digit(s[q]) && digits < 4) {
        h = h * 10 + (s[q] - '0');
        ++q;
        ++digits;
    }
    if (digits == 0 || (q < s.size() && is_digit(s[q]))) return false;
    int m = 0;
    if (digits == 4) {
        m = h % 100;
        h /= 100;
    } else if (digits == 3) {
        return false;
    } else if (q + 1 < s.size() && s[q] == ':' && is_digit(s[q + 1])) {
        std::size_t r = q + 1;
        int d2 = 0;
        if (read_num(s, r, 2, m, d2) && d2 == 2) q = r;
    }
    if (h > 14 || m > 59) return false;
    minutes = (h * 60 + m) * (negative ? -1 : 1);
    pos = q;
    return true;
}

/// A zone after a time: "ET", "(HKT)", "GMT+8", "UTC", "+08:00", "Z", "北京时间".
Zone read_zone(std::string_view s, std::size_t& pos, const DateContext& ctx) {
    std::size_t p = skip_spaces(s, pos);
    if (p < s.size() && (s[p] == 'Z' || s[p] == 'z') && (p + 1 >= s.size() || !is_alpha(s[p + 1]))) {
        pos = p + 1;
        return {Zone::fixed, 0, {}};
    }
    int offset = 0;
    if (read_offset(s, p, offset)) {
        pos = p;
        return {Zone::fixed, offset, {}};
    }
    p = skip_spaces(s, p);
    const bool paren = p < s.size() && s[p] == '(';
    if (paren) ++p;
    for (std::string_view w : {"北京时间", "北京時間", "香港时间", "香港時間", "台北时间", "台北時間"})
        if (starts(s, p, w)) {
            pos = p + w.size() + (paren && p + w.size() < s.size() && s[p + w.size()] == ')' ? 1 : 0);
            return {Zone::fixed, 480, {}};
        }
    std::size_t end = p;
    while (end < s.size() && is_upper(s[end]) && end - p < 5) ++end;
    if (end == p || (end < s.size() && is_alpha(s[end]))) return {};
    const std::string_view abbr = s.substr(p, end - p);
    std::size_t after = end;
    Zone zone;
    if (abbr == "CST") {
        // China Standard Time or US Central: the outlet's zone decides.
        const bool asia = ctx.timezone.rfind("Asia/", 0) == 0;
        zone = asia ? Zone{Zone::fixed, 480, {}} : Zone{Zone::fixed, -360, {}};
    } else {
        bool found = false;
        for (const auto& z : kZoneNames) {
            if (z.name == abbr) {
                zone = z.region.empty() ? Zone{Zone::fixed, z.offset_minutes, {}} : Zone{Zone::region, 0, z.region};
                found = true;
                break;
            }
        }
        if (!found) return {};
    }
    if ((abbr == "GMT" || abbr == "UTC") && after < s.size()) {
        int extra = 0;
        std::size_t q = after;
        if (read_offset(s, q, extra)) {
            zone = {Zone::fixed, extra, {}};
            after = q;
        }
    }
    if (paren && after < s.size() && s[after] == ')') ++after;
    pos = after;
    return zone;
}

// ---- Assembling a timestamp ----------------------------------------------------------------

/// The zone for an IANA name, or nullptr when unknown. The last few lookups are kept per
/// thread: a page asks for its outlet's zone many times.
const date::time_zone* find_zone(std::string_view name) {
    struct Entry {
        std::string name;
        const date::time_zone* zone;
    };
    thread_local std::vector<Entry> cache;
    for (const auto& e : cache)
        if (e.name == name) return e.zone;
    const date::time_zone* zone = nullptr;
    try {
        zone = date::locate_zone(std::string(name));
    } catch (const std::exception&) {
        zone = nullptr;
    }
    if (cache.size() >= 16) cache.erase(cache.begin());
    cache.push_back({std::string(name), zone});
    return zone;
}

std::optional<Timestamp> to_utc(year_month_day ymd, const TimeOfDay& t, const Zone& zone, const DateContext& ctx) {
    if (!ymd.ok()) return std::nullopt;
    const seconds local = sys_days{ymd}.time_since_epoch() + hours{t.hour} + minutes{t.minute} + seconds{t.second};
    if (zone.kind == Zone::fixed) return Timestamp{local - minutes{zone.offset_minutes}};
    const std::string_view name = zone.kind == Zone::region ? zone.region_name : std::string_view(ctx.timezone);
    const date::time_zone* tz = find_zone(name);
    if (!tz) return Timestamp{local}; // unknown zone name: read as UTC rather than lose the date
    return Timestamp{tz->to_sys(date::local_seconds{local}, date::choose::earliest).time_since_epoch()};
}

struct DayMatch {
    std::size_t begin = 0, end = 0;
    int year = 0, month = 0, day = 0;
};

/// Two-digit years only where the whole value is a date ("7/3/26" in a dateline element).
int expand_year(int y, int digits) {
    if (digits == 4) return y;
    if (digits == 2) return y < 70 ? 2000 + y : 1900 + y;
    return -1;
}

/// Tries every day pattern at `pos`.
std::optional<DayMatch> match_day(std::string_view s, std::size_t pos, const DateContext& ctx,
                                  bool allow_short_year) {
    DayMatch m;
    m.begin = pos;
    int a = 0, da = 0;
    std::size_t p = pos;
    if (is_digit(s[pos])) {
        if (pos > 0 && is_digit(s[pos - 1])) return std::nullopt;
        if (!read_num(s, p, 4, a, da)) return std::nullopt;
        // Year first: 2025-02-13, 2025/2/13, 2025.02.13, 2025年2月13日, 2025년 2월 13일
        if (da == 4 && p < s.size()) {
            const char sep = s[p];
            if (sep == '-' || sep == '/' || sep == '.') {
                std::size_t q = p + 1;
                int mo = 0, dmo = 0, d = 0, dd = 0;
                if (read_num(s, q, 2, mo, dmo) && q < s.size() && s[q] == sep) {
                    ++q;
                    if (read_num(s, q, 2, d, dd)) {
                        if (q < s.size() && sep == '.' && s[q] == '.') ++q; // Korean "2025.02.13."
                        m.year = a, m.month = mo, m.day = d, m.end = q;
                        return m;
                    }
                }
            }
            std::size_t q = skip_spaces(s, p);
            for (std::string_view ymark : {"年", "년"}) {
                if (!starts(s, q, ymark)) continue;
                q = skip_spaces(s, q + ymark.size());
                int mo = 0, dmo = 0, d = 0, dd = 0;
                if (!read_num(s, q, 2, mo, dmo)) return std::nullopt;
                q = skip_spaces(s, q);
                if (!(starts(s, q, "月") || starts(s, q, "월"))) return std::nullopt;
                q = skip_spaces(s, q + 3);
                if (!read_num(s, q, 2, d, dd)) return std::nullopt;
                q = skip_spaces(s, q);
                for (std::string_view dmark : {"日", "号", "號", "일"})
                    if (starts(s, q, dmark)) {
                        q += dmark.size();
                        break;
                    }
                m.year = a, m.month = mo, m.day = d, m.end = q;
                return m;
            }
            return std::nullopt;
        }
        if (da > 2) return std::nullopt;
        // Numbers first: 7/3/2026, 13.02.2025, 2-13-2025
        if (p < s.size() && (s[p] == '/' || s[p] == '-' || s[p] == '.')) {
            const char sep = s[p];
            std::size_t q = p + 1;
            int b = 0, db = 0, y = 0, dy = 0;
            if (read_num(s, q, 2, b, db) && q < s.size() && s[q] == sep) {
                ++q;
                if (read_num(s, q, 4, y, dy) && (dy == 4 || (allow_short_year && dy == 2))) {
                    // A version number or score ("1.2.2025") has no business here, but the
                    // day/month check below rejects most of those anyway.
                    int month = 0, day = 0;
                    if (a > 12) month = b, day = a;
                    else if (b > 12) month = a, day = b;
                    else if (ctx.order == DateOrder::dmy) month = b, day = a;
                    else month = a, day = b;
                    m.year = expand_year(y, dy), m.month = month, m.day = day, m.end = q;
                    return m;
                }
            }
            if (sep != '.') return std::nullopt; // "13." may still start "13. Februar 2025"
        }
        // 2月13日 (no year): the year of the fetch, or the year before if that is the future.
        {
            std::size_t q = skip_spaces(s, p);
            if (starts(s, q, "月") || starts(s, q, "월")) {
                q = skip_spaces(s, q + 3);
                int d = 0, dd = 0;
                if (!read_num(s, q, 2, d, dd)) return std::nullopt;
                q = skip_spaces(s, q);
                bool marked = false;
                for (std::string_view dmark : {"日", "号", "號", "일"})
                    if (starts(s, q, dmark)) {
                        q += dmark.size();
                        marked = true;
                        break;
                    }
                if (!marked || !ctx.fetched_at) return std::nullopt;
                const year_month_day fetched{floor<days>(*ctx.fetched_at)};
                int year = int(fetched.year());
                if (a > int(unsigned(fetched.month())) ||
                    (a == int(unsigned(fetched.month())) && d > int(unsigned(fetched.day())) + 1))
                    --year;
                m.year = year, m.month = a, m.day = d, m.end = q;
                return m;
            }
        }
        // 13 February 2025, 13 Feb. 2025, 13 de febrero de 2025, 13th February 2025
        {
            std::size_t q = p;
            for (std::string_view suffix : {"st", "nd", "rd", "th"})
                if (starts(s, q, suffix)) {
                    q += 2;
                    break;
                }
            if (q < s.size() && s[q] == '.') ++q; // German "13. Februar 2025"
            q = skip_spaces(s, q);
            if (starts(s, q, "de ")) q += 3;
            const int month = read_month(s, q);
            if (month == 0) return std::nullopt;
            std::size_t r = q;
            if (r < s.size() && s[r] == ',') ++r;
            r = skip_spaces(s, r);
            if (starts(s, r, "de ")) r += 3;
            int y = 0, dy = 0;
            if (!read_num(s, r, 4, y, dy) || dy != 4) return std::nullopt;
            m.year = y, m.month = month, m.day = a, m.end = r;
            return m;
        }
    }
    // February 13, 2025 / Feb. 13 2025 / Feb 13th, 2025
    if (!is_alpha(s[pos]) || (pos > 0 && is_alpha(s[pos - 1]))) return std::nullopt;
    const int month = read_month(s, p);
    if (month == 0) return std::nullopt;
    p = skip_spaces(s, p);
    int d = 0, dd = 0;
    if (!read_num(s, p, 2, d, dd)) return std::nullopt;
    for (std::string_view suffix : {"st", "nd", "rd", "th"})
        if (starts(s, p, suffix)) {
            p += 2;
            break;
        }
    if (p < s.size() && s[p] == ',') ++p;
    p = skip_spaces(s, p);
    int y = 0, dy = 0;
    if (!read_num(s, p, 4, y, dy) || dy != 4) return std::nullopt;
    m.year = y, m.month = month, m.day = d, m.end = p;
    return m;
}

/// Separators allowed between a date and its time: ", ", " at ", " | ", " - ", "T", " · ".
std::size_t skip_date_time_separator(std::string_view s, std::size_t pos) {
    std::size_t p = pos;
    for (int guard = 0; guard < 6 && p < s.size(); ++guard) {
        const std::size_t before = p;
        p = skip_spaces(s, p);
        if (p < s.size() && (s[p] == ',' || s[p] == '|' || s[p] == '-' || s[p] == '/' || s[p] == '@' || s[p] == ';'))
            ++p;
        for (std::string_view w : {"at ", "um ", "à ", "a las ", "alle ", "\xC2\xB7", "\xE2\x80\x93", "\xE2\x80\x94",
                                   "\xE2\x80\xA2", "T"})
            if (starts(s, p, w)) p += w.size();
        if (p == before) break;
    }
    return p;
}

/// A time and zone written before the date: "4:10 PM ET, Feb. 13, 2025".
std::optional<std::pair<TimeOfDay, Zone>> time_before(std::string_view s, std::size_t date_begin,
                                                       const DateContext& ctx) {
    const std::size_t from = date_begin > 24 ? date_begin - 24 : 0;
    for (std::size_t p = from; p < date_begin; ++p) {
        if (!is_digit(s[p]) || (p > 0 && is_digit(s[p - 1]))) continue;
        std::size_t q = p;
        const auto t = read_time(s, q);
        if (!t) continue;
        Zone z = read_zone(s, q, ctx);
        const std::size_t gap = skip_date_time_separator(s, q);
        if (gap >= date_begin) return std::make_pair(*t, z);
    }
    return std::nullopt;
}

struct Found {
    ParsedDate date;
    std::size_t end = 0;
};

std::optional<Found> scan_absolute(std::string_view s, const DateContext& ctx, bool allow_short_year,
                                   std::size_t start = 0) {
    for (std::size_t pos = start; pos < s.size(); ++pos) {
        const char c = s[pos];
        if (!is_digit(c) && !is_alpha(c)) continue;
        const auto day = match_day(s, pos, ctx, allow_short_year);
        if (!day) continue;
        const year_month_day ymd{year{day->year}, month{unsigned(day->month)}, std::chrono::day{unsigned(day->day)}};
        if (!ymd.ok()) continue;
        // Zone written before the date ("北京时间2025年2月13日").
        Zone zone;
        {
            std::string_view before = s.substr(0, day->begin);
            while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
            for (std::string_view w : {"北京时间", "北京時間", "香港时间", "香港時間"})
                if (before.size() >= w.size() && before.substr(before.size() - w.size()) == w)
                    zone = {Zone::fixed, 480, {}};
        }
        std::size_t p = skip_date_time_separator(s, day->end);
        TimeOfDay tod;
        bool has_time = false;
        if (const auto t = read_time(s, p)) {
            tod = *t;
            has_time = true;
            const Zone z = read_zone(s, p, ctx);
            if (z.kind != Zone::none) zone = z;
        } else if (const auto tb = time_before(s, day->begin, ctx)) {
            tod = tb->first;
            has_time = true;
            if (tb->second.kind != Zone::none) zone = tb->second;
            p = day->end;
        } else {
            p = day->end;
        }
        const auto utc = to_utc(ymd, tod, zone, ctx);
        if (!utc) continue;
        Found f{{*utc, has_time, zone.kind != Zone::none}, p};
        if (!is_plausible(f.date, ctx)) {
            pos = day->end > pos ? day->end - 1 : pos;
            continue;
        }
        return f;
    }
    return std::nullopt;
}

// ---- Relative dates --------------------------------------------------------------------------

/// Local calendar day of `t` in ctx.timezone.
year_month_day local_day(Timestamp t, const DateContext& ctx) {
    const date::time_zone* tz = find_zone(ctx.timezone);
    if (!tz) return year_month_day{floor<days>(t)};
    const auto local = tz->to_local(t);
    return year_month_day{floor<days>(sys_seconds{local.time_since_epoch()})};
}

std::optional<ParsedDate> scan_relative(std::string_view s, const DateContext& ctx) {
    if (!ctx.fetched_at) return std::nullopt;
    const Timestamp now = *ctx.fetched_at;
    const auto day_offset = [&](int back, std::size_t after) -> std::optional<ParsedDate> {
        const year_month_day today = local_day(now, ctx);
        const year_month_day day{sys_days{today} - days{back}};
        std::size_t p = skip_date_time_separator(s, after);
        TimeOfDay tod;
        bool has_time = false;
        Zone zone;
        if (const auto t = read_time(s, p)) {
            tod = *t;
            has_time = true;
            zone = read_zone(s, p, ctx);
        }
        const auto utc = to_utc(day, tod, zone, ctx);
        if (!utc) return std::nullopt;
        return ParsedDate{*utc, has_time, zone.kind != Zone::none};
    };
    for (std::size_t pos = 0; pos < s.size(); ++pos) {
        const bool boundary = pos == 0 || !is_alpha(s[pos - 1]);
        if (boundary && is_alpha(s[pos])) {
            const std::string_view rest = s.substr(pos);
            if (text::istarts_with(rest, "yesterday")) return day_offset(1, pos + 9);
            if (text::istarts_with(rest, "today")) return day_offset(0, pos + 5);
            if (text::istarts_with(rest, "just now")) return ParsedDate{now, true, true};
        }
        for (const auto& [w, back] : {std::pair<std::string_view, int>{"昨天", 1}, {"昨日", 1}, {"前天", 2},
                                      {"今天", 0}, {"今日", 0}, {"어제", 1}, {"오늘", 0}, {"그제", 2}})
            if (starts(s, pos, w)) return day_offset(back, pos + w.size());
        for (std::string_view w : {"刚刚", "剛剛", "방금"})
            if (starts(s, pos, w)) return ParsedDate{now, true, true};
        if (!is_digit(s[pos]) || (pos > 0 && is_digit(s[pos - 1]))) continue;
        std::size_t p = pos;
        int n = 0, digits = 0;
        if (!read_num(s, p, 4, n, digits)) continue;
        std::size_t q = skip_spaces(s, p);
        struct Unit {
            std::string_view word;
            long long seconds;
        };
        static constexpr Unit kUnits[] = {
            {"seconds ago", 1}, {"second ago", 1}, {"secs ago", 1}, {"minutes ago", 60}, {"minute ago", 60},
            {"mins ago", 60}, {"min ago", 60}, {"m ago", 60}, {"hours ago", 3600}, {"hour ago", 3600},
            {"hrs ago", 3600}, {"hr ago", 3600}, {"h ago", 3600}, {"days ago", 86400}, {"day ago", 86400},
            {"d ago", 86400}, {"weeks ago", 604800}, {"week ago", 604800},
            {"秒前", 1}, {"秒钟前", 1}, {"分钟前", 60}, {"分鐘前", 60}, {"分前", 60}, {"小时前", 3600},
            {"小時前", 3600}, {"時間前", 3600}, {"天前", 86400}, {"日前", 86400}, {"周前", 604800},
            {"週間前", 604800}, {"초 전", 1}, {"분 전", 60}, {"시간 전", 3600}, {"일 전", 86400},
            {"주 전", 604800}};
        for (const auto& unit : kUnits) {
            if (!text::istarts_with(s.substr(q), unit.word)) continue;
            const Timestamp t = now - seconds{n * unit.seconds};
            if (unit.seconds >= 86400) {
                // "3 days ago": the day is known, the hour is not.
                const year_month_day day = local_day(t, ctx);
                const auto utc = to_utc(day, {}, {}, ctx);
                if (!utc) return std::nullopt;
                return ParsedDate{*utc, false, false};
            }
            return ParsedDate{t, true, true};
        }
    }
    return std::nullopt;
}

} // namespace

bool is_plausible(const ParsedDate& d, const DateContext& ctx) {
    const year_month_day ymd{floor<days>(d.time)};
    if (int(ymd.year()) < kMinPlausibleYear) return false;
    if (ctx.fetched_at && d.time > *ctx.fetched_at + days{1}) return false;
    return true;
}

std::optional<ParsedDate> parse_date_value(std::string_view value, const DateContext& ctx) {
    const std::string s = fold_fullwidth(text::trim(value));
    if (s.empty()) return std::nullopt;
    bool all_digits = s.size() <= 13;
    for (char c : s) all_digits = all_digits && is_digit(c);
    if (all_digits && (s.size() == 10 || s.size() == 13)) {
        long long v = std::stoll(s);
        if (s.size() == 13) v /= 1000;
        const ParsedDate d{Timestamp{seconds{v}}, true, true};
        if (is_plausible(d, ctx)) return d;
        return std::nullopt;
    }
    if (const auto f = scan_absolute(s, ctx, true)) return f->date;
    return std::nullopt;
}

std::optional<ParsedDate> find_date_in_text(std::string_view text, const DateContext& ctx) {
    const std::string s = fold_fullwidth(text);
    if (const auto f = scan_absolute(s, ctx, false)) return f->date;
    if (auto r = scan_relative(s, ctx); r && is_plausible(*r, ctx)) return r;
    return std::nullopt;
}

std::optional<ParsedDate> date_from_url(std::string_view url, const DateContext& ctx) {
    // Only the path: hosts and query strings hold numbers of every kind.
    std::size_t start = url.find("://");
    start = start == std::string_view::npos ? 0 : url.find('/', start + 3);
    if (start == std::string_view::npos) return std::nullopt;
    std::string_view path = url.substr(start);
    if (const auto q = path.find_first_of("?#"); q != std::string_view::npos) path = path.substr(0, q);

    const auto make = [&](int y, int m, int d) -> std::optional<ParsedDate> {
        if (y < kMinPlausibleYear || y > 2100) return std::nullopt;
        const year_month_day ymd{year{y}, month{unsigned(m)}, day{unsigned(d)}};
        if (!ymd.ok()) return std::nullopt;
        const auto utc = to_utc(ymd, {}, {}, ctx);
        if (!utc) return std::nullopt;
        ParsedDate date{*utc, false, false};
        if (!is_plausible(date, ctx)) return std::nullopt;
        return date;
    };
    const auto num = [&](std::size_t pos, std::size_t len, int& out) {
        if (pos + len > path.size()) return false;
        out = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (!is_digit(path[i])) return false;
            out = out * 10 + (path[i] - '0');
        }
        return true;
    };
    const auto boundary = [&](std::size_t pos) {
        return pos >= path.size() || !is_digit(path[pos]);
    };
    for (std::size_t i = 0; i + 8 <= path.size(); ++i) {
        if (i > 0 && is_digit(path[i - 1])) continue;
        int y = 0, m = 0, d = 0;
        if (!num(i, 4, y) || y < 1995 || y > 2100) continue;
        const std::size_t a = i + 4;
        // /2025/02/13/ and /2025-02-13 and /2025_02_13
        if (a < path.size() && (path[a] == '/' || path[a] == '-' || path[a] == '_')) {
            const char sep = path[a];
            std::size_t b = a + 1, mlen = 0;
            while (b + mlen < path.size() && is_digit(path[b + mlen]) && mlen < 3) ++mlen;
            if ((mlen == 1 || mlen == 2) && num(b, mlen, m) && b + mlen < path.size() && path[b + mlen] == sep) {
                std::size_t c = b + mlen + 1, dlen = 0;
                while (c + dlen < path.size() && is_digit(path[c + dlen]) && dlen < 3) ++dlen;
                if ((dlen == 1 || dlen == 2) && num(c, dlen, d))
                    if (auto r = make(y, m, d)) return r;
            }
            // /2025/0213/
            if (sep == '/' && num(a + 1, 4, m) && boundary(a + 5)) {
                if (auto r = make(y, m / 100, m % 100)) return r;
            }
            continue;
        }
        // /20250213-slug or /20250213/ (exactly eight digits)
        if (num(a, 2, m) && num(a + 2, 2, d) && boundary(a + 4)) {
            if (auto r = make(y, m, d)) return r;
        }
    }
    return std::nullopt;
}

} // namespace rumorwatch
