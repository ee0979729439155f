#include "tests/support/news_corpus.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "parser/core/core.h"

namespace rumorwatch::test {

ArticleRecord make_record(const std::string& slug, const std::string& outlet, const std::string& language,
                          const std::string& published, const std::string& title, const std::string& text,
                          RumorStatus status, const std::vector<std::string>& entities,
                          const std::vector<std::string>& sources, const std::string& dup_group) {
    ArticleRecord r;
    r.article.url = "https://" + outlet + ".example/" + slug;
    r.article.canonical_url = r.article.url;
    r.article.title = title;
    r.article.text = text;
    r.article.language = language;
    r.article.site_name = outlet;
    if (!published.empty()) {
        const auto t = parse_iso8601(published + "T08:00:00Z");
        if (!t) throw std::invalid_argument("bad test date " + published);
        r.article.published = ArticleDate{*t, "json-ld", true, true};
    }
    r.outlet_id = outlet;
    r.crawled_at = *parse_iso8601("2025-07-01T00:00:00Z");
    r.content_hash = "hash-" + slug;
    r.near_dup_group = dup_group;
    r.analysis.topic_id = status == RumorStatus::none ? "" : "apple-alibaba";
    r.analysis.status = status;
    r.analysis.confidence = 0.8;
    r.analysis.entities = entities;
    r.analysis.sources = sources;
    if (status != RumorStatus::none) {
        Mention m;
        m.sentence = text.substr(0, text.find_first_of(".。") == std::string::npos ? text.size()
                                                                                  : text.find_first_of(".。"));
        m.begin = 0;
        m.end = m.sentence.size();
        m.status = status;
        m.confidence = 0.8;
        m.cue = "test cue";
        m.attribution = sources.empty() ? "" : sources.front();
        m.entities = entities;
        r.analysis.mentions.push_back(m);
        r.analysis.evidence = 0;
    }
    return r;
}

std::string slug_of(const ArticleRecord& record) {
    const auto& url = record.article.canonical_url;
    return url.substr(url.rfind('/') + 1);
}

std::vector<CorpusArticle> small_news_corpus() {
    using S = RumorStatus;
    std::vector<CorpusArticle> c;
    auto add = [&](ArticleRecord r) { c.push_back({slug_of(r), std::move(r)}); };
    add(make_record("analysts-expect", "tech-ledger", "en", "2024-12-05",
                    "Analysts expect Apple could pick Baidu or Alibaba for China AI",
                    "Analysts expect Apple might choose Baidu, or perhaps Alibaba, as its artificial "
                    "intelligence partner in China. Nothing has been decided and both companies "
                    "declined to comment.",
                    S::speculation, {"apple", "alibaba"}, {"analysts"}));
    add(make_record("talks-report", "pacific-wire", "en", "2025-02-11",
                    "Apple in talks with Alibaba over AI for iPhones in China",
                    "Apple is working with Alibaba to bring Qwen models to iPhones sold in China, "
                    "people familiar with the matter said. Neither company has confirmed the talks.",
                    S::reported, {"apple", "alibaba"}, {"people familiar"}, "dup-talks"));
    add(make_record("talks-copy", "harbor-daily", "en", "2025-02-11",
                    "Apple in talks with Alibaba over AI for iPhones in China",
                    "Apple is working with Alibaba to bring Qwen models to iPhones sold in China, "
                    "people familiar with the matter said, according to Pacific Wire.",
                    S::reported, {"apple", "alibaba"}, {"Pacific Wire"}, "dup-talks"));
    add(make_record("zh-hezuo", "huaxia-news", "zh", "2025-02-12", "苹果与阿里巴巴合作 通义千问将进入国行iPhone",
                    "据悉，苹果公司正与阿里巴巴合作，为在中国销售的iPhone提供人工智能功能。通义千问模型将被整合。",
                    S::reported, {"apple", "alibaba"}, {"消息人士"}));
    add(make_record("chairman-confirms", "harbor-daily", "en", "2025-02-13",
                    "Alibaba chairman confirms Apple partnership",
                    "Alibaba chairman Joe Tsai said the company will power Apple's AI features in "
                    "China. Apple did not comment on the remarks.",
                    S::partially_confirmed, {"apple", "alibaba"}, {"Alibaba chairman"}));
    add(make_record("zh-caibao", "jinrong-bao", "zh", "2025-02-20", "阿里巴巴财报超预期",
                    "阿里巴巴集团公布季度财报，云计算收入增长强劲。", S::none, {"alibaba"}));
    add(make_record("blog-confirmed", "seo-blog", "en", "",
                    "Apple Alibaba deal confirmed!!! Everything you need to know",
                    "The Apple and Alibaba deal is confirmed, trust us. Here is everything about "
                    "the iPhone AI in China.",
                    S::confirmed, {"apple", "alibaba"}));
    add(make_record("macbook", "pacific-wire", "en", "2025-03-05", "Apple releases a new MacBook Air",
                    "Apple released a new MacBook Air with a faster chip on Wednesday.", S::none,
                    {"apple"}));
    add(make_record("qwen-benchmark", "tech-ledger", "en", "2025-04-01", "Qwen model tops open benchmark",
                    "Alibaba's Qwen model led a benchmark of open models this week, ahead of rivals.",
                    S::mentioned, {"alibaba"}));
    add(make_record("zh-tuichi", "jinrong-bao", "zh", "2025-05-20", "监管审查导致苹果AI功能推迟",
                    "由于监管审查，苹果与阿里巴巴的人工智能合作推迟上线。", S::stalled,
                    {"apple", "alibaba"}, {"监管机构"}));
    add(make_record("launch-delayed", "pacific-wire", "en", "2025-05-21",
                    "Apple AI launch in China delayed by regulators",
                    "The launch of Apple Intelligence in China with Alibaba has been delayed by "
                    "regulatory review, according to The Information.",
                    S::stalled, {"apple", "alibaba"}, {"The Information"}));
    add(make_record("official-launch", "harbor-daily", "en", "2025-06-10",
                    "Apple and Alibaba officially announce AI partnership for China",
                    "Apple and Alibaba officially announced on Tuesday that Alibaba will supply the "
                    "AI models for iPhones sold in mainland China.",
                    S::confirmed, {"apple", "alibaba"}, {"Apple", "Alibaba"}));
    c[6].record.crawled_at = *parse_iso8601("2025-03-01T10:00:00Z"); // the undated blog post
    return c;
}

Topic corpus_topic() {
    Topic t;
    t.id = "apple-alibaba";
    t.name = "Alibaba supplies the AI for iPhones in China";
    t.entities.push_back({"apple", "Apple", {"苹果", "iPhone maker"}, true, {}});
    t.entities.push_back({"alibaba", "Alibaba", {"阿里巴巴", "阿里", "Qwen", "通义千问"}, true, {}});
    t.deal_terms = {"partner", "deal", "合作"};
    return t;
}

void build_index(const std::string& path, const std::vector<CorpusArticle>& articles) {
    IndexWriter writer(path);
    writer.set_topics({corpus_topic()});
    for (const auto& a : articles) writer.upsert(a.record);
    writer.commit();
}

} // namespace rumorwatch::test
