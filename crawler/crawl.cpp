/// \file
/// crawl(): the lock, the index, the fetcher and the WARC writer around crawl passes, once
/// or every interval.
#include "crawler/crawler.h"

#include <optional>
#include <ostream>
#include <thread>

#include "crawler/crawl_engine.h"
#include "crawler/crawl_lock.h"
#include "crawler/curl_handles.h"
#include "parser/core/core.h"

namespace rumorwatch {
namespace {

/// Longest wait on one throttling host in a --once crawl. Retry-After values seen in the
/// wild are seconds to a couple of minutes; a timer every 30 minutes needs this run over
/// well before the next starts, so the URLs of a host asking for more wait for that run.
constexpr std::chrono::milliseconds kOnceMaxHostWait{60'000};

void add_into(CrawlSummary& total, const CrawlSummary& pass) {
    for (const auto& [id, s] : pass.outlets) {
        OutletSummary& t = total.outlets[id];
        t.fetched += s.fetched;
        t.not_modified += s.not_modified;
        t.added += s.added;
        t.updated += s.updated;
        t.unchanged += s.unchanged;
        t.failed += s.failed;
        t.skipped += s.skipped;
        t.duplicates += s.duplicates;
        t.bytes += s.bytes;
        for (const auto& [reason, n] : s.failure_reasons) t.failure_reasons[reason] += n;
    }
    total.requests += pass.requests;
    total.seconds += pass.seconds;
    total.interrupted = total.interrupted || pass.interrupted;
    ++total.cycles;
}

/// Sleeps until `until`, waking early when a stop is requested.
void sleep_until_or_stopped(std::chrono::steady_clock::time_point until) {
    while (!crawl_stop_requested() && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
            std::chrono::milliseconds(200), until - std::chrono::steady_clock::now()));
}

} // namespace

CrawlSummary crawl(const CrawlOptions& options, std::ostream& progress) {
    if (options.db_path.empty()) throw InputError("crawl: no database folder given (--db)");
    if (options.shard_count < 1 || options.shard_index < 0 || options.shard_index >= options.shard_count)
        throw InputError("crawl: shard " + std::to_string(options.shard_index + 1) + "/" +
                         std::to_string(options.shard_count) + " does not exist");
    const CurlGlobal curl;
    const CrawlLock lock(options.db_path);
    IndexWriter index(options.db_path);
    index.set_topics(options.topics);
    index.commit();
    if (options.on_open) options.on_open(index);

    const OutletMap outlets(options.config.outlets);
    CrawlLog log(options.log_file);
    std::optional<WarcWriter> warc;
    if (!options.warc_dir.empty()) warc.emplace(options.warc_dir);
    RobotsCache robots(options.config.user_agent);

    FetcherOptions fetcher_options;
    fetcher_options.user_agent = options.config.user_agent;
    fetcher_options.connect_to = options.connect_to;
    // A mapping opens only the address it names (AddressGuard), not every private address.
    fetcher_options.allow_non_public_addresses = options.allow_private_addresses;
    fetcher_options.capture_headers = warc.has_value();
    fetcher_options.max_total_connections = std::max(options.max_connections, 1);
    fetcher_options.limits.total_timeout = options.transfer_timeout;
    fetcher_options.limits.connect_timeout = std::min(fetcher_options.limits.connect_timeout, options.transfer_timeout);
    fetcher_options.limits.max_body_bytes = options.max_body_bytes;
    const auto fetcher = make_curl_fetcher(fetcher_options);

    EngineSettings settings;
    settings.workers = options.workers;
    settings.backoff.retry_base = std::chrono::milliseconds(500);
    // A --once crawl is run by cron or a timer: a host that asks for minutes is left to the
    // next run rather than holding this one, and the crawl lock, open.
    if (!options.every) settings.backoff.retry_after_max = kOnceMaxHostWait;
    settings.max_body_bytes = fetcher_options.limits.max_body_bytes;
    const EngineParts parts{options, outlets, *fetcher, index, robots, log, warc ? &*warc : nullptr};

    CrawlSummary total;
    while (true) {
        const auto started = std::chrono::steady_clock::now();
        const CrawlSummary pass = run_crawl_pass(parts, settings, progress);
        add_into(total, pass);
        if (options.after_pass) options.after_pass(index);
        if (!options.every || crawl_stop_requested()) break;
        if (!options.quiet) {
            print_summary(pass, progress);
            progress << "next crawl in " << options.every->count() / 60 << " min (Ctrl-C to stop)\n" << std::flush;
        }
        sleep_until_or_stopped(started + *options.every);
        if (crawl_stop_requested()) {
            total.interrupted = true;
            break;
        }
    }
    if (warc) warc->close();
    return total;
}

} // namespace rumorwatch
