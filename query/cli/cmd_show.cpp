/// \file
/// `rumorwatch show URL|ID`: one article with every version (what changed in title and
/// status) and its mentions with evidence.
#include <algorithm>
#include <cctype>
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

/// The ways the user may have written a stored URL or id, most literal first: as given, an
/// id in lower case, the crawler's canonical form (tracking parameters dropped, host
/// lower-cased...), and that with the trailing slash toggled and http/https swapped.
std::vector<std::string> lookup_forms(const std::string& target) {
    std::vector<std::string> forms = {target};
    const auto add = [&](const std::string& f) {
        if (!f.empty() && std::find(forms.begin(), forms.end(), f) == forms.end()) forms.push_back(f);
    };
    std::string lower = target;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.size() == 16 && lower.find_first_not_of("0123456789abcdef") == std::string::npos) add(lower);
    std::string url = target;
    if (url.find("://") == std::string::npos && url.find('.') != std::string::npos) url = "http://" + url;
    const auto canonical = canonical_url(url);
    if (!canonical) return forms;
    std::vector<std::string> bases = {*canonical};
    const std::string& c = *canonical;
    const auto path_start = c.find('/', c.find("://") + 3);
    const bool bare = c.find_first_of("?", path_start) == std::string::npos;
    if (bare) bases.push_back(c.back() == '/' ? (c.size() > path_start + 1 ? c.substr(0, c.size() - 1) : c) : c + "/");
    for (const auto& b : bases) {
        add(b);
        if (b.rfind("https://", 0) == 0) add("http://" + b.substr(8));
        if (b.rfind("http://", 0) == 0) add("https://" + b.substr(7));
    }
    return forms;
}

/// The stored URL of the same host nearest to `target` (by edit distance of the path),
/// empty when the host has none.
std::string nearest_stored_url(IndexReader& reader, const std::string& target) {
    std::string url = target.find("://") == std::string::npos ? "http://" + target : target;
    const auto canonical = canonical_url(url);
    if (!canonical) return {};
    const std::string host = url_host(*canonical);
    if (host.empty()) return {};
    std::vector<std::string> stored;
    for (const char* scheme : {"http://", "https://"}) {
        auto some = reader.stored_urls(scheme + host + "/");
        stored.insert(stored.end(), some.begin(), some.end());
    }
    std::string best;
    std::size_t best_distance = std::string::npos;
    for (const auto& s : stored) {
        std::vector<std::size_t> row(s.size() + 1);
        for (std::size_t j = 0; j <= s.size(); ++j) row[j] = j;
        for (std::size_t i = 1; i <= canonical->size(); ++i) {
            std::size_t diag = row[0];
            row[0] = i;
            for (std::size_t j = 1; j <= s.size(); ++j) {
                const std::size_t up = row[j];
                row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + ((*canonical)[i - 1] == s[j - 1] ? 0 : 1)});
                diag = up;
            }
        }
        if (row[s.size()] < best_distance) {
            best_distance = row[s.size()];
            best = s;
        }
    }
    return best;
}

int run_show(const ShowArgs& args, Io& io) {
    IndexReader reader(database_paths(args.dbs));
    std::optional<StoredArticle> article;
    for (const auto& form : lookup_forms(args.target))
        if ((article = reader.find(form))) break;
    if (!article) {
        io.err << "rumorwatch: error: no article with URL or id \"" << terminal_line(args.target) << "\"";
        if (const std::string near = nearest_stored_url(reader, args.target); !near.empty())
            io.err << "; the nearest stored URL of that host is " << terminal_line(near);
        io.err << "\n";
        return 1;
    }
    if (args.terms && args.format == "json") {
        // The same dump as JSON: [{"term": "...", "positions": [...]}, ...].
        const std::string dump = reader.term_dump(article->id);
        json terms = json::array();
        for (std::size_t start = 0; start < dump.size();) {
            auto end = dump.find("] ", start);
            end = end == std::string::npos ? dump.size() : end + 1;
            const std::string entry = dump.substr(start, end - start);
            const auto open = entry.rfind('[');
            json positions = json::array();
            if (open != std::string::npos) {
                std::istringstream list(entry.substr(open + 1, entry.size() - open - 2));
                for (std::string p; std::getline(list, p, ',');)
                    if (!p.empty()) positions.push_back(std::stoll(p));
            }
            terms.push_back({{"term", valid_utf8(entry.substr(0, open))}, {"positions", positions}});
            start = end + 1;
        }
        io.out << json_dump(json{{"id", article->id}, {"terms", terms}}, 2) << "\n";
    } else if (args.terms) {
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
