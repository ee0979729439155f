/// \file
/// reindex / import-warc: captured responses -> the same page processing and index stage as
/// a crawl, with no network.
#include "crawler/crawler.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <functional>
#include <ostream>
#include <thread>
#include <unordered_map>

#include "crawler/bounded_queue.h"
#include "crawler/crawl_lock.h"
#include "crawler/fetcher.h"
#include "crawler/index_stage.h"
#include "crawler/page_processor.h"
#include "crawler/warc_reader.h"
#include "parser/core/core.h"
#include "crawler/feeds.h"

namespace rumorwatch {
namespace {

/// The crawler's body cap (FetchLimits::max_body_bytes): a captured body inflates no further.
constexpr std::size_t kMaxBody = FetchLimits{}.max_body_bytes;

std::string target_uri(const WarcRecord& record) {
    std::string uri = record.field("WARC-Target-URI");
    // WARC/1.0 writers sometimes wrap the URI in angle brackets.
    if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
    return uri;
}

Timestamp record_time(const WarcRecord& record) {
    if (auto t = parse_feed_date(record.field("WARC-Date"))) return *t;
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

} // namespace

std::vector<std::string> warc_files_in(const std::string& dir) {
    std::error_code ec;
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.ends_with(".warc.gz") || name.ends_with(".warc") || name.ends_with(".warc.gz.open"))
            files.push_back(entry.path().string());
    }
    if (ec) throw InputError(dir + ": cannot read the WARC folder: " + ec.message());
    if (files.empty()) throw InputError(dir + ": no WARC files (*.warc.gz, *.warc) in this folder");
    std::sort(files.begin(), files.end());
    return files;
}

namespace {

struct ImportCounts {
    int responses = 0, unattributed = 0, not_pages = 0, truncated_files = 0;
    std::vector<std::string> damage;    ///< corrupt gzip members skipped, file and offset
    std::vector<std::string> oversized; ///< records over the cap skipped, file and offset
};

/// Reads every response of the files in order and turns each page into a PageReport (parse,
/// extract, analyse), handed to `emit`; stops early when `emit` returns false.
void read_pages(const WarcImportOptions& options, const OutletMap& outlets, const ProcessContext& context,
                std::unordered_map<std::string, UrlState> known, ImportCounts& counts,
                const std::function<bool(PageReport)>& emit) {
    for (const auto& path : options.files) {
        WarcReader reader(path);
        const std::string file_name = std::filesystem::path(path).filename().string();
        // An interrupted crawl's file is referred to by its final name.
        const std::string ref_name = file_name.ends_with(".open") ? file_name.substr(0, file_name.size() - 5) : file_name;
        while (auto record = reader.next()) {
            if (record->type() != "response") continue;
            ++counts.responses;
            const std::string url = crawl_url(target_uri(*record));
            const Outlet* outlet = url.empty() ? nullptr : outlets.outlet_for(url);
            if (!outlet) {
                ++counts.unattributed;
                continue;
            }
            auto http = parse_http_response(record->block, kMaxBody);
            if (!http || http->status < 200 || http->status >= 300) {
                ++counts.not_pages;
                continue;
            }
            WorkItem item;
            item.task.url = url;
            item.task.host = host_key(url);
            item.task.outlet = static_cast<std::size_t>(outlet - outlets.outlets().data());
            if (url_path_and_query(url) == "/robots.txt") continue;
            // What was a feed or a link page is read as one (its links are not followed).
            item.task.kind = outlets.allows(*outlet, url) && !outlets.is_discovery_page(*outlet, url)
                                 ? TaskKind::page
                                 : TaskKind::discovery;
            if (auto it = known.find(url); it != known.end()) item.task.previous = it->second;
            const Timestamp when = record_time(*record);
            item.result.url = url;
            item.result.final_url = url;
            item.result.http_status = http->status;
            item.result.headers = std::move(http->headers);
            item.result.body = std::move(http->body);
            item.result.wire_bytes = item.result.body.size();
            item.result.started_wall = std::chrono::system_clock::time_point(when.time_since_epoch());
            const WarcRecordRef ref{ref_name, record->field("WARC-Record-ID"), 0};
            PageReport report = process_fetched(std::move(item), context, when, &ref);
            report.links.clear();
            if (report.state.last_visit) known[url] = report.state;
            if (!emit(std::move(report))) return;
        }
        if (reader.truncated()) ++counts.truncated_files;
        counts.damage.insert(counts.damage.end(), reader.damage().begin(), reader.damage().end());
        counts.oversized.insert(counts.oversized.end(), reader.oversized().begin(), reader.oversized().end());
    }
}

} // namespace

CrawlSummary import_warc(const WarcImportOptions& options, std::ostream& progress) {
    const auto started = std::chrono::steady_clock::now();
    for (const auto& file : options.files)
        if (!std::filesystem::is_regular_file(file)) throw InputError(file + ": no such WARC file");
    const CrawlLock lock(options.db_path);
    IndexWriter index(options.db_path);
    index.set_topics(options.topics);
    const OutletMap outlets(options.config.outlets);
    CrawlLog log;
    CrawlCounters counters;
    const std::vector<UrlState> states = index.all_url_states();
    std::unordered_map<std::string, UrlState> known;
    for (const auto& s : states) known.emplace(s.url, s);
    IndexStage stage(index, outlets, states, log, counters, 500, std::chrono::seconds(10));
    const ProcessContext context{outlets, options.topics, nullptr, kMaxBody};

    // Two stages in step, as in a crawl: one thread reads and processes the pages (gunzip,
    // parse, extract, analyse: about half the work), this one indexes them in the same
    // order, so an article captured twice still gets its versions in capture order.
    BoundedQueue<PageReport> reports(64);
    ImportCounts counts;
    std::exception_ptr reader_error;
    std::thread reader([&] {
        try {
            read_pages(options, outlets, context, std::move(known), counts,
                       [&](PageReport report) { return reports.push(std::move(report)); });
        } catch (...) {
            reader_error = std::current_exception();
        }
        reports.close();
    });
    {
        // An index error leaves through here: the reader sees the queue closed and stops.
        struct StopReader {
            BoundedQueue<PageReport>& queue;
            std::thread& thread;
            ~StopReader() {
                queue.close();
                thread.join();
            }
        } stop{reports, reader};
        while (auto report = reports.pop()) stage.handle(std::move(*report));
    }
    if (reader_error) std::rethrow_exception(reader_error);
    stage.finish();
    if (!options.quiet) {
        progress << counts.responses << " responses read";
        if (counts.unattributed) progress << ", " << counts.unattributed << " of hosts no outlet covers (skipped)";
        if (counts.not_pages) progress << ", " << counts.not_pages << " not 2xx (skipped)";
        if (counts.truncated_files) progress << ", " << counts.truncated_files << " file(s) ended inside a record";
        progress << "\n";
    }
    // Shown even when quiet: these are records lost, which the exit code reports too.
    for (const auto& line : counts.damage) progress << "rumorwatch: warning: " << line << "\n";
    for (const auto& line : counts.oversized) progress << "rumorwatch: warning: " << line << "\n";
    CrawlSummary summary;
    summary.outlets = stage.outlets();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    summary.cycles = 1;
    summary.damaged_members = static_cast<int>(counts.damage.size());
    return summary;
}

} // namespace rumorwatch
