/// \file
/// index_bench: indexing rate, size per document and search latency of the Xapian index on a
/// generated corpus (not a test: a program that prints figures).
///
///   cmake --build build --target index_bench
///   build/tests/index_bench --docs 100000 [--seed 7] [--db DIR] [--json FILE]
///
/// Articles are generated deterministically from the seed: English-like text from a Zipf-
/// distributed pseudo-word vocabulary (400–1,500 words), an eighth in Chinese, 50 outlets, two
/// years of dates, a third about the rumor with mentions and statuses, syndicated copies.
/// Indexing time counts IndexWriter::upsert and commit only (not the generator); searches
/// run through IndexReader::search with snippets, as `rumorwatch search` does.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "index/index.h"
#include "parser/core/time.h"

namespace {

using namespace rumorwatch;
using Clock = std::chrono::steady_clock;

constexpr int kVocabulary = 30000;
constexpr int kOutlets = 50;
constexpr int kCommitEvery = 2000;

double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

long peak_rss_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

std::string utf8(char32_t cp) {
    std::string out;
    if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
    return out;
}

/// A deterministic news world: words, outlets, articles.
class Generator {
public:
    explicit Generator(unsigned seed) : rng_(seed) {
        static const char* kOnsets[] = {"b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s",
                                        "t", "v", "w", "z", "br", "cl", "dr", "st", "tr", "sh", "ch", "pl"};
        static const char* kVowels[] = {"a", "e", "i", "o", "u", "ai", "ea", "ou", "io"};
        static const char* kCodas[] = {"", "", "n", "r", "s", "t", "l", "nd", "st", "ng", "rk"};
        std::uniform_int_distribution<int> syllables(1, 4);
        while (words_.size() < kVocabulary) {
            std::string w;
            const int n = syllables(rng_);
            for (int i = 0; i < n; ++i)
                w += std::string(kOnsets[rng_() % std::size(kOnsets)]) + kVowels[rng_() % std::size(kVowels)] +
                     kCodas[rng_() % std::size(kCodas)];
            words_.push_back(w);
        }
        std::vector<double> weights(kVocabulary);
        for (int i = 0; i < kVocabulary; ++i) weights[i] = 1.0 / std::pow(i + 1.0, 1.05);
        zipf_ = std::discrete_distribution<int>(weights.begin(), weights.end());
        std::vector<double> cjk_weights(3000);
        for (int i = 0; i < 3000; ++i) cjk_weights[i] = 1.0 / std::pow(i + 1.0, 0.9);
        cjk_zipf_ = std::discrete_distribution<int>(cjk_weights.begin(), cjk_weights.end());
    }

    const std::string& word(int rank) const { return words_[rank]; }
    std::string random_word() { return words_[zipf_(rng_)]; }
    std::string cjk_chars(int n) {
        std::string s;
        for (int i = 0; i < n; ++i) s += utf8(0x4E00 + char32_t(cjk_zipf_(rng_)) * 7);
        return s;
    }
    std::mt19937_64& rng() { return rng_; }

