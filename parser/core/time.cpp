#include "parser/core/time.h"

#include <cctype>
#include <charconv>
#include <cstdio>

namespace rumorwatch {
namespace {

using namespace std::chrono;

bool read_int(std::string_view text, std::size_t& pos, std::size_t digits, int& out) {
    if (pos + digits > text.size()) return false;
    for (std::size_t i = pos; i < pos + digits; ++i)
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    std::from_chars(text.data() + pos, text.data() + pos + digits, out);
    pos += digits;
    return true;
}

} // namespace

std::string format_iso8601(Timestamp t) {
    const auto day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss hms{t - day};
    char buf[64]; // roomy enough for any int fields, so the compiler can prove no truncation
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(ymd.year()),
                  unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
                  int(hms.minutes().count()), int(hms.seconds().count()));
    return buf;
}

std::string format_day(Timestamp t) { return format_iso8601(t).substr(0, 10); }

std::optional<Timestamp> parse_iso8601(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    std::size_t pos = 0;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (!read_int(text, pos, 4, y) || pos >= text.size() || text[pos++] != '-' ||
        !read_int(text, pos, 2, mo) || pos >= text.size() || text[pos++] != '-' ||
        !read_int(text, pos, 2, d))
        return std::nullopt;
    const year_month_day ymd{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
    if (!ymd.ok()) return std::nullopt;
    seconds offset{0};
    if (pos < text.size()) {
        if (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ') return std::nullopt;
        ++pos;
        if (!read_int(text, pos, 2, h) || pos >= text.size() || text[pos++] != ':' ||
            !read_int(text, pos, 2, mi))
            return std::nullopt;
        if (pos < text.size() && text[pos] == ':') {
            ++pos;
            if (!read_int(text, pos, 2, s)) return std::nullopt;
            if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
                ++pos;
                while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
            }
        }
        if (h > 23 || mi > 59 || s > 60) return std::nullopt;
        if (pos < text.size()) {
            const char sign = text[pos];
            if (sign == 'Z' || sign == 'z') {
                ++pos;
            } else if (sign == '+' || sign == '-') {
                ++pos;
                int oh = 0, om = 0;
                if (!read_int(text, pos, 2, oh)) return std::nullopt;
                if (pos < text.size() && text[pos] == ':') ++pos;
                if (pos < text.size() && !read_int(text, pos, 2, om)) return std::nullopt;
                if (oh > 14 || om > 59) return std::nullopt;
                offset = hours{oh} + minutes{om};
                if (sign == '-') offset = -offset;
            } else {
                return std::nullopt;
            }
        }
        if (pos != text.size()) return std::nullopt;
    }
    return Timestamp{sys_days{ymd}} + hours{h} + minutes{mi} + seconds{s} - offset;
}

long long to_unix(Timestamp t) { return t.time_since_epoch().count(); }
Timestamp from_unix(long long s) { return Timestamp{seconds{s}}; }

} // namespace rumorwatch
