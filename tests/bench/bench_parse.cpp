/// \file
/// The parse floor: bare Gumbo over the raw generated pages (MB/s, pages/s on one core),
/// and the same pages with <script>/<style> bodies left out before parsing.
///
///   bench_parse --pages DIR [--min-seconds S]
///
/// Prints one JSON object. Nothing of rumorwatch runs here: this is what the machine and
/// Gumbo can do at all, the figure every extraction rate is divided by.
#include <gumbo.h>

#include <iostream>

#include <nlohmann/json.hpp>

#include "tests/bench/bench_util.h"
#include "tests/bench/script_strip.h"

using namespace rumorwatch::bench;

namespace {

std::size_t parse_and_count(const std::string& html) {
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
    const std::size_t children = out->root->v.element.children.length;
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    return children;
}

} // namespace

int main(int argc, char** argv) try {
    const Args args(argc, argv);
    const auto pages = load_pages(args.get("pages", "bench/out/pages"));
    const double min_seconds = args.get_double("min-seconds", 3.0);
    std::size_t sink = 0;

    const auto raw = measure(pages.size(), min_seconds,
                             [&](std::size_t i) { sink += parse_and_count(pages[i].bytes); },
                             [&](std::size_t i) { return pages[i].bytes.size(); });

    std::size_t kept = 0;
    const auto strip_only = measure(pages.size(), min_seconds / 3,
                                    [&](std::size_t i) { kept += strip_script_bodies(pages[i].bytes).size(); },
                                    [&](std::size_t i) { return pages[i].bytes.size(); });
    const double kept_fraction = static_cast<double>(kept) / static_cast<double>(strip_only.bytes);

    const auto stripped = measure(pages.size(), min_seconds,
                                  [&](std::size_t i) { sink += parse_and_count(strip_script_bodies(pages[i].bytes)); },
                                  [&](std::size_t i) { return pages[i].bytes.size(); });

    nlohmann::json report;
    report["bench"] = "parse";
    report["pages"] = pages.size();
    report["page_set_mb"] = static_cast<double>(total_bytes(pages)) / 1e6;
    report["gumbo_raw"] = raw.to_json();
    report["strip_only"] = strip_only.to_json();
    report["gumbo_stripped"] = stripped.to_json();
    report["gumbo_stripped"]["bytes_kept_fraction"] = kept_fraction;
    report["gumbo_stripped"]["note"] = "rate per raw input byte, strip time included";
    report["peak_rss_mib"] = peak_rss_mib();
    report["load_average"] = load_average();
    report["sink"] = sink;
    return emit(report);
} catch (const std::exception& e) {
    std::cerr << "bench_parse: error: " << e.what() << '\n';
    return 1;
}