    ArticleRecord article(int n) {
        ArticleRecord r;
        Article& a = r.article;
        const int outlet = int(rng_() % kOutlets);
        r.outlet_id = "outlet-" + std::to_string(outlet);
        r.tier = static_cast<OutletTier>(outlet % 4);
        const bool chinese = rng_() % 8 == 0;
        a.language = chinese ? "zh" : "en";
        a.url = "https://www.outlet-" + std::to_string(outlet) + ".example/" + std::to_string(2024 + n % 2) +
                "/story-" + std::to_string(n);
        a.canonical_url = a.url;
        const bool topic = rng_() % 3 == 0;
        static const char* kTopicWords[] = {"Apple", "Alibaba", "iPhone", "Qwen", "China", "AI", "deal",
                                            "regulators", "talks", "partnership", "confirmed", "denied"};
        static const char* kTopicWordsZh[] = {"苹果", "阿里巴巴", "通义千问", "合作", "人工智能", "监管", "证实", "否认"};
        auto sentence = [&](int words) {
            std::string s;
            for (int i = 0; i < words; ++i) {
                if (!s.empty()) s += ' ';
                if (topic && rng_() % 25 == 0) {
                    s += kTopicWords[rng_() % std::size(kTopicWords)];
                } else {
                    s += random_word();
                }
            }
            if (!s.empty()) s[0] = char(std::toupper(static_cast<unsigned char>(s[0])));
            return s + ".";
        };
        auto sentence_zh = [&](int chars) {
            std::string s;
            for (int i = 0; i < chars; i += 4) {
                s += (topic && rng_() % 10 == 0) ? kTopicWordsZh[rng_() % std::size(kTopicWordsZh)] : cjk_chars(4);
            }
            return s + "。";
        };
        if (chinese) {
            a.title = sentence_zh(12 + int(rng_() % 12));
            const int chars = 600 + int(rng_() % 1500);
            for (int written = 0; written < chars;) {
                const int len = 20 + int(rng_() % 40);
                a.text += sentence_zh(len);
                written += len;
                if (rng_() % 5 == 0) a.text += "\n\n";
            }
        } else {
            a.title = sentence(6 + int(rng_() % 7));
            const int words = 400 + int(rng_() % 1100);
            for (int written = 0; written < words;) {
                const int len = 8 + int(rng_() % 25);
                a.text += sentence(len) + (rng_() % 6 == 0 ? "\n\n" : " ");
                written += len;
            }
        }
        a.authors = {random_word() + " " + random_word()};
        if (rng_() % 10 != 0) {
            const long long day = 19723 + long(rng_() % 730); // 2024-01-01 + up to two years
            a.published = ArticleDate{from_unix(day * 86400 + long(rng_() % 86400)), "json-ld", true, true};
        }
        r.crawled_at = from_unix(19723LL * 86400 + 730LL * 86400 + n);
        r.content_hash = std::to_string(rng_());
        if (rng_() % 20 == 0) r.near_dup_group = "dup-" + std::to_string(rng_() % 2000);
        if (topic) {
            RumorAnalysis& an = r.analysis;
            an.topic_id = "apple-alibaba";
            an.status = static_cast<RumorStatus>(1 + rng_() % 8);
            an.confidence = 0.7;
            an.entities = {"apple", "alibaba"};
            static const char* kSources[] = {"Reuters", "people familiar", "Bloomberg", "Alibaba chairman", ""};
            const int mentions = 1 + int(rng_() % 3);
            for (int m = 0; m < mentions; ++m) {
                Mention mention;
                mention.begin = rng_() % (a.text.size() / 2);
                mention.end = mention.begin + 120;
                mention.sentence = a.text.substr(mention.begin, 120);
                mention.status = an.status;
                mention.cue = "reportedly";
                mention.attribution = kSources[rng_() % std::size(kSources)];
                mention.entities = an.entities;
                an.mentions.push_back(mention);
                if (!mention.attribution.empty()) an.sources.push_back(mention.attribution);
            }
            an.evidence = 0;
        } else {
            r.analysis.status = RumorStatus::none;
        }
        return r;
    }

private:
    std::mt19937_64 rng_;
    std::vector<std::string> words_;
    std::discrete_distribution<int> zipf_;
    std::discrete_distribution<int> cjk_zipf_;
};

long long folder_bytes(const std::filesystem::path& dir) {
    long long total = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.is_regular_file()) total += static_cast<long long>(e.file_size());
    return total;
}

struct NamedRequest {
    std::string kind;
    bool filtered = false;
    SearchRequest request;
};

