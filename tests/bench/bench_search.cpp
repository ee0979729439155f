/// \file
/// Search and timeline latency on a database made by bench_index: at least 200 varied
/// queries (terms of every frequency, boolean operators, phrases, field prefixes, CJK,
/// date and status filters, sort by date, facets), each run once to warm up and then
/// --repeat times; p50/p90/p99/max overall and per kind; the whole topic's timeline.
///
///   bench_search --db DIR [--queries 240] [--repeat 3] [--seed 1] [--docs N] [--snippet-bytes B]
///
/// --snippet-bytes 0 turns snippets off (to see what they cost; the default is the CLI's).
///
/// --seed and --docs must be those bench_index used: queries are drawn from the same
/// vocabulary and date span.
#include <algorithm>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "index/index.h"
#include "parser/core/errors.h"
#include "tests/bench/bench_util.h"
#include "tests/bench/record_gen.h"

using namespace rumorwatch;
using namespace rumorwatch::bench;

namespace {

struct Query {
    std::string kind;
    SearchRequest request;
};

Timestamp at(long long unix_seconds) { return Timestamp(std::chrono::seconds(unix_seconds)); }

std::string term(const RecordGenerator& gen, Rng& rng, std::size_t lo, std::size_t hi) {
    return gen.word(lo + rng.below(std::min(hi, gen.vocabulary_size()) - lo));
}

/// Two words that stand next to each other in some generated article.
std::string phrase(const RecordGenerator& gen, Rng& rng, long long docs) {
    const std::string text = gen.make(static_cast<long long>(rng.below(static_cast<std::size_t>(docs)))).article.text;
    for (int tries = 0; tries < 20; ++tries) {
        std::size_t at = rng.below(text.size());
        at = text.find(' ', at);
        if (at == std::string::npos) continue;
        const std::size_t end1 = text.find_first_of(" .\n", at + 1);
        if (end1 == std::string::npos || text[end1] != ' ') continue;
        const std::size_t end2 = text.find_first_of(" .\n", end1 + 1);
        if (end2 == std::string::npos) continue;
        return "\"" + text.substr(at + 1, end2 - at - 1) + "\"";
    }
    return "\"people familiar\"";
}

std::vector<Query> make_queries(const RecordGenerator& gen, int count, std::uint64_t seed) {
    Rng rng(seed ^ 0x51ULL);
    const auto& spec = gen.spec();
    const long long span = spec.end_unix - spec.start_unix;
    const std::vector<std::string> entities = {"alibaba", "apple", "qwen", "alibaba apple", "\"people familiar\"",
                                               "阿里巴巴", "苹果", "通义千问", "apple AND alibaba", "iphone ai china"};
    const std::vector<RumorStatus> statuses = {RumorStatus::speculation, RumorStatus::reported,
                                               RumorStatus::partially_confirmed, RumorStatus::confirmed,
                                               RumorStatus::denied, RumorStatus::stalled, RumorStatus::cancelled};
    const std::vector<std::string> kinds = {"term-common", "term-mid", "term-rare", "two-terms", "and", "or", "not",
                                            "phrase", "entity", "cjk", "prefix", "date-filter", "status-filter",
                                            "date+status", "outlet+date", "sort-date", "facets", "expand"};
    std::vector<Query> out;
    for (int n = 0; n < count; ++n) {
        Query q;
        q.kind = kinds[static_cast<std::size_t>(n) % kinds.size()];
        SearchRequest& r = q.request;
        const std::string common = term(gen, rng, 30, 300), mid = term(gen, rng, 300, 3000);
        auto window = [&] {
            const long long days = 7 + static_cast<long long>(rng.below(180));
            const long long from = spec.start_unix + static_cast<long long>(rng.below(static_cast<std::size_t>(span - days * 86400)));
            r.since = at(from);
            r.until = at(from + days * 86400);
        };
        if (q.kind == "term-common") r.query = common;
        else if (q.kind == "term-mid") r.query = mid;
        else if (q.kind == "term-rare") r.query = term(gen, rng, 3000, 30000);
        else if (q.kind == "two-terms") r.query = common + " " + mid;
        else if (q.kind == "and") r.query = common + " AND " + term(gen, rng, 30, 3000);
        else if (q.kind == "or") r.query = mid + " OR " + term(gen, rng, 300, 3000);
        else if (q.kind == "not") r.query = common + " NOT " + mid;
        else if (q.kind == "phrase") r.query = phrase(gen, rng, spec.documents);
        else if (q.kind == "entity") r.query = rng.pick(entities);
        else if (q.kind == "cjk") r.query = gen.zh_word(rng.below(200)) + " " + gen.zh_word(rng.below(2000));
        else if (q.kind == "prefix") {
            const std::vector<std::string> forms = {"title:" + mid, "outlet:" + RecordGenerator::outlet_id(static_cast<int>(rng.below(50))) + " " + common,
                                                    "status:confirmed alibaba", "lang:zh 阿里巴巴", "title:alibaba " + common};
            r.query = rng.pick(forms);
        } else if (q.kind == "date-filter") {
            r.query = rng.uniform() < 0.5 ? common : rng.pick(entities);
            window();
        } else if (q.kind == "status-filter") {
            r.query = rng.uniform() < 0.5 ? "alibaba" : common;
            r.statuses = {rng.pick(statuses)};
            if (rng.uniform() < 0.5) r.statuses.push_back(rng.pick(statuses));
        } else if (q.kind == "date+status") {
            r.query = rng.uniform() < 0.5 ? "apple alibaba" : mid;
            r.statuses = {rng.pick(statuses)};
            window();
        } else if (q.kind == "outlet+date") {
            r.query = common;
            r.outlets = {RecordGenerator::outlet_id(static_cast<int>(rng.below(50)))};
            window();
        } else if (q.kind == "sort-date") {
            r.query = rng.uniform() < 0.5 ? common : "alibaba";
            r.sort_by_date = true;
        } else if (q.kind == "facets") {
            r.query = rng.uniform() < 0.5 ? common : "apple";
            r.facets = true;
        } else {
            r.query = rng.pick(entities);
            r.expand = true;
        }
        out.push_back(std::move(q));
    }
    return out;
}

nlohmann::json latency(const std::vector<double>& ms) {
    double sum = 0;
    for (double v : ms) sum += v;
    return {{"n", ms.size()}, {"mean_ms", ms.empty() ? 0 : sum / static_cast<double>(ms.size())},
            {"p50_ms", percentile(ms, 50)}, {"p90_ms", percentile(ms, 90)},
            {"p99_ms", percentile(ms, 99)}, {"max_ms", percentile(ms, 100)}};
}

} // namespace

