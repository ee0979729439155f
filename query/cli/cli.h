/// \file
/// The `rumorwatch` command line: one registration function per subcommand and the
/// dispatcher that maps errors to exit codes (0 done, 1 failed, 2 bad usage or input).
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace rumorwatch {

/// The streams a command talks to; tests pass string streams.
struct Io {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    bool out_is_tty = false; ///< styling (bold, colours) only on a terminal
    int verbosity = 0;       ///< -1 with -q, 0 by default, 1 or more with -v (repeatable)
};

/// Set by the chosen subcommand's parse callback; run after parsing succeeds.
using Action = std::function<int()>;

void add_crawl_command(CLI::App& app, Action& action, Io& io);
void add_search_command(CLI::App& app, Action& action, Io& io);
void add_timeline_command(CLI::App& app, Action& action, Io& io);
void add_show_command(CLI::App& app, Action& action, Io& io);
void add_stats_command(CLI::App& app, Action& action, Io& io);
void add_extract_command(CLI::App& app, Action& action, Io& io);
void add_classify_command(CLI::App& app, Action& action, Io& io);
void add_reindex_command(CLI::App& app, Action& action, Io& io);
void add_import_warc_command(CLI::App& app, Action& action, Io& io);
void add_init_command(CLI::App& app, Action& action, Io& io);
void add_label_command(CLI::App& app, Action& action, Io& io);
void add_labels_command(CLI::App& app, Action& action, Io& io);

/// The whole command line: every subcommand registered, global flags (-q, -v, --version)
/// and the hidden generators (--man, --bash-completion). `action` and `io` must outlive it.
std::unique_ptr<CLI::App> make_app(Action& action, Io& io);

/// rumorwatch(1) in roff, generated from the same App as --help, so they never disagree.
std::string render_manpage(const CLI::App& app);
/// A bash completion script for every command and option of `app`.
std::string render_bash_completion(const CLI::App& app);

/// "rumorwatch 0.1.0" and the versions of libcurl, Xapian and Gumbo, one per line.
std::string version_text();

/// Parses `args` (without the program name), runs the command, and returns the exit code.
/// Every exception is caught here and printed as "rumorwatch: error: ...".
int run_cli(const std::vector<std::string>& args, Io& io);

} // namespace rumorwatch
