/// \file
/// `rumorwatch init`: writes a starter outlets file and the shipped topics into the user's
/// config folder, and says what it wrote. Never overwrites without --force.
#include <filesystem>
#include <system_error>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include "parser/core/core.h"
#include "query/cli/cli.h"
#include "query/cli/paths.h"

namespace rumorwatch {
namespace {

namespace fs = std::filesystem;

struct InitArgs {
    std::string dir;
    bool force = false;
};

void copy_one(const fs::path& from, const fs::path& to, bool force, Io& io) {
    std::error_code ec;
    if (fs::exists(to, ec) && !force) {
        io.out << "kept     " << to.string() << " (exists; --force replaces it)\n";
        return;
    }
    fs::create_directories(to.parent_path(), ec);
    if (ec) throw InputError(to.parent_path().string() + ": cannot create: " + ec.message());
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
    if (ec) throw InputError(to.string() + ": cannot write: " + ec.message());
    io.out << "wrote    " << to.string() << "\n";
}

int run_init(const InitArgs& args, Io& io) {
    const fs::path shipped = shipped_data_dir();
    const fs::path target = args.dir.empty() ? fs::path(user_config_dir()) : fs::path(args.dir);
    if (!fs::exists(shipped / "outlets.json"))
        throw Error("the shipped data is missing: no " + (shipped / "outlets.json").string() +
                    " (set RUMORWATCH_DATADIR to the share/rumorwatch folder)");
    copy_one(shipped / "outlets.json", target / "outlets.json", args.force, io);
    for (const auto& topic : fs::directory_iterator(shipped / "topics"))
        if (topic.path().extension() == ".json")
            copy_one(topic.path(), target / "topics" / topic.path().filename(), args.force, io);
    io.out << "\nNext: edit " << (target / "outlets.json").string()
           << " (the outlets to follow), then run 'rumorwatch crawl'.\n"
           << "The database will be " << default_db_path() << " unless you pass --db.\n";
    return 0;
}

} // namespace

void add_init_command(CLI::App& app, Action& action, Io& io) {
    auto args = std::make_shared<InitArgs>();
    CLI::App* cmd = app.add_subcommand("init", "Write a starter outlets file and the shipped topics to your config folder");
    cmd->add_option("--dir", args->dir, "Write here instead of $XDG_CONFIG_HOME/rumorwatch");
    cmd->add_flag("--force", args->force, "Replace files that exist");
    cmd->callback([&action, &io, args] { action = [&io, args] { return run_init(*args, io); }; });
}

} // namespace rumorwatch
