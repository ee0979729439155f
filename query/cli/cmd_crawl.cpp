/// \file
/// `rumorwatch crawl`: options -> CrawlOptions -> crawler::crawl -> summary.
#include <iostream>
#include <regex>

#include <unistd.h>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include "crawler/crawler.h"
#include "index/index.h"
#include "parser/core/core.h"
#include "query/cli/cli.h"
#include "query/cli/paths.h"
#include "query/timeline/timeline.h"
#include "query/timeline/export/export.h"

namespace rumorwatch {
namespace {

struct CrawlArgs {
    std::string config;
    std::vector<std::string> topics;
    std::string db;
    std::string warc;
    bool once = false;
    std::string every;
    std::string shard;
    std::vector<std::string> connect_to;
    bool allow_private = false;
    bool quiet = false;
    std::string log;
    bool refresh = false;
    int max_connections = 16;
    int workers = 0;
    std::string timeout = "60s";
    int max_body_mb = 8;
    std::string on_change;
};

/// Each topic's timeline as the database holds it now (none when there is no database yet).
std::vector<Timeline> current_timelines(const std::string& db, const std::vector<Topic>& topics) {
    std::vector<Timeline> timelines;
    std::unique_ptr<IndexReader> reader;
    try {
        reader = std::make_unique<IndexReader>(std::vector<std::string>{db});
    } catch (const IndexError&) {
        // A first crawl has nothing to compare with: every transition it finds is new.
    }
    for (const Topic& topic : topics) {
        TimelineOptions options;
        options.topic_id = topic.id;
        options.parties = party_names(topic);
        if (!reader) {
            timelines.push_back(build_timeline({}, {}, options));
            continue;
        }
        TimelineRequest request; // no body text: a timeline never shows it
        request.topic_id = topic.id;
        TimelineInput input = timeline_input(reader->timeline_articles(request), topic.id);
        timelines.push_back(build_timeline(std::move(input.entries), std::move(input.edits), options));
    }
    return timelines;
}

/// Runs the --on-change command once per transition the crawl added, oldest first, with
/// {"topic", "topic_name", "state", "transition"} as JSON on its standard input.
void announce_changes(const std::string& command, const std::vector<Topic>& topics,
                      const std::vector<Timeline>& before, const std::vector<Timeline>& after, Io& io) {
    for (std::size_t i = 0; i < topics.size(); ++i) {
        for (const Transition& t : new_transitions(before[i], after[i])) {
            const nlohmann::json message = {{"topic", topics[i].id},
                                            {"topic_name", topics[i].name},
                                            {"state", after[i].state},
                                            {"transition", transition_to_json(t)}};
            const int status = run_with_input(command, message.dump(-1, ' ', false,
                                                                     nlohmann::json::error_handler_t::replace) + "\n");
            if (status != 0)
                io.err << "rumorwatch: warning: --on-change command exited with status " << status << "\n";
        }
    }
}

std::chrono::seconds parse_duration(const std::string& text, const char* option = "--every") {
    static const std::regex kDuration("^([0-9]{1,9})(s|m|h|d)$"); // 9 digits: std::stoll cannot overflow
    std::smatch m;
    if (!std::regex_match(text, m, kDuration))
        throw InputError(std::string(option) + ": \"" + text + "\" is not a duration such as 30s, 30m, 2h or 1d");
    const long long n = std::stoll(m[1]);
    const char unit = m[2].str()[0];
    const long long factor = unit == 's' ? 1 : unit == 'm' ? 60 : unit == 'h' ? 3600 : 86400;
    if (n <= 0) throw InputError(std::string(option) + ": the duration must be positive");
    return std::chrono::seconds(n * factor);
}

int run_crawl(const CrawlArgs& args, Io& io) {
    CrawlOptions options;
    options.config = load_config(args.config.empty() ? default_config_path() : args.config);
    if (args.topics.empty()) {
        options.topics.push_back(load_topic(default_topic_path()));
    } else {
        for (const auto& t : args.topics) options.topics.push_back(load_topic(t));
    }
    options.db_path = args.db.empty() ? default_db_path() : args.db;
    options.warc_dir = args.warc;
    options.connect_to = args.connect_to;
    options.allow_private_addresses = args.allow_private;
    options.quiet = args.quiet || io.verbosity < 0;
    options.log_file = args.log;
    options.revisit_all = args.refresh;
    options.max_connections = args.max_connections;
    options.workers = args.workers;
    options.transfer_timeout = std::chrono::duration_cast<std::chrono::milliseconds>(parse_duration(args.timeout, "--timeout"));
    options.max_body_bytes = static_cast<std::size_t>(args.max_body_mb) << 20;
    options.progress_is_tty = isatty(STDERR_FILENO) == 1;
    if (!args.every.empty()) {
        if (args.once) throw InputError("--once and --every cannot be used together");
        options.every = parse_duration(args.every);
    }
    if (!args.shard.empty()) {
        static const std::regex kShard("^([0-9]{1,6})/([0-9]{1,6})$"); // 6 digits: std::stoi cannot overflow
        std::smatch m;
        if (!std::regex_match(args.shard, m, kShard))
            throw InputError("--shard: expected K/N such as 1/4, not \"" + args.shard + "\"");
        const int k = std::stoi(m[1]), n = std::stoi(m[2]);
        if (n < 1 || k < 1 || k > n) throw InputError("--shard: K must be between 1 and N");
        options.shard_index = k - 1;
        options.shard_count = n;
    }
    // SIGINT/SIGTERM finish the batch in hand and commit; the crawl then returns normally.
    install_crawl_signal_handlers();
    std::vector<Timeline> before;
    if (!args.on_change.empty()) {
        before = current_timelines(options.db_path, options.topics);
        // After every pass, so that `--every` announces a change when it happens, not at exit.
        options.after_pass = [&] {
            std::vector<Timeline> now = current_timelines(options.db_path, options.topics);
            announce_changes(args.on_change, options.topics, before, now, io);
            before = std::move(now);
        };
    }
    const CrawlSummary summary = crawl(options, io.err);
    if (!options.quiet) print_summary(summary, io.out);
    else print_failures(summary, io.err);
    // A crawl that reached no outlet at all (network down, every host refusing) is a failure
    // cron must hear of; pages that failed among fetched ones are retried by a later crawl.
    if (no_outlet_answered(summary))
        throw Error("crawl: no outlet could be fetched: every request failed (reasons above)");
    return 0;
}

} // namespace

void add_crawl_command(CLI::App& app, Action& action, Io& io) {
    auto args = std::make_shared<CrawlArgs>();
    CLI::App* cmd = app.add_subcommand("crawl", "Fetch the configured outlets and index what they say");
    cmd->add_option("--config", args->config, "Outlets file (default: $XDG_CONFIG_HOME/rumorwatch/outlets.json)");
    cmd->add_option("--topic", args->topics, "Topic file; may be repeated (default: the shipped apple-alibaba topic)");
    cmd->add_option("--db", args->db, "Database directory (default: $XDG_DATA_HOME/rumorwatch/db)");
    cmd->add_option("--warc", args->warc, "Write every response as WARC records into this directory");
    cmd->add_flag("--once", args->once, "Crawl once and exit (the default; for cron and systemd timers)");
    cmd->add_option("--every", args->every, "Keep running, crawling again after each interval (30m, 2h, 1d)");
    cmd->add_option("--shard", args->shard, "Crawl only the outlets of shard K of N (K/N, 1-based)");
    cmd->add_option("--connect-to", args->connect_to,
                    "Send requests for HOST:PORT to ADDR:PORT instead (libcurl CONNECT_TO syntax, "
                    "HOST:PORT:ADDR:PORT; empty HOST or PORT matches any); may be repeated");
    cmd->add_flag("--allow-private-addresses", args->allow_private,
                  "Connect to loopback, private and link-local addresses (refused by default, so that "
                  "a page cannot point the crawler at your own network; a --connect-to mapping lifts it "
                  "only for the ADDR:PORT it names)");
    cmd->add_flag("-q,--quiet", args->quiet, "No progress output (for cron)");
    cmd->add_option("--log", args->log, "Append a JSON-lines log of every fetch to this file");
    cmd->add_flag("--refresh", args->refresh,
                  "Ask again now for every known URL that did not fail last time, not only those "
                  "due (conditional requests: unchanged pages cost a 304)");
    cmd->add_option("--max-connections", args->max_connections,
                    "Connections open at once over all hosts (per-host limits come from the outlets file)")
        ->check(CLI::Range(1, 256));
    cmd->add_option("--workers", args->workers, "Extraction threads (default: one per core)")
        ->check(CLI::Range(0, 256));
    cmd->add_option("--timeout", args->timeout, "Longest time one transfer may take, redirects included (default 60s)");
    cmd->add_option("--max-body-mb", args->max_body_mb,
                    "Largest page accepted in MiB, counted after decompression (default 8)")
        ->check(CLI::Range(1, 1024));
    cmd->add_option("--on-change", args->on_change,
                    "Run this shell command when the crawl moves a rumor's state, once per new transition, "
                    "with the transition as JSON on its standard input (after a --once crawl)");
    cmd->callback([&action, &io, args] { action = [&io, args] { return run_crawl(*args, io); }; });
}

} // namespace rumorwatch
