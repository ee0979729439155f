/// \file
/// `rumorwatch search`: options → SearchRequest → IndexReader::search → text, JSON or CSV.
#include <algorithm>
#include <limits>
#include <memory>
#include <ostream>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include "index/index.h"
#include "parser/core/core.h"
#include "query/cli/cli.h"
#include "query/cli/options.h"
#include "query/timeline/export/export.h"

namespace rumorwatch {
namespace {

struct SearchArgs {
    std::vector<std::string> words;
    std::vector<std::string> dbs;
    std::string since, until;
    std::vector<std::string> outlets, statuses, languages;
    std::string sort = "relevance";
    int limit = 10;
    int offset = 0;
    bool facets = false;
    bool expand = false;
    bool all_copies = false;
    std::string format = "text";
    std::string histogram; ///< day, week or month: attention over time instead of results
};

std::string terminal_piece(std::string_view text) { return terminal_escape(text, false); }
std::string plain_piece(std::string_view text) { return valid_utf8(text); }

/// "2025-02-11", or "~2025-03-01" when the page had no date and first-seen stands in.
std::string display_day(const StoredArticle& a) {
    return (a.time_source == "published" ? "" : "~") + format_day(a.time);
}

nlohmann::json facets_json(const std::vector<std::pair<std::string, long long>>& counts) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [value, count] : counts) out.push_back({{"value", value}, {"count", count}});
    return out;
}

/// The status an analyst would see: a correction by hand wins over the analysis.
RumorStatus shown_status(const StoredArticle& a) {
    return a.correction ? a.correction->status : a.record.analysis.status;
}

nlohmann::json hit_json(const SearchHit& hit) {
    const StoredArticle& a = hit.article;
    const auto& r = a.record;
    const MarkedSpans marked = marked_spans(hit.snippet, kHighlightStart, kHighlightEnd);
    nlohmann::json spans = nlohmann::json::array();
    for (const auto& [b, e] : marked.spans) spans.push_back({b, e});
    nlohmann::json j = {{"rank", hit.rank},
            {"id", a.id},
            {"url", r.article.canonical_url},
            {"title", r.article.title},
            {"outlet", r.outlet_id},
            {"tier", std::string(to_string(r.tier))},
            {"language", r.article.language},
            {"status", std::string(to_string(shown_status(a)))},
            {"topic", r.analysis.topic_id},
            {"date", format_iso8601(a.time)},
            {"date_source", a.time_source},
            {"crawled_at", format_iso8601(r.crawled_at)},
            {"weight", hit.weight},
            {"copies", hit.copies},
            {"snippet", marked.plain},
            {"highlights", spans}};
    if (a.correction)
        j["correction"] = {{"by_hand", true},
                           {"analysed_status", std::string(to_string(r.analysis.status))},
                           {"note", a.correction->note}};
    return j;
}

void print_facets(std::ostream& out, const char* label, const std::vector<std::pair<std::string, long long>>& counts) {
    out << label;
    bool first = true;
    for (const auto& [value, count] : counts) {
        out << (first ? " " : ", ") << terminal_line(value) << ' ' << count;
        first = false;
    }
    if (counts.empty()) out << " none";
    out << '\n';
}

/// "36 matches" when counted, "At least 1000 matches" when estimated.
std::string count_phrase(const SearchResponse& response) {
    const long long n = response.total ? *response.total : response.total_at_least;
    return std::string(response.total ? "" : "At least ") + std::to_string(n) + " match" + (n == 1 ? "" : "es");
}

void print_text(const SearchArgs& args, const SearchRequest& request, const SearchResponse& response, Io& io) {
    std::ostream& out = io.out;
    if (response.hits.empty()) {
        out << "No articles match \"" << terminal_line(request.query) << "\"";
        if (request.offset > 0 && response.estimated_total > 0)
            out << " past result " << request.offset << " (" << count_phrase(response) << " in all)";
        out << ".\n";
    } else {
        out << count_phrase(response) << "; showing " << response.hits.front().rank << "-"
            << response.hits.back().rank << ".\n\n";
    }
    if (!response.did_you_mean.empty()) out << "Did you mean: " << terminal_line(response.did_you_mean) << "\n\n";
    const std::string on = io.out_is_tty ? "\x1b[1m" : "";
    const std::string off = io.out_is_tty ? "\x1b[0m" : "";
    for (const SearchHit& hit : response.hits) {
        const auto& r = hit.article.record;
        out << (hit.rank < 10 ? " " : "") << hit.rank << ". " << display_day(hit.article) << "  "
            << terminal_line(r.outlet_id) << "  " << to_string(shown_status(hit.article))
            << (hit.article.correction ? " (corrected by hand)" : "") << "  " << on
            << terminal_line(r.article.title.empty() ? "(no title)" : r.article.title) << off;
        if (hit.copies > 0) out << "  (+" << hit.copies << (hit.copies == 1 ? " copy)" : " copies)");
        out << "\n    " << terminal_line(r.article.canonical_url) << "\n";
        if (!hit.snippet.empty())
            out << "    " << render_marked(hit.snippet, kHighlightStart, kHighlightEnd, on, off, terminal_piece)
                << "\n";
        out << "\n";
    }
    if (args.facets) {
        print_facets(out, "By status:", response.status_facets);
        print_facets(out, "By outlet:", response.outlet_facets);
    }
}

