/// \file
/// Clocks, resource usage, percentiles, the page-set loader and argument reading for benches.
#include "tests/bench/bench_util.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include <sys/resource.h>
#include <time.h>

#include <nlohmann/json.hpp>

namespace rumorwatch::bench {

double now_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double peak_rss_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // Linux reports KiB
}

double percentile(std::vector<double> samples, double p) {
    if (samples.empty()) return 0;
    std::sort(samples.begin(), samples.end());
    const double rank = std::ceil(p / 100.0 * static_cast<double>(samples.size()));
    const std::size_t index = rank < 1 ? 0 : static_cast<std::size_t>(rank) - 1;
    return samples[std::min(index, samples.size() - 1)];
}

double load_average() {
    double load[1] = {0};
    return getloadavg(load, 1) == 1 ? load[0] : -1;
}

std::uint64_t Rng::next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot read");
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string field(const nlohmann::json& j, const char* name) {
    auto it = j.find(name);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

std::vector<Page> load_pages(const std::string& dir) {
    const std::string manifest = dir + "/pages.jsonl";
    std::ifstream in(manifest);
    if (!in) throw std::runtime_error(manifest + ": cannot read (make it with gen_world.py pages)");
    std::vector<Page> pages;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty()) continue;
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(line);
        } catch (const nlohmann::json::exception& e) {
            throw std::runtime_error(manifest + ":" + std::to_string(number) + ": " + e.what());
        }
        Page p;
        p.file = field(j, "file");
        p.url = field(j, "url");
        p.outlet = field(j, "outlet");
        p.language = field(j, "language");
        p.charset = field(j, "charset");
        p.content_type = field(j, "content_type");
        p.status = field(j, "status");
        p.published = field(j, "published");
        p.title = field(j, "title");
        p.text = field(j, "text");
        p.bytes = read_file(dir + "/" + p.file);
        pages.push_back(std::move(p));
    }
    if (pages.empty()) throw std::runtime_error(manifest + ": no pages");
    return pages;
}

std::size_t total_bytes(const std::vector<Page>& pages) {
    std::size_t n = 0;
    for (const auto& p : pages) n += p.bytes.size();
    return n;
}

nlohmann::json Throughput::to_json() const {
    const double mb = static_cast<double>(bytes) / 1e6;
    const double n = static_cast<double>(pages);
    const double mean_bytes = pages ? static_cast<double>(bytes) / n : 0;
    nlohmann::json j;
    j["passes"] = passes;
    j["pages"] = pages;
    j["mb"] = mb;
    j["wall_seconds"] = wall_seconds;
    j["cpu_seconds"] = cpu_seconds;
    j["pages_per_cpu_s"] = cpu_seconds > 0 ? n / cpu_seconds : 0;
    j["mb_per_cpu_s"] = cpu_seconds > 0 ? mb / cpu_seconds : 0;
    j["pages_per_s"] = wall_seconds > 0 ? n / wall_seconds : 0;
    j["mb_per_s"] = wall_seconds > 0 ? mb / wall_seconds : 0;
    j["cpu_ms_per_page"] = pages ? cpu_seconds * 1000.0 / n : 0;
    j["cpu_ms_per_100kb"] = bytes ? cpu_seconds * 1000.0 / (static_cast<double>(bytes) / 100000.0) : 0;
    j["mean_page_bytes"] = mean_bytes;
    j["p50_ms"] = percentile(page_ms, 50);
    j["p99_ms"] = percentile(page_ms, 99);
    return j;
}

int emit(const nlohmann::json& report) {
    std::cout << report.dump(2) << '\n';
    return 0;
}

Args::Args(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg.rfind("--", 0) != 0) throw std::runtime_error("unexpected argument: " + arg);
        const auto eq = arg.find('=');
        if (eq != std::string::npos) {
            values_.emplace_back(arg.substr(2, eq - 2), arg.substr(eq + 1));
        } else if (i + 1 < argc && std::string(argv[i + 1]).rfind("--", 0) != 0) {
            values_.emplace_back(arg.substr(2), argv[++i]);
        } else {
            values_.emplace_back(arg.substr(2), "");
        }
    }
}

std::string Args::get(const std::string& name, const std::string& fallback) const {
    for (auto it = values_.rbegin(); it != values_.rend(); ++it)
        if (it->first == name) return it->second;
    return fallback;
}

long long Args::get_int(const std::string& name, long long fallback) const {
    const std::string v = get(name, "");
    return v.empty() ? fallback : std::stoll(v);
}

double Args::get_double(const std::string& name, double fallback) const {
    const std::string v = get(name, "");
    return v.empty() ? fallback : std::stod(v);
}

bool Args::has(const std::string& name) const {
    return std::any_of(values_.begin(), values_.end(), [&](const auto& kv) { return kv.first == name; });
}

std::vector<std::string> Args::all(const std::string& name) const {
    std::vector<std::string> out;
    for (const auto& kv : values_)
        if (kv.first == name) out.push_back(kv.second);
    return out;
}

} // namespace rumorwatch::bench
