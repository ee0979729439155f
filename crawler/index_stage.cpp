/// \file
/// The index stage of the pipeline.
#include "crawler/index_stage.h"

namespace rumorwatch {

IndexStage::IndexStage(IndexWriter& index, const OutletMap& outlets, const std::vector<UrlState>& known,
                       CrawlLog& log, CrawlCounters& counters, int commit_every,
                       std::chrono::milliseconds commit_interval)
    : index_(index), outlets_(outlets), log_(log), counters_(counters), commit_every_(std::max(commit_every, 1)),
      commit_interval_(commit_interval), last_commit_(std::chrono::steady_clock::now()) {
    for (const UrlState& s : known) {
        visited_[s.url] = s.last_visit.has_value();
        if (auto fp = from_hex64(s.simhash); fp && !s.near_dup_group.empty()) near_dups_.add(*fp, s.near_dup_group);
    }
}

void IndexStage::handle_article(PageReport& report, OutletSummary& summary) {
    ArticleRecord& record = *report.record;
    if (record.article.canonical_url.empty()) record.article.canonical_url = report.task.url;
    const std::string& canonical = record.article.canonical_url;

    // The same text under another URL of the same outlet (print, AMP, tracking variants
    // without rel=canonical): one document is enough.
    if (const auto it = exact_.find(record.content_hash);
        it != exact_.end() && it->second.outlet == report.task.outlet && it->second.canonical != canonical) {
        ++summary.duplicates;
        report.reason = "same text as " + it->second.canonical;
        report.facts.changed = false;
        report.state.next_visit = next_visit(*report.state.last_visit, report.facts);
        report.record.reset();
        return;
    }
    exact_.emplace(record.content_hash, ExactCopy{report.task.outlet, canonical});

    // A page keeps the group it was given before, so a group id never moves.
    const std::string previous_group = report.task.previous ? report.task.previous->near_dup_group : "";
    if (!previous_group.empty()) {
        if (report.simhash && !near_dups_.find(report.simhash)) near_dups_.add(report.simhash, previous_group);
        record.near_dup_group = previous_group;
    } else {
        record.near_dup_group = near_dups_.assign(report.simhash);
    }
    report.state.simhash = report.simhash ? to_hex64(report.simhash) : "";
    report.state.near_dup_group = record.near_dup_group;

    const UpsertOutcome outcome = index_.upsert(record);
    switch (outcome) {
    case UpsertOutcome::added: ++summary.added; break;
    case UpsertOutcome::updated: ++summary.updated; break;
    case UpsertOutcome::unchanged: ++summary.unchanged; break;
    }
    report.facts.changed = outcome != UpsertOutcome::unchanged;
    // An edit is where the story moves: look again soon.
    report.facts.status_changed = outcome == UpsertOutcome::updated;
    const auto& prev = report.task.previous;
    if (prev && prev->last_visit && prev->next_visit && *prev->next_visit > *prev->last_visit)
        report.facts.previous_interval =
            std::chrono::duration_cast<std::chrono::seconds>(*prev->next_visit - *prev->last_visit);
    report.state.next_visit = next_visit(*report.state.last_visit, report.facts);
}

void IndexStage::handle(PageReport report) {
    const Outlet& outlet = outlets_.outlets()[report.task.outlet];
    OutletSummary& summary = summary_[outlet.id];
    for (const UrlState& pending : report.pending) {
        // A discovered link never overwrites what an earlier visit stored.
        if (visited_.count(pending.url)) continue;
        visited_[pending.url] = false;
        index_.put_url_state(pending);
        ++uncommitted_;
    }
    const char* outcome = nullptr;
    switch (report.event) {
    case PageReport::Event::article:
        ++summary.fetched;
        counters_.fetched.fetch_add(1, std::memory_order_relaxed);
        handle_article(report, summary);
        outcome = report.record ? "indexed" : "duplicate";
        break;
    case PageReport::Event::discovery:
        ++summary.fetched;
        counters_.fetched.fetch_add(1, std::memory_order_relaxed);
        break;
    case PageReport::Event::skipped:
    case PageReport::Event::canonical_elsewhere:
        ++summary.fetched;
        ++summary.skipped;
        counters_.fetched.fetch_add(1, std::memory_order_relaxed);
        break;
    case PageReport::Event::not_modified:
        ++summary.not_modified;
        counters_.not_modified.fetch_add(1, std::memory_order_relaxed);
        break;
    case PageReport::Event::failed:
    case PageReport::Event::disallowed:
        ++summary.failed;
        ++summary.failure_reasons[report.reason.empty() ? "unknown" : report.reason];
        counters_.errors.fetch_add(1, std::memory_order_relaxed);
        break;
    }
    summary.bytes += report.bytes;
    if (report.state.last_visit) visited_[report.state.url] = true;
    index_.put_url_state(report.state);
    ++uncommitted_;
    if (log_.enabled()) log_.write(log_entry(report, outlet.id, outcome));
    counters_.done.fetch_add(1, std::memory_order_relaxed);
    maybe_commit();
}

void IndexStage::maybe_commit() {
    const auto now = std::chrono::steady_clock::now();
    if (uncommitted_ >= commit_every_ || (uncommitted_ > 0 && now - last_commit_ >= commit_interval_)) {
        index_.commit();
        uncommitted_ = 0;
        last_commit_ = now;
    }
}

void IndexStage::finish() {
    if (uncommitted_ > 0) index_.commit();
    uncommitted_ = 0;
}

} // namespace rumorwatch
