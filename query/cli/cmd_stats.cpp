/// \file
/// `rumorwatch stats`: what the databases hold.
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

struct StatsArgs {
    std::vector<std::string> dbs;
    std::string format = "text";
};

nlohmann::json counts_json(const std::vector<std::pair<std::string, long long>>& counts) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [value, count] : counts) out.push_back({{"value", value}, {"count", count}});
    return out;
}

std::string counts_text(const std::vector<std::pair<std::string, long long>>& counts) {
    std::string out;
    for (const auto& [value, count] : counts)
        out += (out.empty() ? "" : ", ") + terminal_line(value) + " " + std::to_string(count);
    return out.empty() ? "none" : out;
}

std::string human_bytes(long long bytes) {
    std::ostringstream out;
    const char* units[] = {"B", "KB", "MB", "GB", "TB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1024 && unit < 4) {
        value /= 1024;
        ++unit;
    }
    out << std::fixed << std::setprecision(unit == 0 ? 0 : 1) << value << " " << units[unit];
    return out.str();
}

int run_stats(const StatsArgs& args, Io& io) {
    IndexReader reader(database_paths(args.dbs));
    const IndexStats s = reader.stats();
    if (args.format == "json") {
        nlohmann::json j = {{"databases", s.databases},
                            {"documents", s.documents},
                            {"outlets", counts_json(s.outlets)},
                            {"statuses", counts_json(s.statuses)},
                            {"languages", counts_json(s.languages)},
                            {"earliest", nullptr},
                            {"latest", nullptr},
                            {"url_states", s.url_states},
                            {"database_bytes", nullptr},
                            {"bytes_per_document", nullptr},
                            {"schema_version", s.schema_version}};
        if (s.earliest) j["earliest"] = format_iso8601(*s.earliest);
        if (s.latest) j["latest"] = format_iso8601(*s.latest);
        if (s.database_bytes >= 0) {
            j["database_bytes"] = s.database_bytes;
            if (s.documents > 0) j["bytes_per_document"] = s.database_bytes / s.documents;
        }
        io.out << json_dump(j, 2) << "\n";
        return 0;
    }
    std::ostream& out = io.out;
    auto row = [&](const char* label, const std::string& value) {
        out << std::left << std::setw(14) << label << value << "\n";
    };
    std::string dbs;
    for (const auto& d : s.databases) dbs += (dbs.empty() ? "" : ", ") + terminal_line(d);
    row("Databases", dbs);
    row("Documents", std::to_string(s.documents));
    row("Outlets", std::to_string(s.outlets.size()) + (s.outlets.empty() ? "" : ": " + counts_text(s.outlets)));
    row("Date span", s.earliest && s.latest ? format_day(*s.earliest) + " to " + format_day(*s.latest) : "none");
    row("Statuses", counts_text(s.statuses));
    row("Languages", counts_text(s.languages));
    row("Crawl states", std::to_string(s.url_states));
    if (s.database_bytes >= 0)
        row("Size on disk", human_bytes(s.database_bytes) +
                                (s.documents > 0 ? " (" + human_bytes(s.database_bytes / s.documents) + " per document)"
                                                 : ""));
    else
        row("Size on disk", "unknown (remote shards)");
    row("Schema", "version " + std::to_string(s.schema_version));
    return 0;
}

} // namespace

void add_stats_command(CLI::App& app, Action& action, Io& io) {
    auto args = std::make_shared<StatsArgs>();
    CLI::App* cmd = app.add_subcommand("stats", "What the database holds");
    cmd->add_option("--db", args->dbs, "Database folder or stub file; may be repeated");
    cmd->add_option("--format", args->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
    cmd->callback([&action, &io, args] { action = [&io, args] { return run_stats(*args, io); }; });
}

} // namespace rumorwatch
