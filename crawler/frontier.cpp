/// \file
/// The crawl frontier.
#include "crawler/frontier.h"

#include <algorithm>

#include "crawler/outlet_map.h"
#include "parser/core/core.h"

namespace rumorwatch {

Frontier::Frontier(int global_max) : global_max_(std::max(global_max, 1)) {}

Frontier::Host& Frontier::host_entry(const std::string& key, const HostSettings& settings) {
    auto it = hosts_.find(key);
    if (it == hosts_.end()) {
        it = hosts_.emplace(key, Host{HostState(settings.min_delay, settings.max_connections), {}, {}, {}, {}, {}, 0})
                 .first;
        order_.push_back(key);
    }
    return it->second;
}

HostState& Frontier::host_state(const std::string& host, const HostSettings& settings) {
    return host_entry(host, settings).politeness;
}

HostState* Frontier::find_host(const std::string& host) {
    const auto it = hosts_.find(host);
    return it == hosts_.end() ? nullptr : &it->second.politeness;
}

void Frontier::push(CrawlTask task, const HostSettings& settings) {
    Host& h = host_entry(task.host, settings);
    if (h.any_url.empty()) {
        h.any_url = task.url;
        h.outlet = task.outlet;
    }
    ++queued_;
    if (task.kind == TaskKind::discovery) h.discovery.push_back(std::move(task));
    else h.pages.push_back(std::move(task));
}

void Frontier::retry(CrawlTask task) {
    Host& h = host_entry(task.host, HostSettings{});
    ++queued_;
    // A robots.txt retry keeps the host in "fetching": its other tasks wait for it.
    if (task.kind == TaskKind::robots) h.robots = RobotsState::fetching;
    h.delayed.push_back(std::move(task));
}

void Frontier::robots_ready(const std::string& host, std::optional<Millis> crawl_delay) {
    const auto it = hosts_.find(host);
    if (it == hosts_.end()) return;
    Host& h = it->second;
    h.robots = RobotsState::ready;
    if (crawl_delay) h.politeness.apply_crawl_delay(*crawl_delay);
    // A delayed robots task is no longer needed once the policy is known.
    const auto before = h.delayed.size();
    h.delayed.erase(std::remove_if(h.delayed.begin(), h.delayed.end(),
                                   [](const CrawlTask& t) { return t.kind == TaskKind::robots; }),
                    h.delayed.end());
    queued_ -= before - h.delayed.size();
}

bool Frontier::has_robots(const std::string& host) const {
    const auto it = hosts_.find(host);
    return it != hosts_.end() && it->second.robots == RobotsState::ready;
}

std::optional<CrawlTask> Frontier::take_from(Host& h, SteadyTime now,
                                             const std::function<bool(const CrawlTask&)>& allowed) {
    // Retries whose time has come go first, robots.txt before all.
    auto due = std::find_if(h.delayed.begin(), h.delayed.end(), [&](const CrawlTask& t) {
        return t.kind == TaskKind::robots && t.not_before <= now;
    });
    if (due == h.delayed.end() && h.robots == RobotsState::ready)
        due = std::find_if(h.delayed.begin(), h.delayed.end(), [&](const CrawlTask& t) { return t.not_before <= now; });
    if (due != h.delayed.end()) {
        CrawlTask t = std::move(*due);
        h.delayed.erase(due);
        --queued_;
        if (t.kind == TaskKind::robots) h.robots = RobotsState::fetching;
        return t;
    }
    if (h.robots == RobotsState::unknown) {
        if (h.waiting() == 0) return std::nullopt;
        h.robots = RobotsState::fetching;
        CrawlTask t;
        t.url = robots_url(h.any_url);
        t.host = host_key(t.url);
        t.outlet = h.outlet;
        t.kind = TaskKind::robots;
        return t;
    }
    if (h.robots != RobotsState::ready) return std::nullopt;
    for (auto* queue : {&h.discovery, &h.pages}) {
        while (!queue->empty()) {
            CrawlTask t = std::move(queue->front());
            queue->pop_front();
            --queued_;
            if (allowed && !allowed(t)) {
                disallowed_.push_back(std::move(t));
                continue;
            }
            return t;
        }
    }
    return std::nullopt;
}

std::optional<CrawlTask> Frontier::pop_ready(SteadyTime now, const std::function<bool(const CrawlTask&)>& allowed) {
    if (in_flight_ >= global_max_ || order_.empty()) return std::nullopt;
    for (std::size_t step = 0; step < order_.size(); ++step) {
        const std::size_t index = (next_host_ + step) % order_.size();
        Host& h = hosts_.at(order_[index]);
        if (h.waiting() == 0 || !h.politeness.can_start(now)) continue;
        if (auto task = take_from(h, now, allowed)) {
            h.politeness.on_start(now);
            ++in_flight_;
            next_host_ = (index + 1) % order_.size();
            return task;
        }
    }
    return std::nullopt;
}

void Frontier::finished(const std::string& host) {
    if (auto it = hosts_.find(host); it != hosts_.end()) it->second.politeness.on_finish();
    if (in_flight_ > 0) --in_flight_;
}

std::vector<CrawlTask> Frontier::drop_host(const std::string& host) {
    std::vector<CrawlTask> dropped;
    const auto it = hosts_.find(host);
    if (it == hosts_.end()) return dropped;
    Host& h = it->second;
    for (auto* queue : {&h.discovery, &h.pages})
        for (auto& t : *queue) dropped.push_back(std::move(t));
    for (auto& t : h.delayed)
        if (t.kind != TaskKind::robots) dropped.push_back(std::move(t));
    queued_ -= h.waiting();
    h.discovery.clear();
    h.pages.clear();
    h.delayed.clear();
    return dropped;
}

std::vector<CrawlTask> Frontier::take_disallowed() { return std::exchange(disallowed_, {}); }

std::optional<SteadyTime> Frontier::next_ready(SteadyTime now) const {
    std::optional<SteadyTime> best;
    auto consider = [&](SteadyTime t) {
        if (!best || t < *best) best = t;
    };
    for (const auto& [key, h] : hosts_) {
        if (h.waiting() == 0) continue;
        if (h.politeness.in_flight() >= h.politeness.max_connections()) continue;
        const SteadyTime host_ready = std::max(h.politeness.ready_at(), now);
        const bool queue_ready = h.robots == RobotsState::unknown ||
                                 (h.robots == RobotsState::ready && (!h.discovery.empty() || !h.pages.empty()));
        if (queue_ready) consider(host_ready);
        for (const auto& t : h.delayed)
            if (t.kind == TaskKind::robots || h.robots == RobotsState::ready)
                consider(std::max(host_ready, t.not_before));
    }
    return best;
}

} // namespace rumorwatch
