/// \file
/// The crawl pass: fetch loop on the calling thread, workers, index writer thread.
#include "crawler/crawl_engine.h"

#include <algorithm>
#include <exception>
#include <mutex>
#include <ostream>
#include <random>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "crawler/bounded_queue.h"
#include "crawler/index_stage.h"
#include "crawler/page_processor.h"
#include "parser/core/core.h"
#include "crawler/robots.h"

namespace rumorwatch {
namespace {

using std::chrono::steady_clock;

Timestamp wall_now() { return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()); }

/// The first exception any thread hit; the others stop when one is set.
class ErrorSlot {
public:
    void set(std::exception_ptr e) {
        std::lock_guard lock(mutex_);
        if (!error_) error_ = std::move(e);
        failed_.store(true);
    }
    bool failed() const { return failed_.load(); }
    void rethrow() {
        std::lock_guard lock(mutex_);
        if (error_) std::rethrow_exception(error_);
    }

private:
    std::mutex mutex_;
    std::exception_ptr error_;
    std::atomic<bool> failed_{false};
};

/// Reports with links, handed from workers back to the fetch thread.
class Inbox {
public:
    void push(PageReport report) {
        std::lock_guard lock(mutex_);
        items_.push_back(std::move(report));
    }
    std::vector<PageReport> take() {
        std::lock_guard lock(mutex_);
        return std::exchange(items_, {});
    }
    bool empty() const {
        std::lock_guard lock(mutex_);
        return items_.empty();
    }

private:
    mutable std::mutex mutex_;
    std::vector<PageReport> items_;
};

class CrawlPass {
public:
    CrawlPass(const EngineParts& parts, const EngineSettings& settings, std::ostream& progress)
        : parts_(parts), settings_(settings), progress_(progress),
          workers_count_(settings.workers > 0 ? settings.workers
                                              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))),
          frontier_(parts.options.max_connections),
          work_(static_cast<std::size_t>(workers_count_) * 2 + static_cast<std::size_t>(parts.options.max_connections)),
          writes_(settings.write_queue_capacity),
          rng_(settings.seed ? settings.seed : static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count())) {}

    CrawlSummary run() {
        const auto started = steady_now();
        const std::vector<UrlState> states = parts_.index.all_url_states();
        for (const auto& s : states) known_.emplace(s.url, s);
        IndexStage stage(parts_.index, parts_.outlets, states, parts_.log, counters_, settings_.commit_every,
                         settings_.commit_interval);

        std::thread writer([&] {
            try {
                while (auto report = writes_.pop()) stage.handle(std::move(*report));
                stage.finish();
            } catch (...) {
                errors_.set(std::current_exception());
                writes_.close(); // producers must not wait for a writer that is gone
            }
        });
        std::vector<std::thread> workers;
        for (int i = 0; i < workers_count_; ++i) workers.emplace_back([&] { work_loop(); });

        try {
            seed();
            fetch_loop();
        } catch (...) {
            errors_.set(std::current_exception());
        }
        const bool stopping = stop_requested();
        parts_.fetcher.cancel_all();
        work_.close();
        for (auto& w : workers) w.join();
        // Reports still waiting for the fetch thread: their links become pending states, so a
        // page whose validators are committed never hides links a later crawl would miss.
        for (auto& report : inbox_.take()) {
            accept_links(report, false);
            writes_.push(std::move(report));
        }
        writes_.close();
        writer.join();
        if (parts_.options.progress_is_tty && !parts_.options.quiet) progress_ << "\r\033[K" << std::flush;
        errors_.rethrow();

        CrawlSummary summary;
        summary.outlets = stage.outlets();
        summary.requests = requests_;
        summary.interrupted = stopping;
        summary.seconds = std::chrono::duration<double>(steady_now() - started).count();
        return summary;
    }

