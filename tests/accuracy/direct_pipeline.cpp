/// \file
/// Reading the demo world straight from its files, as rwserve.py would serve them.
#include "tests/accuracy/direct_pipeline.h"

#include <chrono>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "crawler/crawler.h"
#include "parser/analysis/analysis.h"
#include "parser/extract/extract.h"
#include "parser/core/core.h"

#if __has_include("crawler/dedup.h")
#define RUMORWATCH_ACCURACY_HAS_DEDUP 1
#endif

namespace rumorwatch::accuracy {
namespace {

namespace fs = std::filesystem;

/// "http://host/a/b?q#f" -> {"host", "a/b"}.
std::pair<std::string, std::string> split_url(const std::string& url) {
    const auto scheme_end = url.find("://");
    const std::size_t host_start = scheme_end == std::string::npos ? 0 : scheme_end + 3;
    const auto path_start = url.find('/', host_start);
    std::string host = url.substr(host_start, path_start == std::string::npos ? std::string::npos : path_start - host_start);
    std::string path = path_start == std::string::npos ? "" : url.substr(path_start + 1);
    const auto cut = path.find_first_of("?#");
    if (cut != std::string::npos) path.resize(cut);
    return {host, path};
}

/// rwserve.py's mapping: a/b, else a/b.html, else a/b/index.html; "" and "a/" -> index.html.
std::optional<fs::path> resolve(const fs::path& tree, const std::string& host, const std::string& path) {
    const fs::path base = tree / host;
    std::vector<fs::path> candidates;
    if (path.empty() || path.back() == '/') {
        candidates.push_back(base / path / "index.html");
    } else {
        candidates.push_back(base / path);
        candidates.push_back(base / (path + ".html"));
        candidates.push_back(base / path / "index.html");
    }
    for (const auto& candidate : candidates)
        if (fs::is_regular_file(candidate)) return candidate;
    return std::nullopt;
}

std::string content_type_for(const fs::path& file) {
    const std::string ext = file.extension().string();
    if (ext == ".xml") return "application/xml";
    if (ext == ".txt") return "text/plain";
    return "text/html";
}

nlohmann::json read_headers(const fs::path& tree) {
    const fs::path file = tree / "_headers.json";
    if (!fs::exists(file)) return nlohmann::json::object();
    try {
        return nlohmann::json::parse(read_text_file(file.string()));
    } catch (const nlohmann::json::parse_error& e) {
        throw InputError(file.string() + ": " + e.what());
    }
}

/// A header the server would send for `host`/`relative` (either the file's path or the
/// request path may be the key), case-insensitively by name.
std::string header_for(const nlohmann::json& headers, const std::string& host, const std::string& file_relative,
                       const std::string& request_path, const std::string& name) {
    for (const std::string& key : {host + "/" + file_relative, host + "/" + request_path}) {
        if (!headers.contains(key) || !headers[key].is_object()) continue;
        for (const auto& [header, value] : headers[key].items()) {
            if (header.size() != name.size() || !value.is_string()) continue;
            bool same = true;
            for (std::size_t i = 0; i < name.size(); ++i)
                same = same && std::tolower(static_cast<unsigned char>(header[i])) ==
                                   std::tolower(static_cast<unsigned char>(name[i]));
            if (same) return value.get<std::string>();
        }
    }
    return {};
}

/// One page through decode, extract and analyze.
PhaseResult process_page(const fs::path& tree, const fs::path& file, const nlohmann::json& headers,
                         const std::string& host, const std::string& request_path, const Label& label,
                         const Outlet& outlet, const std::optional<Topic>& topic, Timestamp fetched_at) {
    const std::string relative = fs::relative(file, tree / host).generic_string();
    std::string content_type = header_for(headers, host, relative, request_path, "Content-Type");
    if (content_type.empty()) content_type = content_type_for(file);
    const DecodedText decoded = decode_to_utf8(read_text_file(file.string()), content_type);

    ExtractOptions options;
    options.url = label.url;
    options.fetched_at = fetched_at;
    options.date_order = outlet.date_order;
    options.timezone = outlet.timezone;
    options.language_hint = outlet.language;
    options.content_language = header_for(headers, host, relative, request_path, "Content-Language");

    PhaseResult result;
    result.article = extract_article(decoded.utf8, options);
    if (topic) result.analysis = analyze_article(result.article, *topic);
    return result;
}

} // namespace

RunResult run_direct(const AnswerKey& key, const std::string& demo_dir, const std::optional<Topic>& topic) {
    const fs::path site = fs::path(demo_dir) / "site";
    const fs::path phase2 = fs::path(demo_dir) / "phase2";
    nlohmann::json headers1 = read_headers(site);
    nlohmann::json headers2 = headers1;
    headers2.update(read_headers(phase2)); // phase 2 wins
    const Timestamp now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());

    RunResult run;
    run.mode = "direct";
    run.has_analysis = topic.has_value();
    const auto started = std::chrono::steady_clock::now();
    for (const Label& label : key.labels) {
        const Outlet& outlet = key.outlets.at(label.outlet);
        const auto [host, path] = split_url(label.url);
        const auto file = resolve(site, host, path);
        if (!file) throw InputError(label.id + ": no file in " + site.string() + " serves " + label.url);
        Observation obs;
        obs.match = MatchKind::url;
        obs.phase1 = process_page(site, *file, headers1, host, path, label, outlet, topic, now);
        if (const auto edited = resolve(phase2, host, path))
            obs.phase2 = process_page(phase2, *edited, headers2, host, path, label, outlet, topic, now);
        else
            obs.phase2 = obs.phase1;
        // As ingest does (crawler/page_processor.cpp): a rel=canonical to another outlet
        // marks a copy, which stays a document of its own under its own URL.
        PhaseResult* phases[] = {&obs.phase1.value(), &obs.phase2.value()};
        for (PhaseResult* phase : phases) {
            const std::string canonical_host = url_host(phase->article.canonical_url);
            if (canonical_host.empty() || canonical_host == url_host(label.url)) continue;
            for (const auto& [id, other] : key.outlets)
                if (id != label.outlet && url_host(other.home) == canonical_host) phase->article.canonical_url = label.url;
        }
        run.observations.push_back(std::move(obs));
    }
    run.seconds_phase1 = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

#ifdef RUMORWATCH_ACCURACY_HAS_DEDUP
    // The crawler's own near-duplicate index, fed in label order (a crawl's order differs,
    // which can only matter for texts at the distance limit).
    NearDupIndex near_dups;
    for (Observation& obs : run.observations) {
        const std::uint64_t fingerprint = simhash64(obs.phase1->article.text);
        if (fingerprint == 0) continue;
        obs.phase1->near_dup_group = near_dups.assign(fingerprint);
        obs.phase2->near_dup_group = obs.phase1->near_dup_group;
    }
    run.has_near_dups = true;
#endif
    run.documents_phase1 = run.documents_phase2 = static_cast<long long>(run.observations.size());
    return run;
}

} // namespace rumorwatch::accuracy
