/// \file
/// `rumorwatch labels --format jsonl` exports the analysts' corrections, one JSON object a
/// line; `labels --import FILE` reads such a file back (into a rebuilt database, say).
#include <fstream>
#include <memory>
#include <ostream>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include "index/index.h"
#include "parser/core/core.h"
#include "query/cli/cli.h"
#include "query/cli/options.h"
#include "query/cli/paths.h"

namespace rumorwatch {
namespace {

struct LabelsArgs {
    std::vector<std::string> dbs;
    std::string format = "jsonl";
    std::string import_file;
};

/// Every line of `path` as a correction; the first bad line stops the import before
/// anything is written, named by file, line and field.
std::vector<Correction> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path + ": cannot open the corrections file");
    std::vector<Correction> out;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        const auto j = nlohmann::json::parse(line, nullptr, false);
        const std::string where = path + ":" + std::to_string(n) + ": ";
        if (j.is_discarded()) throw InputError(where + "not a JSON object (one correction per line)");
        try {
            Correction c = j.get<Correction>();
            if (c.id.empty()) c.id = article_id(c.url);
            out.push_back(std::move(c));
        } catch (const InputError& e) {
            throw InputError(where + e.what());
        }
    }
    return out;
}

int run_labels(const LabelsArgs& args, Io& io) {
    if (!args.import_file.empty()) {
        if (args.dbs.size() > 1) throw InputError("labels --import writes to one database: give one --db");
        const std::string db = args.dbs.empty() ? default_db_path() : args.dbs.front();
        const std::vector<Correction> corrections = read_file(args.import_file);
        IndexWriter writer(db);
        for (const Correction& c : corrections) writer.set_correction(c);
        writer.commit();
        if (io.verbosity >= 0)
            io.out << "Imported " << corrections.size() << " correction" << (corrections.size() == 1 ? "" : "s")
                   << " into " << terminal_line(db) << "\n";
        return 0;
    }
    IndexReader reader(database_paths(args.dbs));
    for (const Correction& c : reader.corrections()) io.out << json_dump(nlohmann::json(c), -1) << "\n";
    return 0;
}

} // namespace

void add_labels_command(CLI::App& app, Action& action, Io& io) {
    auto args = std::make_shared<LabelsArgs>();
    CLI::App* cmd = app.add_subcommand("labels", "Export the corrections made by hand, or import them (--import)");
    cmd->add_option("--db", args->dbs,
                    "Database folder; may be repeated for an export (default: $XDG_DATA_HOME/rumorwatch/db)");
    cmd->add_option("--format", args->format, "jsonl (default): one correction per line")
        ->check(CLI::IsMember({"jsonl"}));
    cmd->add_option("--import", args->import_file,
                    "Read corrections from this JSON-lines file (as 'labels' writes it) into the database; an "
                    "article not indexed yet gets its correction when it is");
    cmd->callback([&action, &io, args] { action = [&io, args] { return run_labels(*args, io); }; });
}

} // namespace rumorwatch
