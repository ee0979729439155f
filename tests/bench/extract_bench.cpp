/// \file
/// Extraction speed beside the floor: for each HTML file given, the bare Gumbo parse of the
/// raw page, the prescan plus Gumbo parse of what is left, and the whole extract_article,
/// in milliseconds per page and MB/s of raw HTML. Not a test: run it by hand or from
/// `make bench`:  extract_bench [--iterations N] FILE...
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <gumbo.h>

#include "parser/extract/charset.h"
#include "parser/extract/extract.h"
#include "parser/extract/html_prescan.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

} // namespace

int main(int argc, char** argv) {
    int iterations = 20;
    std::vector<std::string> pages;
    std::size_t total_bytes = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--iterations" && i + 1 < argc) {
            iterations = std::max(1, std::atoi(argv[++i]));
            continue;
        }
        std::ifstream f(arg, std::ios::binary);
        if (!f) {
            std::fprintf(stderr, "extract_bench: cannot read %s\n", arg.c_str());
            return 2;
        }
        std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
        pages.push_back(rumorwatch::decode_to_utf8(bytes, "").utf8);
        total_bytes += pages.back().size();
    }
    if (pages.empty()) {
        std::fprintf(stderr, "usage: extract_bench [--iterations N] FILE...\n");
        return 2;
    }
    rumorwatch::ExtractOptions options;
    options.url = "https://www.example.com/2025/02/13/story/";
    options.fetched_at = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    options.timezone = "America/New_York";

    std::size_t sink = 0;
    auto t0 = Clock::now();
    for (int it = 0; it < iterations; ++it)
        for (const auto& p : pages) {
            GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, p.data(), p.size());
            sink += out->document->v.document.children.length;
            gumbo_destroy_output(&kGumboDefaultOptions, out);
        }
    const double gumbo_raw = seconds_since(t0);

    t0 = Clock::now();
    std::size_t kept = 0;
    for (int it = 0; it < iterations; ++it)
        for (const auto& p : pages) {
            const auto pre = rumorwatch::prescan_html(p);
            kept += pre.html.size();
            GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, pre.html.data(), pre.html.size());
            sink += out->document->v.document.children.length;
            gumbo_destroy_output(&kGumboDefaultOptions, out);
        }
    const double gumbo_prescanned = seconds_since(t0);

    t0 = Clock::now();
    for (int it = 0; it < iterations; ++it)
        for (const auto& p : pages) sink += rumorwatch::extract_article(p, options).text.size();
    const double extract = seconds_since(t0);

    const double n = double(iterations) * double(pages.size());
    const double mb = double(total_bytes) * iterations / 1e6;
    std::printf("pages: %zu, mean size %.1f KB, kept after prescan %.0f%%, iterations %d\n", pages.size(),
                double(total_bytes) / pages.size() / 1024.0, 100.0 * double(kept) / (double(total_bytes) * iterations),
                iterations);
    std::printf("%-28s %9s %9s\n", "stage", "ms/page", "MB/s");
    std::printf("%-28s %9.3f %9.1f\n", "gumbo parse, raw page", 1e3 * gumbo_raw / n, mb / gumbo_raw);
    std::printf("%-28s %9.3f %9.1f\n", "prescan + gumbo parse", 1e3 * gumbo_prescanned / n, mb / gumbo_prescanned);
    std::printf("%-28s %9.3f %9.1f\n", "extract_article (all)", 1e3 * extract / n, mb / extract);
    std::printf("extraction / raw gumbo parse: %.2f\n", extract / gumbo_raw);
    return sink == 0 ? 1 : 0;
}
