#include "query/timeline/source.h"

#include <algorithm>
#include <map>
#include <optional>

#include "parser/core/core.h"

// The piece-kind words (query/timeline/data/piece_kinds.tsv), built into the binary.
asm(".pushsection .rodata\n"
    ".global rumorwatch_piece_kinds_begin\nrumorwatch_piece_kinds_begin:\n"
    ".incbin \"" RUMORWATCH_PIECE_KINDS_PATH "\"\n"
    ".global rumorwatch_piece_kinds_end\nrumorwatch_piece_kinds_end:\n"
    ".byte 0\n"
    ".popsection\n");
extern "C" const char rumorwatch_piece_kinds_begin[];
extern "C" const char rumorwatch_piece_kinds_end[];

namespace rumorwatch {
namespace {

/// word (lower case) -> kind, from the data file.
const std::map<std::string, std::string>& piece_kinds() {
    static const std::map<std::string, std::string> kinds = [] {
        std::map<std::string, std::string> m;
        std::string_view data(rumorwatch_piece_kinds_begin,
                              static_cast<std::size_t>(rumorwatch_piece_kinds_end - rumorwatch_piece_kinds_begin));
        while (!data.empty()) {
            const std::size_t nl = data.find('\n');
            std::string_view line = data.substr(0, nl);
            data.remove_prefix(nl == std::string_view::npos ? data.size() : nl + 1);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            if (line.empty() || line.front() == '#') continue;
            const std::size_t tab = line.find('\t');
            if (tab == std::string_view::npos) continue;
            m.emplace(text::to_lower_ascii(std::string(line.substr(0, tab))), std::string(line.substr(tab + 1)));
        }
        return m;
    }();
    return kinds;
}

/// "opinion", "explainer", ... when the section, a keyword or the headline's label says so.
std::string piece_kind(const Article& a) {
    const auto& kinds = piece_kinds();
    const auto lookup = [&](std::string word) -> std::string {
        word = text::to_lower_ascii(std::string(text::trim(word)));
        const auto it = kinds.find(word);
        return it == kinds.end() ? std::string() : it->second;
    };
    if (auto k = lookup(a.section); !k.empty()) return k;
    for (const std::string& keyword : a.keywords)
        if (auto k = lookup(keyword); !k.empty()) return k;
    for (const std::string_view colon : {std::string_view(":"), std::string_view("\xEF\xBC\x9A")}) // ':' and '：'
        if (const std::size_t at = a.title.find(colon); at != std::string::npos && at <= 40)
            if (auto k = lookup(a.title.substr(0, at)); !k.empty()) return k;
    return {};
}

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
        e.utc_offset_minutes = a.published->utc_offset_minutes;
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
    e.day_only = a.published && !a.published->has_time_of_day;
    e.piece_kind = piece_kind(a);
    e.echo_of = r.echo_of;
    e.echo_signal = r.echo_signal;
    if (analysis.evidence && *analysis.evidence < analysis.mentions.size())
        e.background = analysis.mentions[*analysis.evidence].background;
    // Who the article puts on record: the speakers of its own (not background) statements
    // about the deal. A party quoted on the step counts even when its own sentence is read
    // as a different status (Apple "adjusting the launch time" of a paused feature).
    for (const Mention& m : analysis.mentions)
        if (!m.background && !m.attribution.empty() && m.status != RumorStatus::none &&
            m.status != RumorStatus::mentioned && m.status != RumorStatus::speculation)
            e.speakers.push_back(m.attribution);
    e.warc_file = r.warc_file;
    e.warc_record_id = r.warc_record_id;
    return e;
}

/// `entry` as version `v` saw it, at `when`.
TimelineEntry with_version(const TimelineEntry& entry, const ArticleVersion& v, Timestamp when,
                           const std::string& version) {
    TimelineEntry e = entry;
    e.when = when;
    e.version = version;
    // An analyst's correction judges the article, every version of it.
    if (v.status && !e.corrected) e.status = *v.status;
    if (!v.title.empty()) e.title = v.title;
    if (v.evidence) {
        e.evidence = v.evidence->sentence;
        e.cue = v.evidence->cue;
        e.attribution = v.evidence->attribution;
        // An earlier version keeps only its deciding statement: its speaker is who is on record.
        e.speakers.clear();
        e.background = false;
        if (!e.attribution.empty()) e.speakers.push_back(e.attribution);
    }
    if (v.utc_offset_minutes) e.utc_offset_minutes = v.utc_offset_minutes;
    if (!v.warc_file.empty()) {
        e.warc_file = v.warc_file;
        e.warc_record_id = v.warc_record_id;
    }
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
        // Versions as events: the article as first published counts when and as it was
        // first published; each later version whose status differs is an event of its own at
        // its own time (the page's modified time, else the crawl that first saw it).
        std::vector<TimelineEntry> events;
        std::optional<std::size_t> first_known; // the first version with a status
        for (std::size_t i = 0; i < history.size(); ++i)
            if (history[i].status) {
                first_known = i;
                break;
            }
        if (!first_known || history.size() == 1) {
            entry.version = history.size() > 1 ? "edit" : "";
            events.push_back(entry);
        } else {
            const ArticleVersion& v0 = history[*first_known];
            TimelineEntry original = with_version(entry, v0, entry.when, "original");
            events.push_back(original);
            Timestamp last_time = original.when;
            std::optional<Timestamp> last_modified = v0.modified;
            RumorStatus last_status = *v0.status;
            for (std::size_t i = *first_known + 1; i < history.size(); ++i) {
                const ArticleVersion& v = history[i];
                if (!v.status) continue;
                // A modified time the page already gave the earlier version is not this
                // version's: fall back to the crawl that first saw it.
                const bool own_modified = v.modified && v.modified != last_modified && *v.modified > last_time;
                const Timestamp when = own_modified ? *v.modified : v.crawled_at;
                last_modified = v.modified;
                if (*v.status == last_status) continue;
                TimelineEdit edit;
                edit.entry = entry;
                edit.seen = when;
                edit.from = last_status;
                edit.to = *v.status;
                edit.old_title = history[i - 1].title;
                input.edits.push_back(std::move(edit));
                TimelineEntry e = with_version(entry, v, when, "edit");
                e.date_source = own_modified ? "modified" : "first seen (edit)";
                e.date_reliable = own_modified;
                if (i + 1 == history.size()) {
                    // The current version keeps the analysis's evidence of this topic.
                    e.evidence = entry.evidence;
                    e.cue = entry.cue;
                    e.attribution = entry.attribution;
                    e.status = entry.status;
                    e.speakers = entry.speakers;
                    e.background = entry.background;
                }
                events.push_back(std::move(e));
                last_time = when;
                last_status = *v.status;
            }
        }
        for (auto& e : events) input.entries.push_back(std::move(e));
    }
    return input;
}

std::vector<std::string> party_names(const Topic& topic) {
    std::vector<std::string> names;
    for (const TopicEntity& entity : topic.entities) {
        if (!entity.party) continue;
        for (const std::string& alias : entity.aliases) {
            // Products and the deal's object ("Apple Intelligence", 千问) are not speakers.
            if (alias.empty() || alias.back() == '*') continue;
            const bool object = std::any_of(topic.frame.object.begin(), topic.frame.object.end(),
                                            [&](const std::string& o) { return alias.find(o) != std::string::npos; });
            if (!object) names.push_back(alias);
        }
    }
    return names;
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
