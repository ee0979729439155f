/// \file
/// The article sheet: one row per article for coding in a spreadsheet (CSV, JSON).
#include "query/timeline/export/export.h"

#include <cstdio>
#include <map>
#include <ostream>

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

/// "+08:00", "-05:30", "+00:00".
std::string offset_text(int minutes) {
    char buf[16];
    const int a = minutes < 0 ? -minutes : minutes;
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", minutes < 0 ? '-' : '+', a / 60, a % 60);
    return buf;
}

/// `t` as local time at `minutes` east of UTC, with the offset: "2025-02-10T17:00:00+08:00".
std::string local_iso(Timestamp t, int minutes) {
    std::string s = format_iso8601(t + std::chrono::minutes(minutes));
    if (!s.empty() && s.back() == 'Z') s.pop_back();
    return s + offset_text(minutes);
}

constexpr const char* kColumns[] = {"local_date", "zone",     "outlet",  "tier",     "status",
                                    "confidence", "corrected_by_hand",   "analysed_status", "correction_note",
                                    "evidence",   "cue",      "speaker", "echo_of",  "echoes",
                                    "url",        "title",    "language", "date_source", "id"};

std::string confidence_text(double c) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", c);
    return buf;
}

} // namespace

std::vector<SheetRow> article_sheet(const std::vector<StoredArticle>& articles, const std::string& topic_id,
                                    const OutletOffset& outlet_offset) {
    // Echoes point at their origin by canonical URL; the origin lists them back.
    std::map<std::string, std::vector<std::string>> echoes;
    for (const StoredArticle& a : articles)
        if (!a.record.echo_of.empty()) echoes[a.record.echo_of].push_back(a.record.article.canonical_url);
    std::vector<SheetRow> rows;
    for (const StoredArticle& stored : articles) {
        const RumorAnalysis* analysis = analysis_for(stored.record, topic_id);
        if (!analysis) continue;
        const ArticleRecord& r = stored.record;
        const Article& a = r.article;
        SheetRow row;
        row.id = stored.id;
        row.url = a.canonical_url.empty() ? a.url : a.canonical_url;
        row.title = a.title;
        std::optional<int> offset;
        if (a.published && a.published->utc_offset_minutes) {
            offset = a.published->utc_offset_minutes;
            row.zone = "UTC" + offset_text(*offset) + " (page)"; // "UTC" first: a cell opening with + is a formula
        } else if (outlet_offset) {
            if (const auto zone = outlet_offset(r.outlet_id, stored.time)) {
                offset = zone->second;
                row.zone = zone->first + " (outlet)";
            }
        }
        if (!offset) {
            offset = 0;
            row.zone = "UTC (zone unknown)";
        }
        row.local_date = local_iso(stored.time, *offset);
        row.date_source = a.published ? "published (" + a.published->source + ")" : "first seen";
        row.outlet = r.outlet_id;
        row.tier = std::string(to_string(r.tier));
        row.language = a.language;
        row.analysed_status = analysis->status;
        row.status = analysis->status;
        row.confidence = analysis->confidence;
        if (stored.correction) {
            row.corrected = true;
            row.status = stored.correction->status;
            row.correction_note = stored.correction->note;
        }
        if (analysis->evidence && *analysis->evidence < analysis->mentions.size()) {
            const Mention& m = analysis->mentions[*analysis->evidence];
            row.evidence = m.sentence;
            row.cue = m.cue;
            row.speaker = m.attribution;
        }
        row.echo_of = r.echo_of;
        if (auto it = echoes.find(row.url); it != echoes.end()) row.echoes = it->second;
        rows.push_back(std::move(row));
    }
    return rows;
}

void write_sheet_csv(const std::vector<SheetRow>& rows, std::ostream& out) {
    std::vector<std::string> header(std::begin(kColumns), std::end(kColumns));
    out << csv_row(header);
    for (const SheetRow& r : rows) {
        std::string echoes;
        for (const auto& e : r.echoes) echoes += (echoes.empty() ? "" : " ") + e;
        out << csv_row({r.local_date, r.zone, r.outlet, r.tier, std::string(to_string(r.status)),
                        confidence_text(r.confidence), r.corrected ? "yes" : "no",
                        std::string(to_string(r.analysed_status)), r.correction_note, r.evidence, r.cue, r.speaker,
                        r.echo_of, echoes, r.url, r.title, r.language, r.date_source, r.id});
    }
}

nlohmann::json sheet_to_json(const std::vector<SheetRow>& rows) {
    nlohmann::json out = nlohmann::json::array();
    for (const SheetRow& r : rows)
        out.push_back({{"local_date", r.local_date},
                       {"zone", r.zone},
                       {"outlet", r.outlet},
                       {"tier", r.tier},
                       {"status", r.status},
                       {"confidence", r.confidence},
                       {"corrected_by_hand", r.corrected},
                       {"analysed_status", r.analysed_status},
                       {"correction_note", r.correction_note},
                       {"evidence", r.evidence},
                       {"cue", r.cue},
                       {"speaker", r.speaker},
                       {"echo_of", r.echo_of},
                       {"echoes", r.echoes},
                       {"url", r.url},
                       {"title", r.title},
                       {"language", r.language},
                       {"date_source", r.date_source},
                       {"id", r.id}});
    return out;
}

} // namespace rumorwatch