/// At least 200 varied queries: words across the frequency range, AND, OR, phrases, NEAR,
/// wildcards, Chinese, and the same with status, date, outlet and language filters.
std::vector<NamedRequest> make_queries(Generator& g, int count) {
    std::vector<NamedRequest> out;
    auto& rng = g.rng();
    auto ranked_word = [&](int i, int of) {
        // Log-spaced ranks from the most common words to the long tail.
        const double r = std::exp(std::log(double(kVocabulary - 1)) * (i + 0.5) / of);
        return g.word(std::min(kVocabulary - 1, int(r)));
    };
    auto add = [&](const std::string& kind, const std::string& q, bool filtered = false) {
        NamedRequest n;
        n.kind = kind;
        n.filtered = filtered;
        n.request.query = q;
        out.push_back(n);
        return &out.back().request;
    };
    const int per = std::max(1, count / 12);
    for (int i = 0; i < per * 2; ++i) add("word", ranked_word(i, per * 2));
    for (int i = 0; i < per; ++i) add("and", ranked_word(i, per) + " " + g.random_word());
    for (int i = 0; i < per; ++i) add("or", ranked_word(i, per) + " OR " + g.random_word());
    for (int i = 0; i < per; ++i) add("phrase", "\"" + g.random_word() + " " + g.random_word() + "\"");
    for (int i = 0; i < per / 2; ++i) add("near", g.random_word() + " NEAR " + g.random_word());
    for (int i = 0; i < per / 2; ++i) add("wildcard", ranked_word(i, per / 2).substr(0, 4) + "*");
    for (int i = 0; i < per; ++i) add("chinese", i % 3 == 0 ? "阿里巴巴" : g.cjk_chars(2 + i % 3));
    for (int i = 0; i < per; ++i) add("topic", i % 2 ? "alibaba apple" : "qwen OR regulators")->expand = i % 4 == 0;
    static const RumorStatus kStatuses[] = {RumorStatus::reported, RumorStatus::confirmed, RumorStatus::denied,
                                            RumorStatus::stalled};
    for (int i = 0; i < per; ++i) {
        auto* r = add("word+status", ranked_word(i, per), true);
        r->statuses = {kStatuses[i % 4]};
    }
    for (int i = 0; i < per; ++i) {
        auto* r = add("and+dates", ranked_word(i, per) + " " + g.random_word(), true);
        const long long day = 19723 + long(rng() % 600);
        r->since = from_unix(day * 86400);
        r->until = from_unix((day + 30 + long(rng() % 100)) * 86400);
    }
    for (int i = 0; i < per; ++i) {
        auto* r = add("word+outlet+lang+sort", ranked_word(i, per), true);
        r->outlets = {"outlet-" + std::to_string(i % kOutlets), "outlet-" + std::to_string((i * 7) % kOutlets)};
        r->languages = {"en"};
        r->sort_by_date = true;
    }
    for (int i = 0; i < per; ++i) {
        auto* r = add("inline-filters+facets",
                      ranked_word(i, per) + " status:reported date:2024-03-01..2025-06-30", true);
        r->facets = true;
    }
    return out;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t k = std::min(v.size() - 1, std::size_t(std::ceil(p * double(v.size())) - 1));
    return v[k];
}

} // namespace

