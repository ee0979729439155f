/// \file
/// `rumorwatch label URL|ID STATUS [--note TEXT]` and `label --remove URL|ID`: an analyst's
/// correction of an article's status, kept in the database beside (not in) the article.
#include <chrono>
#include <memory>
#include <ostream>

#include <CLI/CLI.hpp>

#include "index/index.h"
#include "parser/core/core.h"
#include "query/cli/cli.h"
#include "query/cli/options.h"
#include "query/cli/paths.h"

namespace rumorwatch {
namespace {

struct LabelArgs {
    std::string article;
    std::string status;
    std::string note;
    std::string db;
    bool remove = false;
};

int run_label(const LabelArgs& args, Io& io) {
    const std::string db = args.db.empty() ? default_db_path() : args.db;
    if (args.remove && !args.status.empty())
        throw InputError("label --remove takes the article only, not a status ('" + args.status + "')");
    if (!args.remove && args.status.empty()) throw InputError("label needs a STATUS after the article (or --remove)");
    std::optional<StoredArticle> found;
    {
        IndexReader reader({db});
        found = reader.find(args.article);
    }
    if (!found) throw InputError("no article " + args.article + " in " + db + " (give its URL or its 16-digit id)");
    IndexWriter writer(db);
    if (args.remove) {
        if (!writer.remove_correction(found->id)) {
            io.out << "No correction to remove for " << terminal_line(found->record.article.canonical_url) << "\n";
            return 0;
        }
        writer.commit();
        if (io.verbosity >= 0)
            io.out << "Removed the correction of " << terminal_line(found->record.article.canonical_url)
                   << "; its status is the analysis's again: " << to_string(found->record.analysis.status) << "\n";
        return 0;
    }
    Correction c;
    c.id = found->id;
    c.url = found->record.article.canonical_url;
    c.status = parse_status_option(args.status, "STATUS");
    c.note = args.note;
    c.at = std::chrono::time_point_cast<Timestamp::duration>(std::chrono::system_clock::now());
    writer.set_correction(c);
    writer.commit();
    if (io.verbosity >= 0)
        io.out << "Corrected " << terminal_line(c.url) << ": " << to_string(c.status) << " by hand (the analysis said "
               << to_string(found->record.analysis.status) << ")\n";
    return 0;
}

} // namespace

void add_label_command(CLI::App& app, Action& action, Io& io) {
    auto args = std::make_shared<LabelArgs>();
    CLI::App* cmd = app.add_subcommand("label", "Correct an article's status by hand (kept across re-crawls)");
    cmd->add_option("article", args->article, "The article's URL or 16-digit id")->required();
    cmd->add_option("status", args->status,
                    "The status it should have (speculation, reported, partially_confirmed, confirmed, denied, "
                    "stalled, cancelled, mentioned, none)");
    cmd->add_option("--note", args->note, "Why (kept with the correction, shown by show and the exports)");
    cmd->add_flag("--remove", args->remove, "Forget the correction: the analysis's status applies again");
    cmd->add_option("--db", args->db, "Database directory (default: $XDG_DATA_HOME/rumorwatch/db)");
    cmd->callback([&action, &io, args] { action = [&io, args] { return run_label(*args, io); }; });
}

} // namespace rumorwatch
