/// \file
/// segment_around: a backward and a forward scan for the nearest boundary.
#include "parser/analysis/clauses.h"

namespace rumorwatch {

std::pair<std::size_t, std::size_t> segment_around(std::string_view s, std::size_t pos) {
    auto boundary_at = [&](std::size_t i) -> std::size_t {
        // Checked on the first byte before any comparison: this runs for every byte.
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')') return 1;
        if (c == 0xEF || c == 0xE2) {
            for (std::string_view mark : {"，", "；", "：", "—", "（", "）"})
                if (s.compare(i, mark.size(), mark) == 0) return mark.size();
        } else if (c == ' ' && i + 3 < s.size()) {
            const char n = s[i + 1];
            if (n != 'a' && n != 'w' && n != 'b' && n != 's') return 0;
            for (std::string_view word : {" as ", " while ", " after ", " because ", " when ", " but ", " and ", " since "})
                if (s.compare(i, word.size(), word) == 0) return word.size();
        }
        return 0;
    };
    std::size_t b = 0, e = s.size();
    for (std::size_t i = pos; i-- > 0;)
        if (const auto n = boundary_at(i); n && i + n <= pos) {
            b = i + n;
            break;
        }
    for (std::size_t i = pos; i < s.size(); ++i)
        if (boundary_at(i)) {
            e = i;
            break;
        }
    return {b, e};
}

} // namespace rumorwatch
