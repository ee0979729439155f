#include "query/timeline/source.h"

#include <algorithm>

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

TimelineEntry to_entry(const StoredArticle& stored, const RumorAnalysis& analysis) {
    const ArticleRecord& r = stored.record;
    const Article& a = r.article;
    TimelineEntry e;
    e.id = stored.id;
    e.url = a.canonical_url.empty() ? a.url : a.canonical_url;
    e.title = a.title;
    e.outlet_id = r.outlet_id;
    e.outlet_name = a.site_name.empty() ? r.outlet_id : a.site_name;
    e.tier = r.tier;
    e.language = a.language;
    if (a.published) {
        e.when = a.published->time;
        e.date_source = "published (" + a.published->source + ")";
        e.date_reliable = a.published->reliable;
    } else {
        // Never pass the fetch time off as a publication date: say it is first-seen.
        e.when = stored.first_seen.time_since_epoch().count() ? stored.first_seen : r.crawled_at;
        e.date_source = "first seen";
        e.date_reliable = false;
    }
    e.status = analysis.status;
    if (analysis.evidence && *analysis.evidence < analysis.mentions.size()) {
        const Mention& m = analysis.mentions[*analysis.evidence];
        e.evidence = m.sentence;
        e.cue = m.cue;
        e.attribution = m.attribution;
    }
    e.analysed_status = analysis.status;
    if (stored.correction) {
        // The analyst's word replaces the analysis; the entry says so wherever it is shown.
        e.status = stored.correction->status;
        e.corrected = true;
        e.correction_note = stored.correction->note;
    }
    e.dup_group = r.near_dup_group;
    e.warc_file = r.warc_file;
    e.warc_record_id = r.warc_record_id;
    return e;
}

} // namespace

TimelineInput timeline_input(const std::vector<StoredArticle>& articles, const std::string& topic_id) {
    TimelineInput input;
    for (const StoredArticle& stored : articles) {
        // A multi-topic crawl analysed the article once per topic: this topic's analysis.
        const RumorAnalysis* analysis = analysis_for(stored.record, topic_id);
        if (!analysis) continue;
        TimelineEntry entry = to_entry(stored, *analysis);
        // Versions are oldest first; the current version follows the last of them.
        std::vector<ArticleVersion> history = stored.versions;
        history.push_back(current_version(stored));
        for (std::size_t i = 1; i < history.size(); ++i) {
            const auto before = history[i - 1].status;
            const auto after = history[i].status;
            if (!before || !after || *before == *after) continue;
            TimelineEdit edit;
            edit.entry = entry;
            edit.seen = history[i].crawled_at;
            edit.from = *before;
            edit.to = *after;
            edit.old_title = history[i - 1].title;
            input.edits.push_back(std::move(edit));
        }
        input.entries.push_back(std::move(entry));
    }
    return input;
}

void filter_timeline_input(TimelineInput& input, const std::vector<std::string>& outlets,
                           const std::vector<std::string>& languages) {
    const auto keep = [&](const TimelineEntry& e) {
        const bool outlet_ok = outlets.empty() || std::find(outlets.begin(), outlets.end(), e.outlet_id) != outlets.end();
        const bool lang_ok =
            languages.empty() || std::find(languages.begin(), languages.end(), e.language) != languages.end();
        return outlet_ok && lang_ok;
    };
    std::erase_if(input.entries, [&](const TimelineEntry& e) { return !keep(e); });
    std::erase_if(input.edits, [&](const TimelineEdit& e) { return !keep(e.entry); });
}

} // namespace rumorwatch
