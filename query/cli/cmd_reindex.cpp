/// \file
/// `rumorwatch reindex --warc DIR` and `rumorwatch import-warc FILE…`: captured pages into the
/// index with no network.
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include "crawler/crawler.h"
#include "index/index.h"
#include "parser/core/core.h"
#include "query/cli/cli.h"
#include "query/cli/paths.h"

namespace rumorwatch {
namespace {

struct WarcArgs {
    std::string warc_dir;
    std::vector<std::string> files;
    std::string config;
    std::vector<std::string> topics;
    std::string db;
    bool quiet = false;
    std::string corrections_from; ///< reindex: the database whose corrections to carry over
};

/// The database a reindex rebuilds: --corrections-from, else the default database when
/// --db names another folder; empty when the rebuild writes into the source itself.
std::string corrections_source(const WarcArgs& args, const std::string& db) {
    namespace fs = std::filesystem;
    if (!args.corrections_from.empty()) return args.corrections_from;
    const std::string source = default_db_path();
    std::error_code ec;
    if (!fs::exists(source, ec)) return {};
    if (fs::exists(db, ec) && fs::equivalent(source, db, ec)) return {};
    if (fs::weakly_canonical(source, ec) == fs::weakly_canonical(db, ec)) return {};
    return source;
}

int run_import(const WarcArgs& args, std::vector<std::string> files, Io& io, bool carry_corrections = false) {
    WarcImportOptions options;
    options.config = load_config(args.config.empty() ? default_config_path() : args.config);
    if (args.topics.empty()) options.topics.push_back(load_topic(default_topic_path()));
    for (const auto& t : args.topics) options.topics.push_back(load_topic(t));
    options.db_path = args.db.empty() ? default_db_path() : args.db;
    options.files = std::move(files);
    options.quiet = args.quiet;
    // Corrections are the analysts' work, not in any WARC file: read them from the database
    // being rebuilt before the import, and write them into the new one after it.
    std::string source;
    std::optional<std::vector<Correction>> carried;
    if (carry_corrections) {
        source = corrections_source(args, options.db_path);
        if (!source.empty()) carried = read_corrections(source);
    }
    const CrawlSummary summary = import_warc(options, io.err);
    if (!args.quiet) print_summary(summary, io.out);
    if (!source.empty()) {
        if (!carried) {
            io.err << "rumorwatch: warning: no corrections carried over: cannot read the database "
                   << message_escape(source) << "\n";
        } else {
            if (!carried->empty()) {
                IndexWriter writer(options.db_path);
                for (const Correction& c : *carried) writer.set_correction(c);
                writer.commit();
            }
            if (!args.quiet)
                io.out << "Carried " << carried->size() << " correction" << (carried->size() == 1 ? "" : "s")
                       << " by hand over from " << terminal_line(source) << "\n";
        }
    }
    // Everything readable is in; the records of damaged members are not, and cron must hear it.
    if (summary.damaged_members > 0)
        throw Error(std::to_string(summary.damaged_members) +
                    " damaged part(s) skipped (corrupt gzip members or records with a bad Content-Length, "
                    "named above); everything readable was imported");
    return 0;
}

void add_common(CLI::App* cmd, WarcArgs& args) {
    cmd->add_option("--config", args.config,
                    "Outlets file: pages are attributed to the outlet whose URLs they match "
                    "(default: $XDG_CONFIG_HOME/rumorwatch/outlets.json)");
    cmd->add_option("--topic", args.topics, "Topic file; may be repeated (default: the shipped apple-alibaba topic)");
    cmd->add_option("--db", args.db, "Database directory (default: $XDG_DATA_HOME/rumorwatch/db)");
    cmd->add_flag("-q,--quiet", args.quiet, "Print nothing but errors");
}

} // namespace

void add_reindex_command(CLI::App& app, Action& action, Io& io) {
    auto args = std::make_shared<WarcArgs>();
    CLI::App* cmd = app.add_subcommand("reindex", "Rebuild the index from captured pages (WARC files), with no network");
    cmd->add_option("--warc", args->warc_dir, "Folder of WARC files written by 'crawl --warc'")->required();
    cmd->add_option("--corrections-from", args->corrections_from,
                    "Database whose corrections by hand to carry over into --db (default: the default database, "
                    "when --db names another folder)");
    add_common(cmd, *args);
    cmd->callback([&action, &io, args] {
        action = [&io, args] { return run_import(*args, warc_files_in(args->warc_dir), io, true); };
    });
}

void add_import_warc_command(CLI::App& app, Action& action, Io& io) {
    auto args = std::make_shared<WarcArgs>();
    CLI::App* cmd = app.add_subcommand("import-warc", "Index the pages of WARC files made elsewhere (backfill history)");
    cmd->add_option("files", args->files, "WARC files (.warc.gz or .warc)")->required();
    add_common(cmd, *args);
    cmd->callback([&action, &io, args] { action = [&io, args] { return run_import(*args, args->files, io); }; });
}

} // namespace rumorwatch