void print_json(const SearchArgs& args, const SearchRequest& request, const SearchResponse& response, Io& io) {
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& hit : response.hits) hits.push_back(hit_json(hit));
    nlohmann::json j = {{"query", request.query},
                        {"expanded", request.expand},
                        {"sort", args.sort},
                        {"offset", request.offset},
                        {"limit", request.limit},
                        {"total_estimate", response.estimated_total},
                        {"total", response.total ? nlohmann::json(*response.total) : nlohmann::json(nullptr)},
                        {"hits", hits}};
    if (!response.did_you_mean.empty()) j["did_you_mean"] = response.did_you_mean;
    if (args.facets)
        j["facets"] = {{"status", facets_json(response.status_facets)},
                       {"outlet", facets_json(response.outlet_facets)}};
    io.out << json_dump(j, 2) << "\n";
}

void print_csv(const SearchResponse& response, Io& io) {
    io.out << csv_row({"rank", "date", "date_source", "outlet", "status", "language", "title", "url", "copies",
                       "snippet", "corrected_by_hand"});
    for (const auto& hit : response.hits) {
        const auto& a = hit.article;
        const auto& r = a.record;
        io.out << csv_row({std::to_string(hit.rank), format_iso8601(a.time), a.time_source, r.outlet_id,
                           std::string(to_string(shown_status(a))), r.article.language, r.article.title,
                           r.article.canonical_url, std::to_string(hit.copies),
                           render_marked(hit.snippet, kHighlightStart, kHighlightEnd, "", "", plain_piece),
                           a.correction ? "yes" : "no"});
    }
}

/// `search QUERY --histogram week`: every match (copies included: each is coverage) counted
/// per bucket, by status (a correction by hand wins) and by language.
int run_histogram(const SearchArgs& args, SearchRequest request, IndexReader& reader, Io& io) {
    const auto bucket = bucket_from_string(args.histogram);
    if (!bucket) throw InputError("--histogram: \"" + args.histogram + "\" is not day, week or month");
    request.offset = 0;
    request.limit = static_cast<int>(std::min<long long>(reader.document_count(), std::numeric_limits<int>::max()));
    request.collapse_duplicates = false;
    request.facets = false;
    request.sort_by_date = true; // counting: no relevance re-ranking, which folds an outlet's look-alike posts
    request.snippet_bytes = 0;
    const SearchResponse response = reader.search(request);
    std::vector<HistogramPoint> points;
    points.reserve(response.hits.size());
    for (const SearchHit& hit : response.hits)
        points.push_back({hit.article.time, shown_status(hit.article), hit.article.record.article.language});
    Histogram h = make_histogram(points, *bucket, request.since, request.until);
    h.query = request.query;
    if (args.format == "json") io.out << json_dump(histogram_to_json(h), 2) << "\n";
    else if (args.format == "csv") write_histogram_csv(h, io.out);
    else write_histogram_text(h, io.out);
    for (const std::string& damaged : response.damaged)
        io.err << "rumorwatch: warning: skipped a damaged match: " << message_escape(damaged) << "\n";
    return response.damaged.empty() ? 0 : 1;
}

