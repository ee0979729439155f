/// \file
/// Timeline -> an Atom feed (RFC 4287) with one entry per transition, newest first.
#include "query/timeline/export/export.h"

#include <ostream>

#include "parser/core/core.h"

namespace rumorwatch {

void write_timeline_atom(const Timeline& tl, const ExportContext& ctx, std::ostream& out) {
    const std::string name = ctx.topic_name.empty() ? tl.topic_id : ctx.topic_name;
    Timestamp updated = ctx.generated;
    if (!tl.transitions.empty() && updated.time_since_epoch().count() == 0) updated = tl.transitions.back().when;
    out << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        << "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        << "  <id>urn:rumorwatch:topic:" << xml_escape(tl.topic_id) << "</id>\n"
        << "  <title>" << xml_escape(name) << " — rumorwatch</title>\n"
        << "  <subtitle>Each entry is a change in the rumor's state, with the article that carried it.</subtitle>\n"
        << "  <updated>" << format_iso8601(updated) << "</updated>\n"
        << "  <generator>rumorwatch</generator>\n";
    for (auto it = tl.transitions.rbegin(); it != tl.transitions.rend(); ++it) {
        const Transition& t = *it;
        const TimelineEntry& e = t.first;
        out << "  <entry>\n"
            << "    <id>urn:rumorwatch:" << xml_escape(tl.topic_id) << ":" << format_iso8601(t.when) << ":"
            << to_string(t.to) << "</id>\n"
            << "    <title>" << xml_escape(std::string(to_string(t.from)) + " → " + std::string(to_string(t.to)) +
                                            ": " + one_line(e.title))
            << "</title>\n"
            << "    <updated>" << format_iso8601(t.when) << "</updated>\n"
            << "    <author><name>" << xml_escape(e.outlet_name.empty() ? e.outlet_id : e.outlet_name)
            << "</name></author>\n";
        if (e.url.starts_with("http://") || e.url.starts_with("https://"))
            out << "    <link rel=\"alternate\" href=\"" << xml_escape(e.url) << "\"/>\n";
        // The bucket (--bucket) the step falls in, and how many articles that bucket had.
        for (const BucketRow& row : tl.buckets)
            if (row.start <= t.when && t.when < row.end)
                out << "    <category scheme=\"urn:rumorwatch:" << to_string(tl.bucket) << "\" term=\""
                    << xml_escape(bucket_label(row, tl.bucket)) << "\" label=\"" << row.total << " article"
                    << (row.total == 1 ? "" : "s") << " that " << to_string(tl.bucket) << "\"/>\n";
        out << "    <category term=\"" << to_string(t.to) << "\"/>\n"
            << "    <summary type=\"text\">" << xml_escape(one_line(e.evidence));
        if (!e.attribution.empty()) out << " — " << xml_escape(e.attribution);
        if (e.corrected) out << " (corrected by hand; the analysis said " << to_string(e.analysed_status) << ")";
        out << " (" << t.independent_sources << " independent source" << (t.independent_sources == 1 ? "" : "s")
            << ")</summary>\n"
            << "  </entry>\n";
    }
    out << "</feed>\n";
}

} // namespace rumorwatch
