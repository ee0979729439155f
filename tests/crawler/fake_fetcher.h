/// \file
/// A Fetcher that answers from a table of canned responses, for tests of the crawl logic
/// without sockets (as wget2 and curl's test suites declare what a server answers).
#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "crawler/fetcher.h"

namespace rumorwatch::test {

/// One canned answer.
struct CannedResponse {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers; ///< names lower-case
    std::string body;
    FetchError error = FetchError::none;
    std::chrono::milliseconds delay{0}; ///< how long the "transfer" takes
};

/// A 200 with a Content-Type.
inline CannedResponse ok(std::string body, std::string content_type = "text/html; charset=utf-8") {
    CannedResponse r;
    r.body = std::move(body);
    r.headers = {{"content-type", std::move(content_type)}};
    return r;
}

/// The real steady clock, remembering the last time it gave: the engine reads it for each
/// scheduling decision (EngineSettings::clock) and FakeFetcher records that same reading as
/// a request's start, so spacing is checked on the engine's own decisions, to the tick.
class SharedClock {
public:
    std::chrono::steady_clock::time_point now() {
        std::lock_guard lock(mutex_);
        return last_ = std::chrono::steady_clock::now();
    }
    std::chrono::steady_clock::time_point last() const {
        std::lock_guard lock(mutex_);
        return last_;
    }

private:
    mutable std::mutex mutex_;
    std::chrono::steady_clock::time_point last_{};
};

/// Answers each URL from its queue of responses (the last one repeats), 404 for unknown
/// URLs; records every request with its start time. Transfers take their `delay` of real
/// time, so politeness is measured on the same clock the scheduler uses.
class FakeFetcher final : public Fetcher {
public:
    struct Request {
        std::string url;
        std::string if_none_match;
        std::string if_modified_since;
        std::chrono::steady_clock::time_point started;
    };

    /// Sets the answers for `url`, in order.
    void on(const std::string& url, std::vector<CannedResponse> responses) { table_[url] = {responses.begin(), responses.end()}; }
    void on(const std::string& url, CannedResponse response) { on(url, std::vector<CannedResponse>{std::move(response)}); }

    /// When set, a request's start is the engine's last reading of this clock, not a new one.
    SharedClock* clock = nullptr;

    /// Called at every start (e.g. to request a stop at a chosen moment).
    std::function<void(const FetchRequest&)> on_start;

    void start(FetchRequest request) override {
        if (on_start) on_start(request);
        const auto now = clock ? clock->last() : std::chrono::steady_clock::now();
        requests_.push_back({request.url, request.if_none_match, request.if_modified_since, now});
        CannedResponse answer;
        answer.status = 404;
        if (auto it = table_.find(request.url); it != table_.end() && !it->second.empty()) {
            answer = it->second.front();
            if (it->second.size() > 1) it->second.pop_front();
        }
        // A conditional request on an unchanged canned page gets a 304, like a real server.
        if (answer.status == 200 && answer.error == FetchError::none && !request.if_none_match.empty()) {
            for (const auto& [name, value] : answer.headers)
                if (name == "etag" && value == request.if_none_match) {
                    answer.status = 304;
                    answer.body.clear();
                }
        }
        FetchResult r;
        r.id = request.id;
        r.url = request.url;
        r.final_url = request.url;
        r.http_status = answer.status;
        r.error = answer.error;
        r.headers = answer.headers;
        r.body = answer.error == FetchError::none && answer.status >= 200 && answer.status < 300 ? answer.body : "";
        r.wire_bytes = r.body.size();
        r.started = now;
        r.started_wall = std::chrono::system_clock::now();
        running_.push_back({now + answer.delay, std::move(r)});
        max_active_ = std::max(max_active_, running_.size());
    }

    std::vector<FetchResult> poll(std::chrono::milliseconds wait) override {
        auto deadline = std::chrono::steady_clock::now() + wait;
        if (!running_.empty()) {
            const auto first = std::min_element(running_.begin(), running_.end(),
                                                [](const auto& a, const auto& b) { return a.first < b.first; })->first;
            deadline = std::min(deadline, first);
        }
        if (wait.count() == 0 && running_.empty()) ++idle_spins_;
        {
            // Sleeps like a socket wait: until the deadline or a wake() from another thread.
            std::unique_lock lock(wake_mutex_);
            wake_.wait_until(lock, deadline, [&] { return woken_; });
            woken_ = false;
        }
        const auto now = std::chrono::steady_clock::now();
        std::vector<FetchResult> done;
        for (auto it = running_.begin(); it != running_.end();) {
            if (it->first <= now) {
                it->second.finished = now;
                done.push_back(std::move(it->second));
                it = running_.erase(it);
            } else {
                ++it;
            }
        }
        return done;
    }

    std::size_t active() const override { return running_.size(); }
    void cancel_all() override { running_.clear(); }
    void wake() override {
        std::lock_guard lock(wake_mutex_);
        woken_ = true;
        wake_.notify_one();
    }
    /// Polls asked not to wait while no transfer was running: a driving loop that spins.
    std::size_t idle_spins() const { return idle_spins_; }

    const std::vector<Request>& requests() const { return requests_; }
    /// Requests made for `url`.
    std::vector<Request> requests_for(const std::string& url) const {
        std::vector<Request> out;
        for (const auto& r : requests_)
            if (r.url == url) out.push_back(r);
        return out;
    }
    /// The most transfers that were running at once.
    std::size_t max_active() const { return max_active_; }

private:
    std::map<std::string, std::deque<CannedResponse>> table_;
    std::vector<Request> requests_;
    std::vector<std::pair<std::chrono::steady_clock::time_point, FetchResult>> running_;
    std::size_t max_active_ = 0;
    std::size_t idle_spins_ = 0;
    std::mutex wake_mutex_;
    std::condition_variable wake_;
    bool woken_ = false;
};

} // namespace rumorwatch::test
