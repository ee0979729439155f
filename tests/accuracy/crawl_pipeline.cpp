/// \file
/// Crawling the served demo world and matching what the index holds to the labels.
#include "tests/accuracy/crawl_pipeline.h"

#include <chrono>
#include <filesystem>
#include <map>
#include <ostream>

#include <nlohmann/json.hpp>

#include "crawler/crawler.h"
#include "index/index.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

namespace rumorwatch::accuracy {
namespace {

namespace fs = std::filesystem;

/// Every stored article, with its text, in document order.
std::vector<StoredArticle> read_all(const std::string& db_path) {
    IndexReader reader({db_path});
    SearchRequest request;
    request.limit = static_cast<int>(reader.document_count());
    request.collapse_duplicates = false;
    request.snippet_bytes = 0;
    std::vector<StoredArticle> articles;
    if (request.limit == 0) return articles;
    for (SearchHit& hit : reader.search(request).hits) articles.push_back(std::move(hit.article));
    return articles;
}

/// The key URLs are matched on: scheme and host lower-cased, fragment and a trailing slash
/// dropped, so that a crawler's harmless canonicalisation does not hide an article. (The
/// canonical-URL figure itself compares exactly.)
std::string match_key(std::string url) {
    if (const auto hash = url.find('#'); hash != std::string::npos) url.resize(hash);
    const auto scheme_end = url.find("://");
    const auto host_end = url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
    for (std::size_t i = 0; i < std::min(host_end, url.size()); ++i)
        url[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(url[i])));
    if (url.size() > 1 && url.back() == '/' && host_end != std::string::npos && url.size() > host_end + 1)
        url.pop_back();
    return url;
}

struct Snapshot {
    std::vector<StoredArticle> articles;
    std::map<std::string, std::size_t> by_url;
    std::map<std::string, std::size_t> by_canonical;
};

Snapshot make_snapshot(std::vector<StoredArticle> articles) {
    Snapshot s;
    s.articles = std::move(articles);
    for (std::size_t i = 0; i < s.articles.size(); ++i) {
        const Article& a = s.articles[i].record.article;
        s.by_url.emplace(match_key(a.url), i);
        s.by_canonical.emplace(match_key(a.canonical_url), i);
    }
    return s;
}

PhaseResult to_phase_result(const StoredArticle& stored) {
    PhaseResult r;
    r.article = stored.record.article;
    r.analysis = stored.record.analysis;
    r.near_dup_group = stored.record.near_dup_group;
    r.stored_id = stored.id;
    r.versions = static_cast<int>(stored.versions.size());
    return r;
}

/// The stored article for a label: fetched from its URL, else filed under its canonical URL.
std::pair<MatchKind, std::optional<std::size_t>> find_label(const Snapshot& s, const Label& label) {
    if (auto it = s.by_url.find(match_key(label.url)); it != s.by_url.end()) return {MatchKind::url, it->second};
    for (const auto& [map, url] : {std::pair{&s.by_canonical, label.canonical_url}, {&s.by_url, label.canonical_url},
                                   {&s.by_canonical, label.url}})
        if (auto it = map->find(match_key(url)); it != map->end()) return {MatchKind::canonical, it->second};
    return {MatchKind::missing, std::nullopt};
}

void add_counts(std::map<std::string, long long>& counts, const CrawlSummary& summary, const std::string& phase) {
    for (const auto& [outlet, s] : summary.outlets) {
        counts[phase + ".fetched"] += s.fetched;
        counts[phase + ".not_modified"] += s.not_modified;
        counts[phase + ".added"] += s.added;
        counts[phase + ".updated"] += s.updated;
        counts[phase + ".unchanged"] += s.unchanged;
        counts[phase + ".failed"] += s.failed;
        counts[phase + ".skipped"] += s.skipped;
        counts[phase + ".duplicates"] += s.duplicates;
        for (const auto& [reason, n] : s.failure_reasons) counts[phase + ".failed." + reason] += n;
    }
}

} // namespace

RunResult run_crawl(const AnswerKey& key, const CrawlRunOptions& options, std::ostream& progress) {
    test::TestServerOptions server_options;
    server_options.root = fs::path(options.demo_dir) / "site";
    server_options.overlay = fs::path(options.demo_dir) / "phase2";
    server_options.phase = 1;
    server_options.max_seconds = options.server_max_seconds;
    test::TestServer server(server_options);
    test::TempDir work("rumorwatch-accuracy");

    CrawlOptions crawl_options;
    crawl_options.config = load_config((fs::path(options.demo_dir) / "outlets.json").string());
    crawl_options.topics = options.topics;
    crawl_options.db_path = work.file("db");
    crawl_options.connect_to = {server.connect_to()};
    crawl_options.quiet = false;
    crawl_options.log_file = work.file("crawl.jsonl");

    RunResult run;
    run.mode = "crawl";
    run.has_analysis = !options.topics.empty();

    auto started = std::chrono::steady_clock::now();
    add_counts(run.crawl_counts, crawl(crawl_options, progress), "phase1");
    run.seconds_phase1 = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const Snapshot first = make_snapshot(read_all(crawl_options.db_path));

    server.set_phase(2);
    // As `make demo` does (crawl --refresh): ask again for every known URL, conditionally,
    // so the edits are measured rather than the revisit schedule.
    crawl_options.revisit_all = true;
    started = std::chrono::steady_clock::now();
    add_counts(run.crawl_counts, crawl(crawl_options, progress), "phase2");
    run.seconds_phase2 = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const Snapshot second = make_snapshot(read_all(crawl_options.db_path));

    run.documents_phase1 = static_cast<long long>(first.articles.size());
    run.documents_phase2 = static_cast<long long>(second.articles.size());
    std::vector<bool> accounted(first.articles.size(), false);
    for (const Label& label : key.labels) {
        Observation obs;
        const auto [kind, index] = find_label(first, label);
        obs.match = kind;
        if (index) {
            obs.phase1 = to_phase_result(first.articles[*index]);
            accounted[*index] = true;
            if (kind == MatchKind::canonical)
                obs.note = "stored as " + first.articles[*index].record.article.url;
        } else {
            obs.note = "not in the index after the first crawl";
        }
        if (const auto index2 = find_label(second, label).second)
            obs.phase2 = to_phase_result(second.articles[*index2]);
        else if (index)
            obs.note = "gone after the second crawl";
        run.observations.push_back(std::move(obs));
    }
    for (std::size_t i = 0; i < first.articles.size(); ++i) {
        if (!first.articles[i].record.near_dup_group.empty()) run.has_near_dups = true;
        if (!accounted[i]) run.unlabeled.push_back(first.articles[i].record.article.url);
    }
    if (!options.keep_dir.empty()) {
        const fs::path keep(options.keep_dir);
        fs::create_directories(keep);
        fs::remove_all(keep / "db");
        fs::copy(crawl_options.db_path, keep / "db", fs::copy_options::recursive);
        fs::copy_file(crawl_options.log_file, keep / "crawl-log.jsonl", fs::copy_options::overwrite_existing);
        fs::copy_file(server.log_path(), keep / "requests.jsonl", fs::copy_options::overwrite_existing);
    }
    return run;
}

} // namespace rumorwatch::accuracy
