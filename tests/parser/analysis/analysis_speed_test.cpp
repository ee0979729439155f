/// \file
/// Analysis throughput: sentences per second through analyze (topic mode) and classify
/// (generic mode) on one core. Prints figures for `make bench`; asserts nothing about time.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "parser/analysis/analyze.h"
#include "parser/analysis/sentences.h"
#include "parser/analysis/topic.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The golden articles plus every table sentence, as articles.
std::vector<Article> corpus() {
    std::vector<Article> out;
    for (const auto& entry : fs::directory_iterator(test::source_dir() / "tests/golden/analysis")) {
        if (!entry.path().string().ends_with(".input.json")) continue;
        const auto j = nlohmann::json::parse(read(entry.path()));
        Article a;
        a.title = j.at("headline");
        a.text = j.at("body");
        out.push_back(std::move(a));
    }
    std::ifstream table(test::source_dir() / "tests/parser/analysis/data/status_sentences.jsonl");
    std::string line;
    Article batch; // table sentences, twenty to an article
    int n = 0;
    while (std::getline(table, line)) {
        batch.text += nlohmann::json::parse(line).at("text").get<std::string>() + "\n\n";
        if (++n % 20 == 0) out.push_back(std::exchange(batch, Article{}));
    }
    if (!batch.text.empty()) out.push_back(batch);
    return out;
}

} // namespace

TEST_CASE("analysis speed: sentences per second on one core", "[parser][bench]") {
    const auto path = test::source_dir() / "seeds/topics/apple-alibaba.json";
    const Analyzer topic_analyzer(parse_topic(read(path), path.string()));
    const Analyzer generic_analyzer;
    const auto articles = corpus();
    std::size_t sentences_per_round = 0;
    for (const auto& a : articles) sentences_per_round += split_sentences(a.text).size() + 1;
    REQUIRE(sentences_per_round > 300);

    for (const bool generic : {false, true}) {
        const Analyzer& analyzer = generic ? generic_analyzer : topic_analyzer;
        std::size_t sentences = 0, mentions = 0;
        const auto start = std::chrono::steady_clock::now();
        auto elapsed = std::chrono::duration<double>::zero();
        while (elapsed.count() < 1.0) { // at least a second, so the figure is stable
            for (const auto& a : articles) mentions += analyzer.classify(a.title, a.text).mentions.size();
            sentences += sentences_per_round;
            elapsed = std::chrono::steady_clock::now() - start;
        }
        std::cout << "analysis speed (" << (generic ? "generic" : "topic apple-alibaba") << "): " << sentences
                  << " sentences in " << elapsed.count() << " s = "
                  << static_cast<long long>(sentences / elapsed.count()) << " sentences/s ("
                  << static_cast<long long>(sentences / elapsed.count() / (sentences_per_round / double(articles.size())))
                  << " articles/s)\n";
        CHECK(mentions > 0);
    }
}
