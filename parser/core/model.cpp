#include "parser/core/model.h"

namespace rumorwatch {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::pair<Enum, std::string_view> (&table)[N], std::string_view name) {
    for (const auto& [value, text] : table)
        if (text == name) return value;
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view name_of(const std::pair<Enum, std::string_view> (&table)[N], Enum value) {
    for (const auto& [v, text] : table)
        if (v == value) return text;
    return "?";
}

constexpr std::pair<RumorStatus, std::string_view> kStatusNames[] = {
    {RumorStatus::none, "none"},
    {RumorStatus::mentioned, "mentioned"},
    {RumorStatus::speculation, "speculation"},
    {RumorStatus::reported, "reported"},
    {RumorStatus::partially_confirmed, "partially_confirmed"},
    {RumorStatus::confirmed, "confirmed"},
    {RumorStatus::denied, "denied"},
    {RumorStatus::stalled, "stalled"},
    {RumorStatus::cancelled, "cancelled"},
};

constexpr std::pair<DateOrder, std::string_view> kDateOrderNames[] = {
    {DateOrder::mdy, "mdy"}, {DateOrder::dmy, "dmy"}, {DateOrder::ymd, "ymd"}};

constexpr std::pair<OutletTier, std::string_view> kTierNames[] = {
    {OutletTier::wire, "wire"}, {OutletTier::major, "major"},
    {OutletTier::trade, "trade"}, {OutletTier::blog, "blog"}};

} // namespace

std::string_view to_string(RumorStatus s) { return name_of(kStatusNames, s); }
std::optional<RumorStatus> status_from_string(std::string_view n) { return lookup(kStatusNames, n); }
std::string_view to_string(DateOrder o) { return name_of(kDateOrderNames, o); }
std::optional<DateOrder> date_order_from_string(std::string_view n) { return lookup(kDateOrderNames, n); }
std::string_view to_string(OutletTier t) { return name_of(kTierNames, t); }
std::optional<OutletTier> tier_from_string(std::string_view n) { return lookup(kTierNames, n); }

} // namespace rumorwatch
