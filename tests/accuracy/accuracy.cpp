/// \file
/// rumorwatch_accuracy: runs the pipeline over the demo world and reports, per stage, how
/// much of it agrees with seeds/demo/labels.json (`make accuracy`; the CTest test adds
/// --thresholds).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include "crawler/crawler.h"
#include "parser/core/core.h"
#include "tests/accuracy/crawl_pipeline.h"
#include "tests/accuracy/direct_pipeline.h"
#include "tests/accuracy/labels.h"
#include "tests/accuracy/report.h"
#include "tests/accuracy/scoring.h"
#include "tests/accuracy/sentence_table.h"
#include "tests/accuracy/thresholds.h"
#include "tests/support/temp_dir.h"

namespace rumorwatch::accuracy {
namespace {

namespace fs = std::filesystem;

struct Options {
    bool direct = false;
    std::string demo_dir = (test::source_dir() / "seeds" / "demo").string();
    std::string topic = (test::source_dir() / "seeds" / "topics" / "apple-alibaba.json").string();
    std::string sentences = (test::source_dir() / "tests" / "parser" / "analysis" / "data").string();
    bool no_sentences = false;
    std::string json;
    std::string thresholds;
    std::string write_thresholds;
    std::string keep;
    std::size_t worst = 10;
    bool verbose = false;
};

int run(const Options& options) {
    const AnswerKey key = load_answer_key(options.demo_dir);
    std::optional<Topic> topic;
    if (fs::exists(options.topic)) {
        topic = load_topic(options.topic);
    } else {
        std::cerr << "rumorwatch_accuracy: warning: " << options.topic
                  << " does not exist: article status is not judged\n";
    }

    RunResult run;
    if (options.direct) {
        run = run_direct(key, options.demo_dir, topic);
    } else {
        CrawlRunOptions crawl_options;
        crawl_options.demo_dir = options.demo_dir;
        if (topic) crawl_options.topics.push_back(*topic);
        crawl_options.keep_dir = options.keep;
        std::ostringstream quiet;
        run = run_crawl(key, crawl_options, options.verbose ? std::cerr : quiet);
    }
    const Scores scores = score_run(key, run);

    SentenceScores sentences;
    if (options.no_sentences)
        sentences.note = "skipped (--no-sentences)";
    else
        sentences = score_sentence_table(options.sentences, fs::path(options.topic).parent_path().string());

    Report report;
    report.run = &run;
    report.scores = &scores;
    report.sentences = &sentences;
    report.demo_dir = options.demo_dir;
    report.worst = options.worst;
    print_report(report, std::cout);

    const auto figures = all_figures(report);
    if (!options.json.empty()) {
        std::ofstream out(options.json, std::ios::trunc);
        if (!out) throw InputError(options.json + ": cannot write");
        out << report_json(report).dump(2) << '\n';
    }
    if (!options.write_thresholds.empty()) {
        write_thresholds(figures, options.write_thresholds, run.mode);
        std::cout << "\nwrote the figures, rounded down to the percent, to " << options.write_thresholds << '\n';
    }
    if (!options.thresholds.empty()) {
        const int failures = check_thresholds(figures, options.thresholds, run.mode, std::cout);
        if (failures) {
            std::cout << failures << " figure" << (failures == 1 ? "" : "s") << " below threshold\n";
            return 1;
        }
    }
    return 0;
}

} // namespace
} // namespace rumorwatch::accuracy

int main(int argc, char** argv) {
    using namespace rumorwatch;
    accuracy::Options options;
    CLI::App app{"Runs rumorwatch over the demo world and scores every stage against seeds/demo/labels.json.\n"
                 "Default: serve the world on loopback, crawl it twice (phase 1, phase 2) into a temporary\n"
                 "index and read it back. --direct reads the files and runs only the parser stages."};
    app.add_flag("--direct", options.direct, "Read the demo files directly (decode, extract, analyze): no server, crawl or index");
    app.add_option("--demo", options.demo_dir, "The demo world folder")->capture_default_str();
    app.add_option("--topic", options.topic, "Topic file for the status")->capture_default_str();
    app.add_option("--sentences", options.sentences, "Folder of the labeled sentence table (*.jsonl)")->capture_default_str();
    app.add_flag("--no-sentences", options.no_sentences, "Skip the labeled sentence table");
    app.add_option("--json", options.json, "Also write every figure and per-article row to this JSON file");
    app.add_option("--thresholds", options.thresholds, "Fail (exit 1) when a figure is below its threshold in this file");
    app.add_option("--write-thresholds", options.write_thresholds,
                   "Write the figures, rounded down to the percent, as this mode's thresholds");
    app.add_option("--keep", options.keep,
                   "Keep the crawl here: DIR/db (for rumorwatch show/search), DIR/crawl-log.jsonl, DIR/requests.jsonl");
    app.add_option("--worst", options.worst, "How many of the worst main texts to list")->capture_default_str();
    app.add_flag("-v,--verbose", options.verbose, "Show the crawler's progress on stderr");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    try {
        return accuracy::run(options);
    } catch (const InputError& e) {
        std::cerr << "rumorwatch_accuracy: error: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "rumorwatch_accuracy: error: " << e.what() << '\n';
        return 1;
    }
}