int main(int argc, char** argv) {
    int docs = 20000;
    unsigned seed = 7;
    int query_count = 240;
    std::string db, json_file;
    bool search_only = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << "index_bench: " << a << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--docs") docs = std::stoi(next());
        else if (a == "--seed") seed = unsigned(std::stoul(next()));
        else if (a == "--queries") query_count = std::stoi(next());
        else if (a == "--db") db = next();
        else if (a == "--json") json_file = next();
        else if (a == "--search-only") search_only = true;
        else {
            std::cerr << "usage: index_bench [--docs N] [--seed S] [--queries N] [--db DIR [--search-only]] "
                         "[--json FILE]\n";
            return 2;
        }
    }
    const bool temporary = db.empty();
    if (temporary) db = (std::filesystem::temp_directory_path() / ("rumorwatch-index-bench-" + std::to_string(getpid()))).string();
    if (!search_only) std::filesystem::remove_all(db);

    Generator gen(seed);
    double index_seconds = 0, index_cpu = 0, commit_seconds = 0;
    long long text_bytes = 0;
    if (!search_only) {
        IndexWriter writer(db);
        for (int n = 0; n < docs; ++n) {
            const ArticleRecord record = gen.article(n);
            text_bytes += static_cast<long long>(record.article.text.size());
            const auto t0 = Clock::now();
            const double c0 = thread_cpu_seconds();
            writer.upsert(record);
            const auto t1 = Clock::now();
            if ((n + 1) % kCommitEvery == 0 || n + 1 == docs) writer.commit();
            index_cpu += thread_cpu_seconds() - c0;
            index_seconds += std::chrono::duration<double>(Clock::now() - t0).count();
            commit_seconds += std::chrono::duration<double>(Clock::now() - t1).count();
        }
    }
    const long rss_after_index = peak_rss_kb();
    const long long db_bytes = folder_bytes(db);

    IndexReader reader({db});
    const auto queries = make_queries(gen, query_count);
    std::vector<double> all, plain, filtered;
    long long total_hits = 0;
    for (int round = 0; round < 3; ++round) { // round 0 warms the cache and is not counted
        for (const auto& q : queries) {
            SearchRequest r = q.request;
            const auto t0 = Clock::now();
            const auto response = reader.search(r);
            const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
            if (round == 0) {
                total_hits += static_cast<long long>(response.hits.size());
                continue;
            }
            all.push_back(ms);
            (q.filtered ? filtered : plain).push_back(ms);
        }
    }
    std::vector<double> timeline_ms;
    std::size_t timeline_articles = 0;
    for (int round = 0; round < 4; ++round) {
        TimelineRequest t;
        t.topic_id = "apple-alibaba";
        const auto t0 = Clock::now();
        timeline_articles = reader.timeline_articles(t).size();
        if (round > 0) timeline_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }

    nlohmann::json result = {
        {"documents", docs},
        {"seed", seed},
        {"text_mb", double(text_bytes) / 1e6},
        {"index_seconds", index_seconds},
        {"index_cpu_seconds", index_cpu},
        {"commit_seconds", commit_seconds},
        {"docs_per_second", docs / index_seconds},
        {"database_bytes", db_bytes},
        {"bytes_per_document", db_bytes / std::max(1, docs)},
        {"queries", queries.size()},
        {"query_hits", total_hits},
        {"search_ms_p50", percentile(all, 0.5)},
        {"search_ms_p99", percentile(all, 0.99)},
        {"search_ms_max", percentile(all, 1.0)},
        {"search_unfiltered_ms_p99", percentile(plain, 0.99)},
        {"search_filtered_ms_p99", percentile(filtered, 0.99)},
        {"timeline_articles", timeline_articles},
        {"timeline_ms_median", percentile(timeline_ms, 0.5)},
        {"peak_rss_mb_indexing", double(rss_after_index) / 1024},
        {"peak_rss_mb", double(peak_rss_kb()) / 1024}};
    std::printf("index_bench: %d generated articles (%.0f MB of text), seed %u\n", docs, double(text_bytes) / 1e6, seed);
    std::printf("  indexing        %8.0f docs/s   (%.1f s wall of which %.1f s in commits, %.1f s CPU = %.0f docs/s "
                "of CPU; commit every %d)\n",
                docs / index_seconds, index_seconds, commit_seconds, index_cpu, docs / index_cpu, kCommitEvery);
    std::printf("  database        %8.0f bytes/doc (%.1f MB)\n", double(db_bytes) / docs, double(db_bytes) / 1e6);
    std::printf("  search          p50 %.2f ms, p99 %.2f ms, max %.2f ms over %zu queries x2\n", percentile(all, 0.5),
                percentile(all, 0.99), percentile(all, 1.0), queries.size());
    std::printf("                  unfiltered p99 %.2f ms, filtered p99 %.2f ms\n", percentile(plain, 0.99),
                percentile(filtered, 0.99));
    std::printf("  timeline        %8.1f ms for %zu topic articles (no text)\n", percentile(timeline_ms, 0.5),
                timeline_articles);
    std::printf("  peak RSS        %8.0f MB after indexing, %.0f MB at the end\n", double(rss_after_index) / 1024,
                double(peak_rss_kb()) / 1024);
    if (!json_file.empty()) std::ofstream(json_file) << result.dump(2) << "\n";
    if (temporary) std::filesystem::remove_all(db);
    return 0;
}