int run_search(const SearchArgs& args, Io& io) {
    SearchRequest request;
    for (const auto& w : args.words) request.query += (request.query.empty() ? "" : " ") + w;
    if (!args.since.empty()) request.since = parse_date_option(args.since, "--since", false);
    if (!args.until.empty()) request.until = parse_date_option(args.until, "--until", true);
    if (request.since && request.until && *request.since > *request.until)
        throw InputError("--since " + args.since + " is after --until " + args.until);
    if (args.facets && args.format == "csv")
        throw InputError("--facets cannot go into CSV (one row per hit); use --format json or text for the counts");
    request.outlets = args.outlets;
    for (const auto& s : args.statuses) request.statuses.push_back(parse_status_option(s, "--status"));
    request.languages = args.languages;
    request.sort_by_date = args.sort != "relevance";
    request.oldest_first = args.sort == "oldest";
    request.limit = args.limit;
    request.offset = args.offset;
    request.facets = args.facets;
    request.expand = args.expand;
    request.collapse_duplicates = !args.all_copies;

    IndexReader reader(database_paths(args.dbs));
    if (!args.histogram.empty()) return run_histogram(args, request, reader, io);
    const SearchResponse response = reader.search(request);
    if (args.format == "json") {
        print_json(args, request, response, io);
    } else if (args.format == "csv") {
        print_csv(response, io);
    } else {
        print_text(args, request, response, io);
    }
    // The readable matches are out; the damaged ones are named, and the exit code says the
    // database needs repair (reindex rebuilds it from the WARC files).
    for (const std::string& damaged : response.damaged)
        io.err << "rumorwatch: warning: skipped a damaged match: " << message_escape(damaged) << "\n";
    if (!response.damaged.empty()) {
        io.err << "rumorwatch: error: " << response.damaged.size()
               << " damaged article(s) left out of the results; `rumorwatch reindex` rebuilds the database\n";
        return 1;
    }
    return 0;
}

} // namespace

void add_search_command(CLI::App& app, Action& action, Io& io) {
    auto args = std::make_shared<SearchArgs>();
    CLI::App* cmd = app.add_subcommand("search", "Full-text search of everything crawled");
    cmd->footer(
        "Query syntax: words (all must match; English stemming), \"a phrase\", OR, AND, NOT, -word, "
        "+word, a NEAR b, a NEAR/3 b, wild*, (brackets), ~alias;\n"
        "fields: title:, author:, outlet:, status:, lang:, entity:, source:, topic:, site:, keyword:, "
        "tier: (wire, major, trade, blog), says: (any mention's status),\n"
        "date:2025, date:2025-02, date:2025-02-01, date:2025-02-01..2025-03-01 (either end may be "
        "left open).\n"
        "Chinese text is matched through character n-grams: 阿里巴巴 finds articles containing it.\n"
        "Relevance weighs the source tier (wire > major > trade > blog), folds one outlet's near-identical "
        "posts and lets no outlet hold more than 3 of any 10 ranks.");
    cmd->add_option("query", args->words, "The query (quote it, or give several words)")->required();
    cmd->add_option("--db", args->dbs,
                    "Database folder or Xapian stub file (local and remote shards); may be repeated "
                    "(default: $XDG_DATA_HOME/rumorwatch/db)");
    cmd->add_option("--since", args->since, "Only articles dated on or after this day (YYYY-MM-DD)");
    cmd->add_option("--until", args->until, "Only articles dated on or before this day (YYYY-MM-DD)");
    cmd->add_option("--outlet", args->outlets, "Only this outlet id; may be repeated");
    cmd->add_option("--status", args->statuses,
                    "Only this rumor status (speculation, reported, partially_confirmed, confirmed, "
                    "denied, stalled, cancelled, mentioned, none); may be repeated");
    cmd->add_option("--lang", args->languages, "Only this language (en, zh, ...); may be repeated");
    cmd->add_option("--sort", args->sort, "relevance (default), date (newest first) or oldest")
        ->check(CLI::IsMember({"relevance", "date", "oldest"}));
    cmd->add_option("--limit", args->limit, "How many results (default 10)")->check(CLI::Range(0, 100000));
    cmd->add_option("--offset", args->offset, "Skip this many results first (default 0)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_flag("--facets", args->facets,
                  "Also count the matches by status and by outlet (text and json; the count is then exact)");
    cmd->add_flag("--expand", args->expand,
                  "Also match every alias of a topic entity named in the query (Alibaba → 阿里巴巴, Qwen)");
    cmd->add_flag("--all-copies", args->all_copies,
                  "Show syndicated copies and near duplicates as results of their own");
    cmd->add_option("--format", args->format, "text (default), json or csv")
        ->check(CLI::IsMember({"text", "json", "csv"}));
    cmd->add_option("--histogram", args->histogram,
                    "Attention over time instead of results: every match counted per day, week or month, by status "
                    "and language (empty buckets included)")
        ->check(CLI::IsMember({"day", "week", "month"}));
    cmd->callback([&action, &io, args] { action = [&io, args] { return run_search(*args, io); }; });
}

} // namespace rumorwatch
