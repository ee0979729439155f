/// \file
/// Analysis speed: analyze_article over generated article texts (no HTML), in articles
/// and sentences per CPU second, with the agreement between the status found and the one
/// the generator wrote (a sanity check, not the accuracy report).
///
///   bench_analyze --texts FILE.jsonl [--topic seeds/topics/X.json] [--min-seconds S]
#include <fstream>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "crawler/crawler.h"
#include "parser/analysis/analysis.h"
#include "parser/extract/extract.h"
#include "tests/bench/bench_util.h"

using namespace rumorwatch;
using namespace rumorwatch::bench;

namespace {

/// Sentence ends: . ! ? followed by a space or the end, and the CJK full stops.
std::size_t count_sentences(const std::string& text) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((c == '.' || c == '!' || c == '?') && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n'))
            ++n;
        else if (text.compare(i, 3, "\xE3\x80\x82") == 0 || text.compare(i, 3, "\xEF\xBC\x81") == 0 ||
                 text.compare(i, 3, "\xEF\xBC\x9F") == 0)
            ++n; // 。！？
    }
    return n;
}

/// The shipped apple-alibaba rumor with a few aliases, for when no topic file exists yet.
Topic fallback_topic() {
    Topic t;
    t.id = "apple-alibaba";
    t.name = "Alibaba supplies the AI for iPhones in China";
    TopicEntity apple, alibaba;
    apple.id = "apple";
    apple.name = "Apple";
    apple.aliases = {"Apple", "Apple Inc.", "the iPhone maker", "苹果", "苹果公司"};
    apple.party = true;
    alibaba.id = "alibaba";
    alibaba.name = "Alibaba";
    alibaba.aliases = {"Alibaba", "Alibaba Group", "阿里巴巴", "阿里", "Qwen", "通义千问"};
    alibaba.party = true;
    t.entities = {apple, alibaba};
    t.deal_terms = {"partner", "deal", "supply", "AI", "合作"};
    return t;
}

} // namespace

int main(int argc, char** argv) try {
    const Args args(argc, argv);
    const std::string texts_path = args.get("texts", "bench/out/texts.jsonl");
    const double min_seconds = args.get_double("min-seconds", 3.0);
    const std::string topic_path = args.get("topic", "");
    const Topic topic = topic_path.empty() ? fallback_topic() : load_topic(topic_path);

    std::ifstream in(texts_path);
    if (!in) throw std::runtime_error(texts_path + ": cannot read (make it with gen_world.py texts)");
    std::vector<Article> articles;
    std::vector<std::string> expected;
    std::vector<std::size_t> sentences;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto j = nlohmann::json::parse(line);
        Article a;
        a.url = a.canonical_url = j.at("url").get<std::string>();
        a.title = j.at("title").get<std::string>();
        a.text = j.at("text").get<std::string>();
        a.language = j.at("language").get<std::string>();
        sentences.push_back(count_sentences(a.text) + 1);
        expected.push_back(j.at("status").get<std::string>());
        articles.push_back(std::move(a));
    }
    if (articles.empty()) throw std::runtime_error(texts_path + ": no articles");

    std::vector<RumorAnalysis> results(articles.size());
    const auto t = measure(articles.size(), min_seconds,
                           [&](std::size_t i) { results[i] = analyze_article(articles[i], topic); },
                           [&](std::size_t i) { return articles[i].text.size(); });

    std::size_t total_sentences = 0, with_mentions = 0, agree = 0, rumor = 0, rumor_found = 0;
    std::map<std::string, std::map<std::string, int>> confusion;
    for (std::size_t i = 0; i < articles.size(); ++i) {
        total_sentences += sentences[i];
        const std::string got(to_string(results[i].status));
        const std::string want = expected[i] == "noise" ? "none" : expected[i];
        with_mentions += !results[i].mentions.empty();
        agree += got == want;
        if (want != "none") {
            ++rumor;
            rumor_found += got != "none";
        }
        ++confusion[want][got];
    }
    const bool built = with_mentions > 0;
    const double passes = t.passes;

    nlohmann::json report;
    report["bench"] = "analyze";
    report["articles"] = articles.size();
    report["topic"] = topic_path.empty() ? "built-in fallback (no topic file given)" : topic_path;
    report["analyzer_built"] = built;
    if (!built) report["note"] = "no mention found in any article: analyze_article is the placeholder, not built yet";
    report["throughput"] = t.to_json();
    report["sentences"] = total_sentences;
    report["sentences_per_cpu_s"] = t.cpu_seconds > 0 ? static_cast<double>(total_sentences) * passes / t.cpu_seconds : 0;
    report["sentences_per_s"] = t.wall_seconds > 0 ? static_cast<double>(total_sentences) * passes / t.wall_seconds : 0;
    report["articles_per_cpu_s"] = t.cpu_seconds > 0 ? static_cast<double>(t.pages) / t.cpu_seconds : 0;
    report["agreement_with_generator"] = static_cast<double>(agree) / static_cast<double>(articles.size());
    report["rumor_articles_found"] = rumor ? static_cast<double>(rumor_found) / static_cast<double>(rumor) : 0.0;
    report["confusion"] = confusion;
    report["peak_rss_mib"] = peak_rss_mib();
    report["load_average"] = load_average();
    return emit(report);
} catch (const std::exception& e) {
    std::cerr << "bench_analyze: error: " << e.what() << '\n';
    return 1;
}
