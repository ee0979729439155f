/// \file
/// Timeline -> the documented JSON shape.
#include "query/timeline/export/export.h"

#include <ostream>

#include <nlohmann/json.hpp>

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

using nlohmann::json;

json entry_json(const TimelineEntry& e) {
    json warc = nullptr;
    if (!e.warc_file.empty()) warc = {{"file", e.warc_file}, {"record_id", e.warc_record_id}};
    json j = {{"id", e.id},
            {"url", e.url},
            {"title", e.title},
            {"outlet", e.outlet_id},
            {"outlet_name", e.outlet_name},
            {"tier", std::string(to_string(e.tier))},
            {"language", e.language},
            {"date", format_iso8601(e.when)},
            {"local_date", format_entry_time(e)},
            {"date_source", e.date_source},
            {"date_reliable", e.date_reliable},
            {"status", e.status},
            {"evidence", e.evidence},
            {"cue", e.cue},
            {"attribution", e.attribution},
            {"dup_group", e.dup_group},
            {"warc", warc},
            {"version", e.version},
            {"utc_offset_minutes", e.utc_offset_minutes ? json(*e.utc_offset_minutes) : json(nullptr)},
            {"piece_kind", e.piece_kind},
            {"echo_of", e.echo_of},
            {"echo_signal", e.echo_signal}};
    if (e.corrected)
        j["correction"] = {{"by_hand", true}, {"analysed_status", e.analysed_status}, {"note", e.correction_note}};
    return j;
}

} // namespace

json transition_to_json(const Transition& t) {
    json echoes = json::array();
    for (const Echo& e : t.echoes) echoes.push_back({{"why", e.why}, {"entry", entry_json(e.entry)}});
    json corroborations = json::array();
    for (const TimelineEntry& c : t.corroborations) corroborations.push_back(entry_json(c));
    return {{"date", format_iso8601(t.when)},
            {"from", t.from},
            {"to", t.to},
            {"first", entry_json(t.first)},
            {"echoes", echoes},
            {"corroborations", corroborations},
            {"independent_sources", t.independent_sources},
            {"reach", static_cast<int>(t.echoes.size())},
            {"rule", t.rule},
            {"speaker", t.speaker},
            {"confirmed_by", t.confirmed_by ? entry_json(*t.confirmed_by) : json(nullptr)}};
}

json timeline_to_json(const Timeline& tl, const ExportContext& context) {
    json buckets = json::array();
    for (const BucketRow& row : all_buckets(tl)) {
        json counts = json::object();
        for (const auto& [status, count] : row.counts) counts[std::string(to_string(status))] = count;
        buckets.push_back({{"start", format_day(row.start)},
                           {"end", format_day(row.end)},
                           {"total", row.total},
                           {"counts", counts},
                           {"state", row.state},
                           {"outlets_so_far", row.outlets_so_far}});
    }
    json transitions = json::array();
    for (const Transition& t : tl.transitions) transitions.push_back(transition_to_json(t));
    json first = json::array();
    for (const FirstCoverage& f : tl.first_coverage)
        first.push_back({{"outlet", f.outlet_id}, {"outlet_name", f.outlet_name}, {"entry", entry_json(f.entry)}});
    json stale = json::array();
    for (const StaleArticle& s : tl.stale)
        stale.push_back({{"entry", entry_json(s.entry)},
                         {"established", s.established},
                         {"established_since", format_iso8601(s.established_since)}});
    json edits = json::array();
    for (const TimelineEdit& e : tl.edits)
        edits.push_back({{"seen", format_iso8601(e.seen)},
                         {"from", e.from},
                         {"to", e.to},
                         {"old_title", e.old_title},
                         {"entry", entry_json(e.entry)}});
    return {{"topic", tl.topic_id},
            {"topic_name", context.topic_name},
            {"bucket", std::string(to_string(tl.bucket))},
            {"state", tl.state},
            {"articles", tl.articles},
            {"buckets", buckets},
            {"transitions", transitions},
            {"first_coverage", first},
            {"stale", stale},
            {"edits", edits}};
}

void write_timeline_json(const Timeline& tl, const ExportContext& context, std::ostream& out) {
    // error_handler replace: text from the web that is not valid UTF-8 never breaks output.
    out << timeline_to_json(tl, context).dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

} // namespace rumorwatch
