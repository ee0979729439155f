/// \file
/// `rumorwatch timeline`: stored articles -> Timeline -> the chosen format.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <iostream>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include "crawler/crawler.h"
#include "index/index.h"
#include "parser/core/core.h"
#include "parser/extract/extract.h"
#include "query/cli/cli.h"
#include "query/cli/options.h"
#include "query/cli/paths.h"
#include "query/timeline/export/export.h"
#include "query/timeline/timeline.h"

namespace rumorwatch {
namespace {

struct TimelineArgs {
    std::vector<std::string> dbs;
    std::string topic;
    std::string bucket = "day";
    std::string since, until;
    std::vector<std::string> outlets;
    std::vector<std::string> languages;
    std::string format = "text";
    std::string output;
    bool utc = false;
    bool articles = false; ///< the article sheet instead of the story
    std::string config;    ///< outlets file, for the outlets' time zones in the sheet
};

/// The outlets' zones from --config (or the default outlets file when there is one).
OutletOffset outlet_zones(const TimelineArgs& args) {
    std::string path = args.config;
    if (path.empty()) {
        std::error_code ec;
        if (!std::filesystem::exists(default_config_path(), ec)) return {};
        path = default_config_path();
    }
    auto zones = std::make_shared<std::map<std::string, std::string>>();
    for (const Outlet& o : load_config(path).outlets) (*zones)[o.id] = o.timezone;
    return [zones](const std::string& outlet, Timestamp at) -> std::optional<std::pair<std::string, int>> {
        const auto it = zones->find(outlet);
        if (it == zones->end()) return std::nullopt;
        const auto offset = zone_offset_minutes(it->second, at);
        if (!offset) return std::nullopt;
        return std::make_pair(it->second, *offset);
    };
}

/// `timeline --articles`: one row per article, for coding in a spreadsheet.
int run_sheet(const TimelineArgs& args, const TimelineOptions& options, IndexReader& reader, std::ostream& out) {
    if (args.format != "csv" && args.format != "json")
        throw InputError("--articles writes csv or json, not \"" + args.format + "\" (give --format csv or json)");
    TimelineRequest request;
    request.topic_id = options.topic_id;
    request.since = options.since;
    request.until = options.until;
    request.outlets = args.outlets;
    request.languages = args.languages;
    const std::vector<SheetRow> rows = article_sheet(reader.timeline_articles(request), options.topic_id,
                                                     outlet_zones(args));
    if (args.format == "csv") write_sheet_csv(rows, out);
    else out << json_dump(sheet_to_json(rows), 2) << "\n";
    out.flush();
    if (!out) throw Error("writing the article sheet failed");
    return 0;
}

int run_timeline(const TimelineArgs& args, Io& io) {
    static const std::vector<std::string> kFormats = {"text", "json", "csv", "md", "html", "atom"};
    if (std::find(kFormats.begin(), kFormats.end(), args.format) == kFormats.end())
        throw InputError("--format: \"" + args.format + "\" is not one of text, json, csv, md, html, atom");
    TimelineOptions options;
    const auto bucket = bucket_from_string(args.bucket);
    if (!bucket) throw InputError("--bucket: \"" + args.bucket + "\" is not day, week or month");
    options.bucket = *bucket;
    if (!args.since.empty()) options.since = parse_date_option(args.since, "--since", false);
    if (!args.until.empty()) options.until = parse_date_option(args.until, "--until", true);

    // The topic names the timeline; a topic given by id (not a file) is taken as is.
    ExportContext context;
    context.generated = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const std::string topic_arg = args.topic.empty() ? default_topic_path() : args.topic;
    if (topic_arg.ends_with(".json")) {
        const Topic topic = load_topic(topic_arg);
        options.topic_id = topic.id;
        options.parties = party_names(topic);
        context.topic_name = topic.name;
    } else {
        options.topic_id = topic_arg;
    }

    IndexReader reader(database_paths(args.dbs));
    // A topic or outlet no article has is a typo: say so rather than draw an empty story.
    reader.check_known_values("topic", {options.topic_id}, "--topic");
    reader.check_known_values("outlet", args.outlets, "--outlet");
    if (args.articles) {
        std::ofstream sheet_file;
        if (!args.output.empty()) {
            sheet_file.open(args.output, std::ios::binary);
            if (!sheet_file) throw InputError("-o: cannot write " + args.output);
        }
        return run_sheet(args, options, reader, args.output.empty() ? io.out : sheet_file);
    }
    // Without the body text, which no export shows: half the time of reading the articles.
    TimelineRequest request;
    request.topic_id = options.topic_id;
    TimelineInput input = timeline_input(reader.timeline_articles(request), options.topic_id);
    filter_timeline_input(input, args.outlets, args.languages);
    const Timeline timeline = build_timeline(std::move(input.entries), std::move(input.edits), options);

    std::ofstream file;
    if (!args.output.empty()) {
        file.open(args.output, std::ios::binary);
        if (!file) throw InputError("-o: cannot write " + args.output);
    }
    std::ostream& out = args.output.empty() ? io.out : file;
    context.tty = args.output.empty() && io.out_is_tty;
    context.utc = args.utc;
    if (args.format == "text") write_timeline_text(timeline, context, out);
    else if (args.format == "json") write_timeline_json(timeline, context, out);
    else if (args.format == "csv") write_timeline_csv(timeline, out);
    else if (args.format == "md") write_timeline_markdown(timeline, context, out);
    else if (args.format == "html") write_timeline_html(timeline, context, out);
    else write_timeline_atom(timeline, context, out);
    out.flush();
    if (!out) throw Error("writing the timeline failed");
    return 0;
}

} // namespace

void add_timeline_command(CLI::App& app, Action& action, Io& io) {
    auto args = std::make_shared<TimelineArgs>();
    CLI::App* cmd = app.add_subcommand("timeline", "How the rumor's status moved, with the evidence for each step");
    cmd->add_option("--db", args->dbs, "Database directory or Xapian stub file; may be repeated");
    cmd->add_flag("--utc", args->utc, "Print times in UTC instead of each outlet's local time with its offset");
    cmd->add_option("--topic", args->topic, "Topic file or topic id (default: the shipped apple-alibaba topic)");
    cmd->add_option("--bucket", args->bucket, "Bucket size: day, week or month (default: day)");
    cmd->add_option("--since", args->since, "Only from this day on (YYYY-MM-DD)");
    cmd->add_option("--until", args->until, "Only up to this day, inclusive (YYYY-MM-DD)");
    cmd->add_option("--outlet", args->outlets, "Only articles of this outlet id; may be repeated");
    cmd->add_option("--lang", args->languages, "Only articles in this language (en, zh); may be repeated");
    cmd->add_option("--format", args->format, "text, json, csv, md, html or atom (default: text)");
    cmd->add_option("-o,--output", args->output, "Write to this file instead of standard output");
    cmd->add_flag("--articles", args->articles,
                  "The article sheet instead of the story: one row per article (local date and zone, outlet, tier, "
                  "status, confidence, corrected by hand, evidence, cue, speaker, echo of, echoes, URL), as "
                  "--format csv or json");
    cmd->add_option("--config", args->config,
                    "Outlets file, for the outlets' time zones in --articles (default: the user's outlets file, if "
                    "any)");
    cmd->callback([&action, &io, args] { action = [&io, args] { return run_timeline(*args, io); }; });
}

} // namespace rumorwatch
