/// \file
/// `rumorwatch show URL|ID`: one article with every version (what changed in title and
/// status) and its mentions with evidence.
#include <iomanip>
#include <memory>
#include <ostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include "index/index.h"
#include "parser/core/core.h"
#include "query/cli/cli.h"
#include "query/cli/options.h"

namespace rumorwatch {
namespace {

using nlohmann::json;

struct ShowArgs {
    std::string target;
    std::vector<std::string> dbs;
    std::string format = "text";
    bool terms = false;
};

std::string str(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

/// Every version, oldest first, the current one last, each with "changes": what differs
/// from the version before it ("title", "status", "text", "published").
json versions_with_changes(const StoredArticle& a) {
    json all = json::array();
    for (const auto& v : a.versions) all.push_back(json(v));
    json current = current_version(a);
    current["current"] = true;
    all.push_back(current);
    for (std::size_t i = 0; i < all.size(); ++i) {
        json changes = json::array();
        if (i > 0) {
            const json& before = all[i - 1];
            if (str(before, "title") != str(all[i], "title")) changes.push_back("title");
            if (str(before, "status") != str(all[i], "status")) changes.push_back("status");
            if (str(before, "content_hash") != str(all[i], "content_hash")) changes.push_back("text");
            if (before.value("published", json()) != all[i].value("published", json()))
                changes.push_back("published");
        }
        all[i]["changes"] = changes;
        if (!all[i].contains("current")) all[i]["current"] = false;
    }
    return all;
}

json article_json(const StoredArticle& a) {
    const auto& r = a.record;
    json j = {{"id", a.id},
            {"url", r.article.canonical_url},
            {"fetched_url", r.article.url},
            {"outlet", r.outlet_id},
            {"tier", std::string(to_string(r.tier))},
            {"date", format_iso8601(a.time)},
            {"date_source", a.time_source},
            {"first_seen", format_iso8601(a.first_seen)},
            {"crawled_at", format_iso8601(r.crawled_at)},
            {"content_hash", r.content_hash},
            {"near_dup_group", r.near_dup_group},
            {"warc_file", r.warc_file},
            {"warc_record_id", r.warc_record_id},
            {"article", r.article},
            {"analysis", r.analysis},
            {"other_topics", r.other_topics},
            {"versions", versions_with_changes(a)}};
    j["correction"] = a.correction ? json(*a.correction) : json(nullptr);
    return j;
}

std::string line(std::string_view text) { return terminal_line(text); }

/// Where `a` was republished: stored articles of its topic that are echoes of it (echo_of
/// names it, or a later near-duplicate from another outlet), as "url (signal)".
std::vector<std::string> republished_by(IndexReader& reader, const StoredArticle& a) {
    std::vector<std::string> out;
    const auto& r = a.record;
    if (r.analysis.topic_id.empty() || !r.echo_of.empty()) return out;
    TimelineRequest request;
    request.topic_id = r.analysis.topic_id;
    for (const StoredArticle& other : reader.timeline_articles(request)) {
        const auto& o = other.record;
        if (other.id == a.id) continue;
        if (o.echo_of == r.article.canonical_url) {
            out.push_back(o.article.canonical_url + " (" + (o.echo_signal.empty() ? "echo" : o.echo_signal) + ")");
        } else if (o.echo_of.empty() && !r.near_dup_group.empty() && o.near_dup_group == r.near_dup_group &&
                   o.outlet_id != r.outlet_id && other.time > a.time) {
            out.push_back(o.article.canonical_url + " (" + (o.echo_signal.empty() ? "near-duplicate" : o.echo_signal) + ")");
        }
    }
    return out;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ", ") + line(i);
    return out;
}

void field(std::ostream& out, const char* label, const std::string& value) {
    if (!value.empty()) out << "  " << std::left << std::setw(11) << label << value << "\n";
}

void print_text(const StoredArticle& a, const std::vector<std::string>& republished, Io& io) {
    std::ostream& out = io.out;
    const auto& r = a.record;
    const Article& art = r.article;
    const std::string bold = io.out_is_tty ? "\x1b[1m" : "", plain = io.out_is_tty ? "\x1b[0m" : "";
    out << bold << line(art.title.empty() ? "(no title)" : art.title) << plain << "\n";
    field(out, "id", a.id);
    field(out, "url", line(art.canonical_url));
    if (art.url != art.canonical_url) field(out, "fetched", line(art.url));
    field(out, "outlet", line(r.outlet_id) + " (" + std::string(to_string(r.tier)) + ")");
    field(out, "language", line(art.language));
    if (art.published) {
        field(out, "published", format_iso8601(art.published->time) + " (" + line(art.published->source) +
                                    (art.published->reliable ? ", reliable" : ", from the text: unreliable") + ")");
    } else {
        field(out, "published", "unknown; filed under first seen " + format_iso8601(a.first_seen));
    }
    if (art.modified) field(out, "modified", format_iso8601(art.modified->time));
    field(out, "first seen", format_iso8601(a.first_seen));
    field(out, "crawled", format_iso8601(r.crawled_at));
    field(out, "authors", join(art.authors));
    std::ostringstream status;
    status << to_string(r.analysis.status);
    if (!r.analysis.topic_id.empty())
        status << " (topic " << line(r.analysis.topic_id) << ", confidence " << std::fixed << std::setprecision(2)
               << r.analysis.confidence << ")";
    field(out, "status", status.str());
    if (a.correction) {
        std::string c = std::string(to_string(a.correction->status)) + " (corrected by hand " +
                        format_iso8601(a.correction->at) + ")";
        if (!a.correction->note.empty()) c += ": " + line(a.correction->note);
        field(out, "correction", c);
    }
    for (const auto& other : r.other_topics) {
        std::ostringstream also;
        also << to_string(other.status) << " (topic " << line(other.topic_id) << ", confidence " << std::fixed
             << std::setprecision(2) << other.confidence << ")";
        field(out, "also", also.str());
    }
    field(out, "entities", join(r.analysis.entities));
    field(out, "sources", join(r.analysis.sources));
    field(out, "near-dups", line(r.near_dup_group));
    if (!r.echo_of.empty()) field(out, "echo of", line(r.echo_of) + " (" + line(r.echo_signal) + ")");
    else if (!r.echo_signal.empty()) field(out, "echo", line(r.echo_signal));
    for (const std::string& copy : republished) field(out, "republished", line(copy));
    if (!r.warc_file.empty()) field(out, "warc", line(r.warc_file) + " " + line(r.warc_record_id));

    const json versions = versions_with_changes(a);
    out << "\nVersions (" << versions.size() << ")\n";
    for (std::size_t i = 0; i < versions.size(); ++i) {
        const json& v = versions[i];
        out << "  " << i + 1 << ". " << str(v, "crawled_at") << "  " << line(str(v, "status")) << "  \""
            << line(str(v, "title")) << "\"" << (v.value("current", false) ? "  (current)" : "") << "\n";
        if (i == 0) continue;
        const json& before = versions[i - 1];
        for (const auto& change : v["changes"]) {
            const std::string what = change.get<std::string>();
            if (what == "status")
                out << "       status: " << line(str(before, "status")) << " -> " << line(str(v, "status")) << "\n";
            else if (what == "title")
                out << "       title: \"" << line(str(before, "title")) << "\" -> \"" << line(str(v, "title"))
                    << "\"\n";
            else if (what == "text")
                out << "       text changed\n";
            else if (what == "published")
                out << "       published date changed\n";
        }
        if (v.contains("evidence") && v["evidence"].is_object() && !str(v["evidence"], "sentence").empty())
            out << "       evidence: \"" << line(str(v["evidence"], "sentence")) << "\"\n";
    }

    const auto& mentions = r.analysis.mentions;
    out << "\nMentions (" << mentions.size() << ")\n";
    for (std::size_t i = 0; i < mentions.size(); ++i) {
        const Mention& m = mentions[i];
        const bool deciding = r.analysis.evidence && *r.analysis.evidence == i;
        out << "  " << i + 1 << ". [" << to_string(m.status) << "]" << (deciding ? " (decides)" : "") << " \""
            << line(m.sentence) << "\"\n";
        std::string details = "cue \"" + line(m.cue) + "\"";
        if (!m.attribution.empty()) details += ", attributed to " + line(m.attribution);
        if (!m.entities.empty()) details += ", entities " + join(m.entities);
        if (m.in_headline) details += ", in the headline";
        if (m.background) details += ", background";
        out << "       " << details << "\n";
    }
}

int run_show(const ShowArgs& args, Io& io) {
    IndexReader reader(database_paths(args.dbs));
    const auto article = reader.find(args.target);
    if (!article) {
        io.err << "rumorwatch: error: no article with URL or id \"" << terminal_line(args.target) << "\"\n";
        return 1;
    }
    if (args.terms) {
        // Index internals for people debugging a query: "term[positions]", one per line.
        // Terms may hold spaces ("XSOURCEpeople familiar"): each entry ends at "] ".
        const std::string dump = reader.term_dump(article->id);
        for (std::size_t start = 0; start < dump.size();) {
            auto end = dump.find("] ", start);
            end = end == std::string::npos ? dump.size() : end + 1;
            io.out << terminal_line(dump.substr(start, end - start)) << "\n";
            start = end + 1;
        }
    } else if (args.format == "json") {
        json j = article_json(*article);
        j["echo_of"] = article->record.echo_of;
        j["echo_signal"] = article->record.echo_signal;
        j["republished_by"] = republished_by(reader, *article);
        io.out << json_dump(j, 2) << "\n";
    } else {
        print_text(*article, republished_by(reader, *article), io);
    }
    return 0;
}

} // namespace

void add_show_command(CLI::App& app, Action& action, Io& io) {
    auto args = std::make_shared<ShowArgs>();
    CLI::App* cmd = app.add_subcommand("show", "One article: versions, mentions with evidence");
    cmd->add_option("article", args->target, "Canonical or fetched URL, or the 16-digit id search prints")
        ->required();
    cmd->add_option("--db", args->dbs, "Database folder or stub file; may be repeated");
    cmd->add_option("--format", args->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
    cmd->add_flag("--terms", args->terms, "Print the article's index terms with their positions instead");
    cmd->callback([&action, &io, args] { action = [&io, args] { return run_show(*args, io); }; });
}

} // namespace rumorwatch