private:
    bool stop_requested() const { return crawl_stop_requested() || errors_.failed(); }

    HostSettings host_settings(std::size_t outlet) const {
        const Outlet& o = parts_.outlets.outlets()[outlet];
        return HostSettings{Millis(o.min_delay_ms), o.max_connections};
    }

    bool in_shard_outlet(std::size_t outlet) const {
        return in_shard(parts_.outlets.outlets()[outlet].id, parts_.options.shard_index, parts_.options.shard_count);
    }

    bool due(const UrlState& s, Timestamp now) const {
        if (!s.last_visit) return true; // discovered, never fetched
        // --refresh asks again for every page that worked; failed ones keep their backoff.
        if (parts_.options.revisit_all && s.failures == 0) return true;
        return !s.next_visit || *s.next_visit <= now;
    }

    /// Queues `url` unless it was queued already this pass, is not due, or the outlet's
    /// budget is spent. @return true when queued.
    bool admit(const std::string& url, TaskKind kind, std::size_t outlet, bool seed_task, bool to_frontier = true) {
        if (!in_shard_outlet(outlet)) return false;
        if (seen_.count(url)) return false;
        const auto known = known_.find(url);
        if (!seed_task && known != known_.end() && !due(known->second, now_wall_)) return false;
        const Outlet& o = parts_.outlets.outlets()[outlet];
        int& admitted = admitted_[outlet];
        if (admitted >= o.max_pages) return false;
        ++admitted;
        seen_.insert(url);
        if (!to_frontier) return true;
        CrawlTask task;
        task.url = url;
        task.host = host_key(url);
        task.outlet = outlet;
        task.kind = kind;
        if (known != known_.end()) task.previous = known->second;
        const std::string host = task.host;
        frontier_.push(std::move(task), host_settings(outlet));
        // A host whose robots.txt is still fresh from an earlier pass needs no new request.
        if (!frontier_.has_robots(host) && parts_.robots.fresh(host, now_wall_))
            frontier_.robots_ready(host, parts_.robots.crawl_delay(host));
        return true;
    }

    void seed() {
        now_wall_ = wall_now();
        const auto& outlets = parts_.outlets.outlets();
        for (std::size_t i = 0; i < outlets.size(); ++i) {
            for (const auto& feed : outlets[i].feeds) admit(crawl_url(feed), TaskKind::discovery, i, true);
            for (const auto& sitemap : outlets[i].sitemaps) admit(crawl_url(sitemap), TaskKind::discovery, i, true);
            admit(crawl_url(outlets[i].home), TaskKind::discovery, i, true);
        }
        // Revisits and links found by an earlier crawl that it did not get to.
        std::vector<const UrlState*> due_states;
        for (const auto& [url, s] : known_)
            if (due(s, now_wall_)) due_states.push_back(&s);
        // Never-fetched links first (they are what an interrupted crawl left), then oldest.
        std::sort(due_states.begin(), due_states.end(), [](const UrlState* a, const UrlState* b) {
            if (a->last_visit.has_value() != b->last_visit.has_value()) return !a->last_visit.has_value();
            return a->url < b->url;
        });
        for (const UrlState* s : due_states) {
            const Outlet* o = parts_.outlets.outlet_for(s->url);
            if (!o) continue;
            const auto index = static_cast<std::size_t>(o - outlets.data());
            const bool article = parts_.outlets.allows(*o, s->url) && !parts_.outlets.is_discovery_page(*o, s->url);
            admit(s->url, article ? TaskKind::page : TaskKind::discovery, index, false);
        }
    }

    void accept_links(PageReport& report, bool to_frontier) {
        for (const DiscoveredLink& link : report.links) {
            const bool is_new = !known_.count(link.url) && !seen_.count(link.url);
            if (!admit(link.url, link.kind, link.outlet, false, to_frontier)) continue;
            if (is_new) {
                UrlState pending;
                pending.url = link.url;
                pending.next_visit = now_wall_;
                report.pending.push_back(pending);
            }
        }
    }

    void start(CrawlTask task) {
        FetchRequest request;
        request.id = ++next_id_;
        request.url = task.url;
        request.any_content_type = task.kind == TaskKind::robots;
        if (task.kind == TaskKind::robots) request.keep_head = kRobotsMaxBytes;
        request.vet_redirect = [this, outlet = task.outlet](const std::string& target) { return vet_redirect(outlet, target); };
        if (task.previous && task.kind != TaskKind::robots) {
            request.if_none_match = task.previous->etag;
            request.if_modified_since = task.previous->last_modified;
        }
        running_.emplace(request.id, std::move(task));
        parts_.fetcher.start(std::move(request));
        ++requests_;
    }

    /// Why a redirect from a page of `outlet` to `target` must not be followed ("" when it
    /// may): it leaves the outlet's hosts and allow patterns, or robots.txt forbids it.
    std::string vet_redirect(std::size_t outlet, const std::string& target) const {
        const Outlet& o = parts_.outlets.outlets()[outlet];
        const std::string url = crawl_url(target);
        if (url.empty()) return "redirect to an unusable URL";
        if (!parts_.outlets.on_outlet_host(o, url) && !parts_.outlets.allows(o, url))
            return "redirect leaves the outlet's scope: " + url.substr(0, 200);
        const std::string host = host_key(url);
        if (parts_.robots.fresh(host, now_wall_) && !parts_.robots.allows(host, url))
            return "redirect to a page robots.txt disallows: " + url.substr(0, 200);
        return {};
    }

    void write(PageReport report) {
        if (!writes_.push(std::move(report))) errors_.set(std::make_exception_ptr(Error("the index writer stopped")));
    }

    void give_up(CrawlTask task, const FetchResult& r) {
        write(report_failure(task, &r, PageReport::Event::failed, failure_reason(r), now_wall_));
    }

    /// The host asked for a wait longer than this run waits (retry_after_max): this URL and
    /// the host's queued ones are left to the next run, as failures that say so, instead of
    /// holding the crawl (and its lock) open.
    void defer_host(CrawlTask task, const FetchResult& r) {
        const std::string reason = "deferred to the next run (" + failure_reason(r) + ", host asks to wait over " +
                                   std::to_string(settings_.backoff.retry_after_max.count() / 1000) + " s)";
        write(report_failure(task, &r, PageReport::Event::failed, reason, now_wall_));
        for (auto& dropped : frontier_.drop_host(task.host))
            write(report_failure(dropped, nullptr, PageReport::Event::failed, reason, now_wall_));
    }

    void handle_robots(CrawlTask task, FetchResult r, FetchOutcome outcome, SteadyTime now) {
        const BackoffSettings& b = settings_.backoff;
        if ((outcome == FetchOutcome::transient || outcome == FetchOutcome::throttled) && task.attempt < b.max_retries) {
            ++task.attempt;
            task.not_before = now + retry_delay(task.attempt, b, rng_);
            frontier_.retry(std::move(task));
            return;
        }
        parts_.robots.store(task.host, &r, now_wall_);
        if (parts_.warc && r.error == FetchError::none && r.http_status >= 200 && r.http_status < 300)
            parts_.warc->write_exchange(r);
        if (parts_.log.enabled())
            parts_.log.write({{"url", task.url},
                              {"event", "robots"},
                              {"status", r.http_status},
                              {"policy", parts_.robots.describe(task.host)}});
        if (parts_.robots.disallows_all(task.host)) {
            const std::string reason = "robots.txt unavailable (" + failure_reason(r) + ")";
            for (auto& dropped : frontier_.drop_host(task.host))
                write(report_failure(dropped, nullptr, PageReport::Event::failed, reason, now_wall_));
        }
        frontier_.robots_ready(task.host, parts_.robots.crawl_delay(task.host));
    }

    void handle_result(FetchResult r, SteadyTime now) {
        const auto it = running_.find(r.id);
        if (it == running_.end()) return;
        CrawlTask task = std::move(it->second);
        running_.erase(it);
        frontier_.finished(task.host);
        const FetchOutcome outcome = classify_outcome(r);
        if (task.kind == TaskKind::robots) {
            handle_robots(std::move(task), std::move(r), outcome, now);
            return;
        }
        const BackoffSettings& b = settings_.backoff;
        switch (outcome) {
        case FetchOutcome::ok:
            outstanding_.fetch_add(1);
            if (!work_.push(WorkItem{std::move(task), std::move(r)})) outstanding_.fetch_sub(1);
            return;
        case FetchOutcome::not_modified: write(report_not_modified(task, r, now_wall_)); return;
        case FetchOutcome::throttled: {
            const auto retry_after = parse_retry_after(r.header("retry-after").value_or(""), r.started_wall);
            HostState* host = frontier_.find_host(task.host);
            const SteadyTime until = host ? host->on_throttled(now, retry_after, b, rng_) : now;
            if (until - now > b.retry_after_max) {
                defer_host(std::move(task), r);
            } else if (task.attempt < b.max_retries) {
                ++task.attempt;
                task.not_before = until;
                frontier_.retry(std::move(task));
            } else {
                give_up(std::move(task), r);
            }
            return;
        }
        case FetchOutcome::transient:
            if (task.attempt < b.max_retries) {
                ++task.attempt;
                task.not_before = now + retry_delay(task.attempt, b, rng_);
                frontier_.retry(std::move(task));
            } else {
                give_up(std::move(task), r);
            }
            return;
        case FetchOutcome::permanent: give_up(std::move(task), r); return;
        }
    }

    void work_loop() {
        ProcessContext context{parts_.outlets, parts_.options.topics, parts_.warc, settings_.max_body_bytes};
        while (auto item = work_.pop()) {
            try {
                if (!errors_.failed()) {
                    PageReport report = process_fetched(std::move(*item), context, wall_now());
                    // Links go through the fetch thread, which admits them and adds their
                    // pending states to this report before it is written.
                    if (report.links.empty()) write(std::move(report));
                    else inbox_.push(std::move(report));
                }
            } catch (...) {
                errors_.set(std::current_exception());
            }
            outstanding_.fetch_sub(1);
            // Room in the work queue, maybe links to admit or the last page done: the
            // fetch loop may be waiting for exactly that.
            parts_.fetcher.wake();
        }
    }

    void show_progress(SteadyTime now, bool force) {
        if (!parts_.options.progress_is_tty || parts_.options.quiet) return;
        if (!force && now - last_progress_ < std::chrono::milliseconds(500)) return;
        last_progress_ = now;
        const double elapsed = std::chrono::duration<double>(now - started_).count();
        const int fetched = counters_.fetched.load();
        progress_ << "\r\033[K"
                  << progress_line(fetched, counters_.not_modified.load(), frontier_.queued(), frontier_.in_flight(),
                                   counters_.errors.load(), elapsed > 0 ? (fetched + counters_.not_modified.load()) / elapsed : 0)
                  << std::flush;
    }

    SteadyTime steady_now() const { return settings_.clock ? settings_.clock() : steady_clock::now(); }

    void fetch_loop() {
        started_ = steady_now();
        const std::size_t work_room = work_.capacity();
        auto allowed = [this](const CrawlTask& t) { return parts_.robots.allows(t.host, t.url); };
        while (true) {
            const SteadyTime now = steady_now();
            now_wall_ = wall_now();
            if (stop_requested()) return;
            for (auto& report : inbox_.take()) {
                accept_links(report, true);
                write(std::move(report));
            }
            while (!stop_requested() && work_.size() + parts_.fetcher.active() < work_room) {
                // A fresh clock: the spacing counts from the real start, not from the top of
                // the loop, which the inbox above can make milliseconds old (ASan saw 36 ms
                // between two starts on a 40 ms host).
                auto task = frontier_.pop_ready(steady_now(), allowed);
                if (!task) break;
                start(std::move(*task));
            }
            for (auto& denied : frontier_.take_disallowed())
                write(report_failure(denied, nullptr, PageReport::Event::disallowed, "robots.txt disallows", now_wall_));
            if (frontier_.queued() == 0 && parts_.fetcher.active() == 0 && outstanding_.load() == 0 && inbox_.empty())
                break;
            std::chrono::milliseconds wait = settings_.max_poll_wait;
            // With the work queue full nothing can start, however ready a host is: wait for
            // a transfer or a worker (wake()) instead of polling with no timeout, which
            // spun this thread at 3.5 ms of CPU per page.
            const bool room = work_.size() + parts_.fetcher.active() < work_room;
            if (const auto next = room ? frontier_.next_ready(now) : std::nullopt)
                wait = std::clamp(std::chrono::ceil<std::chrono::milliseconds>(*next - now), std::chrono::milliseconds(0),
                                  settings_.max_poll_wait);
            for (auto& r : parts_.fetcher.poll(wait)) handle_result(std::move(r), steady_now());
            show_progress(steady_now(), false);
        }
    }

    const EngineParts& parts_;
    const EngineSettings& settings_;
    std::ostream& progress_;
    int workers_count_;
    Frontier frontier_;
    BoundedQueue<WorkItem> work_;
    BoundedQueue<PageReport> writes_;
    Inbox inbox_;
    ErrorSlot errors_;
    CrawlCounters counters_;
    std::mt19937_64 rng_;
    std::atomic<int> outstanding_{0};
    std::unordered_map<std::string, UrlState> known_;
    std::unordered_set<std::string> seen_;
    std::unordered_map<std::size_t, int> admitted_;
    std::unordered_map<std::uint64_t, CrawlTask> running_;
    std::uint64_t next_id_ = 0;
    int requests_ = 0;
    Timestamp now_wall_{};
    SteadyTime started_{};
    SteadyTime last_progress_{};
};

} // namespace

CrawlSummary run_crawl_pass(const EngineParts& parts, const EngineSettings& settings, std::ostream& progress) {
    CrawlPass pass(parts, settings, progress);
    return pass.run();
}

} // namespace rumorwatch
