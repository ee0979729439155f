/// \file
/// What every bench executable shares: clocks, CPU time, peak RSS, percentiles, a seeded
/// generator, the generated page set (pages.jsonl) and the JSON report on stdout.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace rumorwatch::bench {

/// Seconds on the monotonic clock since an arbitrary start.
double now_seconds();
/// CPU seconds (user + system) this process has used so far.
double cpu_seconds();
/// Peak resident set size of this process in MiB (getrusage ru_maxrss).
double peak_rss_mib();
/// The p-th percentile (0..100) of `samples` (nearest rank); 0 for an empty set.
double percentile(std::vector<double> samples, double p);
/// 1-minute load average, to record how busy the shared machine was.
double load_average();

/// splitmix64: a small, fast, seedable generator whose output is the same everywhere.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next();
    /// Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    /// Uniform in [0, n).
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(uniform() * static_cast<double>(n)); }
    template <class T> const T& pick(const std::vector<T>& items) { return items[below(items.size())]; }

private:
    std::uint64_t state_;
};

/// One page of a generated page set (gen_world.py pages), its bytes loaded.
struct Page {
    std::string file;
    std::string url;
    std::string outlet;
    std::string language;
    std::string charset;
    std::string content_type;
    std::string status;    ///< the status the generator wrote into it
    std::string published; ///< ISO 8601 with the outlet's offset
    std::string title;     ///< the headline the generator wrote (for a sanity check)
    std::string text;      ///< the body text the generator wrote, paragraphs by "\n\n"
    std::string bytes;     ///< the raw page as served
};

/// Loads DIR/pages.jsonl and every page it names. @throws std::runtime_error naming the file.
std::vector<Page> load_pages(const std::string& dir);
/// Total bytes of the pages.
std::size_t total_bytes(const std::vector<Page>& pages);

/// Throughput of one stage over a page set: repeated whole passes until `min_seconds`.
struct Throughput {
    int passes = 0;
    std::size_t pages = 0;       ///< pages processed over all passes
    std::size_t bytes = 0;       ///< input bytes processed over all passes
    double wall_seconds = 0;
    double cpu_seconds = 0;
    std::vector<double> page_ms; ///< wall milliseconds per page, every page of every pass

    /// pages/s, MB/s (10^6 bytes) and ms per page, on both CPU and wall time.
    nlohmann::json to_json() const;
    /// Input MB per CPU second (the figure ratios are taken on).
    double cpu_mb_per_s() const { return cpu_seconds > 0 ? static_cast<double>(bytes) / 1e6 / cpu_seconds : 0; }
};

/// Runs `work(i)` for every index in [0, count) per pass, at least one pass and until
/// `min_seconds` of wall time; `bytes_of(i)` is the input size of item i.
template <class Work, class Size>
Throughput measure(std::size_t count, double min_seconds, Work&& work, Size&& bytes_of) {
    Throughput t;
    const double wall0 = now_seconds();
    const double cpu0 = cpu_seconds();
    do {
        for (std::size_t i = 0; i < count; ++i) {
            const double start = now_seconds();
            work(i);
            t.page_ms.push_back((now_seconds() - start) * 1000.0);
            t.bytes += bytes_of(i);
        }
        t.pages += count;
        ++t.passes;
    } while (now_seconds() - wall0 < min_seconds);
    t.wall_seconds = now_seconds() - wall0;
    t.cpu_seconds = cpu_seconds() - cpu0;
    return t;
}

/// Prints the report as one JSON object on stdout (the harness reads it) and returns 0.
int emit(const nlohmann::json& report);

/// Minimal argument reader: "--name value" pairs and "--flag" switches.
class Args {
public:
    Args(int argc, char** argv);
    std::string get(const std::string& name, const std::string& fallback) const;
    long long get_int(const std::string& name, long long fallback) const;
    double get_double(const std::string& name, double fallback) const;
    bool has(const std::string& name) const;
    /// Every value given for a repeated option.
    std::vector<std::string> all(const std::string& name) const;

private:
    std::vector<std::pair<std::string, std::string>> values_;
};

} // namespace rumorwatch::bench
