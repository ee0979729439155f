/// \file
/// An IANA zone's UTC offset at an instant (for showing UTC times in an outlet's local time).
#include "parser/extract/extract.h"

#include <date/tz.h>

namespace rumorwatch {

std::optional<int> zone_offset_minutes(std::string_view zone, Timestamp at) {
    try {
        const date::time_zone* tz = date::locate_zone(std::string(zone));
        if (!tz) return std::nullopt;
        const auto info = tz->get_info(at);
        return static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(info.offset).count());
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace rumorwatch