int main(int argc, char** argv) try {
    const Args args(argc, argv);
    const std::string db = args.get("db", "bench/out/index-db");
    const int count = static_cast<int>(args.get_int("queries", 240));
    const int repeat = static_cast<int>(args.get_int("repeat", 3));
    CorpusSpec spec;
    spec.seed = static_cast<std::uint64_t>(args.get_int("seed", 1));
    spec.documents = args.get_int("docs", 100000);
    const RecordGenerator gen(spec);
    auto queries = make_queries(gen, count, spec.seed);
    const long long snippet_bytes = args.get_int("snippet-bytes", -1);
    if (snippet_bytes >= 0)
        for (auto& q : queries) q.request.snippet_bytes = static_cast<int>(snippet_bytes);

    const double open0 = now_seconds();
    IndexReader reader({db});
    const long long documents = reader.document_count();
    const double open_ms = (now_seconds() - open0) * 1000;

    std::vector<double> all, filtered, unfiltered, without_facets;
    std::map<std::string, double> slowest_by_query; // the worst time of each query, for the report
    std::map<std::string, std::vector<double>> by_kind;
    std::map<std::string, std::string> errors;
    long long empty = 0, total_hits = 0;
    const double cpu0 = cpu_seconds();
    for (int round = 0; round <= repeat; ++round) { // round 0 warms up and is not counted
        for (const auto& q : queries) {
            const double t0 = now_seconds();
            SearchResponse response;
            try {
                response = reader.search(q.request);
            } catch (const InputError& e) {
                errors[q.request.query] = e.what();
                continue;
            }
            const double ms = (now_seconds() - t0) * 1000;
            if (round == 0) {
                total_hits += response.estimated_total;
                empty += response.hits.empty();
                continue;
            }
            all.push_back(ms);
            by_kind[q.kind].push_back(ms);
            if (!q.request.facets) without_facets.push_back(ms);
            const std::string label = q.kind + ": " + q.request.query;
            slowest_by_query[label] = std::max(slowest_by_query[label], ms);
            const bool has_filter = q.request.since || !q.request.statuses.empty() || !q.request.outlets.empty();
            (has_filter ? filtered : unfiltered).push_back(ms);
        }
    }
    const double search_cpu = cpu_seconds() - cpu0;

    // The whole topic's timeline: the fast path (no text) and the one with text.
    std::vector<double> timeline_ms, timeline_text_ms;
    std::size_t timeline_articles = 0;
    for (int i = 0; i < 5; ++i) {
        TimelineRequest request;
        request.topic_id = "apple-alibaba";
        const double t0 = now_seconds();
        timeline_articles = reader.timeline_articles(request).size();
        timeline_ms.push_back((now_seconds() - t0) * 1000);
    }
    for (int i = 0; i < 3; ++i) {
        const double t0 = now_seconds();
        reader.timeline_articles(std::string("apple-alibaba"));
        timeline_text_ms.push_back((now_seconds() - t0) * 1000);
    }

    nlohmann::json kinds;
    for (const auto& [kind, ms] : by_kind) kinds[kind] = latency(ms);
    nlohmann::json report;
    report["bench"] = "search";
    report["documents"] = documents;
    report["queries"] = queries.size();
    report["repeat"] = repeat;
    report["snippet_bytes"] = queries.empty() ? 0 : queries.front().request.snippet_bytes;
    report["open_ms"] = open_ms;
    report["all"] = latency(all);
    report["unfiltered"] = latency(unfiltered);
    report["filtered"] = latency(filtered);
    // Facets count every match exactly (no sampling: Xapian would sample the oldest
    // documents first), so their cost grows with the match count; shown apart as well.
    report["without_facets"] = latency(without_facets);
    std::vector<std::pair<double, std::string>> slowest;
    for (const auto& [label, ms] : slowest_by_query) slowest.emplace_back(ms, label);
    std::sort(slowest.rbegin(), slowest.rend());
    nlohmann::json slow = nlohmann::json::array();
    for (std::size_t i = 0; i < slowest.size() && i < 12; ++i)
        slow.push_back({{"query", slowest[i].second}, {"max_ms", slowest[i].first}});
    report["slowest_queries"] = slow;
    report["by_kind"] = kinds;
    report["search_cpu_ms_per_query"] = all.empty() ? 0 : search_cpu * 1000 / static_cast<double>(all.size() + queries.size());
    report["empty_results"] = empty;
    report["mean_estimated_total"] = queries.empty() ? 0 : static_cast<double>(total_hits) / static_cast<double>(queries.size());
    report["errors"] = errors;
    report["timeline"] = {{"articles", timeline_articles},
                          {"median_ms", percentile(timeline_ms, 50)},
                          {"max_ms", percentile(timeline_ms, 100)},
                          {"with_text_median_ms", percentile(timeline_text_ms, 50)}};
    report["peak_rss_mib"] = peak_rss_mib();
    report["load_average"] = load_average();
    return emit(report);
} catch (const std::exception& e) {
    std::cerr << "bench_search: error: " << e.what() << '\n';
    return 1;
}
