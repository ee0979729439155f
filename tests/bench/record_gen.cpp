/// \file
/// The synthetic news corpus for index and search benches: Zipf vocabularies, sentences,
/// rumor mentions, outlets and dates, all from a splitmix64 stream per article.
#include "tests/bench/record_gen.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "tests/bench/bench_util.h"

namespace rumorwatch::bench {
namespace {

/// At most `bytes` of `text`, not cutting a UTF-8 character (a cut one made titles that
/// were not valid UTF-8).
std::string utf8_prefix(std::string_view text, std::size_t bytes) {
    if (text.size() <= bytes) return std::string(text);
    while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
    return std::string(text.substr(0, bytes));
}

// The most frequent words of English news, in rough frequency order; synthetic words
// made of syllables follow them in the long tail (real vocabularies are mostly rare words).
const char* const kCommonWords[] = {
    "the", "of", "to", "and", "a", "in", "that", "for", "is", "on", "said", "with", "it", "as",
    "was", "by", "at", "its", "from", "has", "be", "have", "are", "an", "which", "this", "will",
    "but", "not", "had", "percent", "year", "were", "company", "would", "market", "more", "than",
    "also", "new", "been", "billion", "after", "their", "last", "about", "up", "they", "one",
    "could", "shares", "million", "its", "first", "quarter", "two", "government", "people",
    "over", "into", "sales", "people", "investors", "chief", "executive", "price", "prices",
    "china", "chinese", "technology", "data", "growth", "officials", "report", "week", "month",
    "analysts", "revenue", "profit", "business", "companies", "bank", "trade", "global", "stock",
    "economy", "industry", "demand", "supply", "chips", "phone", "smartphone", "cloud",
    "software", "model", "models", "services", "customers", "users", "deal", "plans", "launch",
    "regulators", "approval", "beijing", "shanghai", "hangzhou", "shenzhen", "rules", "tariffs",
    "exports", "factory", "production", "earnings", "forecast", "results", "investment",
    "funds", "capital", "debt", "rates", "interest", "inflation", "consumer", "spending",
    "retail", "online", "platform", "devices", "features", "update", "research", "engineers",
    "startup", "startups", "venture", "valuation", "merger", "acquisition", "lawsuit", "court",
    "ministry", "agency", "statement", "spokesperson", "comment", "declined", "according",
    "familiar", "matter", "talks", "agreement", "partner", "partners", "partnership",
    "intelligence", "artificial", "generative", "assistant", "chatbot", "search", "network",
};

const char* const kSyllables[] = {
    "ka", "lo", "mi", "ren", "tor", "vel", "an", "ber", "cin", "dra", "el", "fa", "gor", "hin",
    "is", "jo", "kel", "lum", "mar", "nor", "op", "pra", "quin", "ros", "sel", "tan", "ur",
    "vin", "wes", "xan", "yor", "zel", "bro", "cre", "dun", "ent",
};

const char* const kChineseWords[] = {
    "的", "在", "是", "和", "了", "公司", "市场", "发展", "企业", "技术", "数据", "产品", "用户",
    "增长", "表示", "行业", "投资", "服务", "平台", "中国", "智能", "科技", "合作", "业务", "经济",
    "芯片", "手机", "苹果", "阿里巴巴", "人工智能", "大模型", "监管", "政策", "消费", "金融", "销售",
    "营收", "利润", "季度", "全球", "国内", "海外", "上市", "股价", "投资者", "分析师", "报告",
    "预计", "宣布", "推出", "发布", "功能", "系统", "软件", "硬件", "云计算", "供应链", "制造",
    "出口", "关税", "价格", "需求", "竞争", "创新", "研发", "算力", "应用", "生态", "开发者",
    "深圳", "杭州", "上海", "北京", "广州", "成都", "消息", "人士", "据悉", "证实", "否认", "推迟",
    "审查", "取消", "官宣", "正式", "协议", "谈判", "计划", "项目", "资金", "融资", "估值", "收购",
    "通义千问", "阿里", "苹果公司", "国行", "iPhone", "芯片", "工厂", "员工", "客户", "渠道",
};

constexpr double kZipfExponent = 1.07;
constexpr std::size_t kEnglishWords = 30000;
constexpr std::size_t kChineseVocabulary = 4000;

std::vector<std::uint32_t> zipf_table(std::size_t vocabulary, std::size_t buckets) {
    std::vector<double> cdf(vocabulary);
    double total = 0;
    for (std::size_t r = 0; r < vocabulary; ++r) {
        total += 1.0 / std::pow(static_cast<double>(r + 1), kZipfExponent);
        cdf[r] = total;
    }
    std::vector<std::uint32_t> table(buckets);
    std::size_t r = 0;
    for (std::size_t b = 0; b < buckets; ++b) {
        const double u = (static_cast<double>(b) + 0.5) / static_cast<double>(buckets) * total;
        while (r + 1 < vocabulary && cdf[r] < u) ++r;
        table[b] = static_cast<std::uint32_t>(r);
    }
    return table;
}

struct StatusCue {
    RumorStatus status;
    const char* en;
    const char* zh;
    const char* cue;
};

const StatusCue kCues[] = {
    {RumorStatus::speculation, "Analysts say Apple could turn to Alibaba to power AI features on iPhones in China.",
     "分析人士认为，苹果或将与阿里巴巴合作，为国行iPhone提供AI功能。", "could"},
    {RumorStatus::reported, "Apple has picked Alibaba to supply AI for iPhones in China, according to people familiar with the matter.",
     "据悉，苹果已选择阿里巴巴为国行iPhone提供AI功能。", "according to people familiar"},
    {RumorStatus::partially_confirmed, "Alibaba chairman Joe Tsai confirmed the company will supply AI for iPhones in China; Apple did not comment.",
     "阿里巴巴董事长蔡崇信证实将为中国市场的iPhone提供AI服务，苹果尚未回应。", "confirmed"},
    {RumorStatus::confirmed, "Apple and Alibaba officially announced that Qwen will power Apple Intelligence in China.",
     "苹果与阿里巴巴正式宣布，通义千问将为国行iPhone提供支持。", "officially announced"},
    {RumorStatus::denied, "Apple denied reports that it had signed a final agreement with Alibaba.",
     "苹果否认已与阿里巴巴签署最终协议。", "denied"},
    {RumorStatus::stalled, "The launch of Alibaba-powered AI on iPhones in China has been delayed by a regulatory review.",
     "由于监管审查，苹果与阿里巴巴合作的AI功能上线被推迟。", "delayed"},
    {RumorStatus::cancelled, "Apple has scrapped its plan to use Alibaba models for iPhones in China.",
     "苹果已终止与阿里巴巴在中国的AI合作计划。", "scrapped"},
    {RumorStatus::mentioned, "Both Apple and Alibaba have invested heavily in AI over the past year.",
     "苹果和阿里巴巴过去一年都在人工智能领域投入巨资。", ""},
};

const char* const kSources[] = {"reuters", "bloomberg", "people familiar", "the information", "alibaba chairman",
                                "apple spokesperson", "cctv", "caixin"};
const char* const kEnglishFirst[] = {"Maria", "James", "Aiko", "Daniel", "Priya", "Lukas", "Fatima", "Oliver"};
const char* const kEnglishLast[] = {"Alvarez", "Brennan", "Chowdhury", "Dubois", "Eriksen", "Fujita", "Sato"};

std::string hex64(std::uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

} // namespace

RecordGenerator::RecordGenerator(CorpusSpec spec) : spec_(spec) {
    for (const char* w : kCommonWords) words_.emplace_back(w);
    Rng rng(spec_.seed ^ 0x5EEDF00DULL);
    const std::size_t n_syllables = sizeof kSyllables / sizeof *kSyllables;
    while (words_.size() < kEnglishWords) {
        std::string w;
        const std::size_t parts = 2 + rng.below(3);
        for (std::size_t i = 0; i < parts; ++i) w += kSyllables[rng.below(n_syllables)];
        words_.push_back(std::move(w)); // duplicates only merge two ranks: harmless
    }
    for (const char* w : kChineseWords) zh_words_.emplace_back(w);
    // Rarer Chinese "words": pairs of CJK characters from U+4E00..U+6FFF.
    while (zh_words_.size() < kChineseVocabulary) {
        std::string w;
        for (int i = 0; i < 2; ++i) {
            const unsigned cp = 0x4E00 + static_cast<unsigned>(rng.below(0x2200));
            w += static_cast<char>(0xE0 | (cp >> 12));
            w += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            w += static_cast<char>(0x80 | (cp & 0x3F));
        }
        zh_words_.push_back(std::move(w));
    }
    en_table_ = zipf_table(words_.size(), kTable);
    zh_table_ = zipf_table(zh_words_.size(), kTable);
}

std::string RecordGenerator::outlet_id(int k) {
    std::string number = std::to_string(k + 1);
    if (number.size() < 3) number.insert(0, 3 - number.size(), '0');
    return "bench-" + number;
}

Topic RecordGenerator::topic() const {
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
    t.deal_terms = {"partner", "deal", "supply", "合作"};
    return t;
}

ArticleRecord RecordGenerator::make(long long index) const {
    Rng rng(spec_.seed * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(index) * 0xD1B54A32D192ED03ULL);
    ArticleRecord r;
    const int outlet = static_cast<int>(index % spec_.outlets);
    const bool zh = outlet % 10 == 3 || outlet % 10 == 8; // as gen_world.py: one outlet in five
    const double where = (static_cast<double>(index) + rng.uniform()) / static_cast<double>(spec_.documents);
    const long long published = spec_.start_unix + static_cast<long long>(where * static_cast<double>(spec_.end_unix - spec_.start_unix));

    // Status: 30% about the rumor, 8% naming one party only, the rest unrelated.
    const double roll = rng.uniform();
    RumorStatus status = RumorStatus::none;
    const StatusCue* cue = nullptr;
    if (roll < 0.30) {
        cue = &kCues[rng.below(sizeof kCues / sizeof *kCues)];
        status = cue->status;
    }
    const bool noise = roll >= 0.30 && roll < 0.38;

    auto en_sentence = [&](std::string& out) {
        const std::size_t n = 8 + rng.below(14);
        for (std::size_t i = 0; i < n; ++i) {
            std::string w = words_[sample_en(rng.next())];
            if (i == 0 && !w.empty()) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
            if (i) out += ' ';
            out += w;
        }
        out += ". ";
    };
    auto zh_sentence = [&](std::string& out) {
        const std::size_t n = 6 + rng.below(12);
        for (std::size_t i = 0; i < n; ++i) out += zh_words_[sample_zh(rng.next())];
        out += "\xE3\x80\x82"; // 。
    };

    Article& a = r.article;
    char path[96];
    std::snprintf(path, sizeof path, "https://www.%s.example/%lld/%05lld.html", outlet_id(outlet).c_str(),
                  published / 86400, index / spec_.outlets + 1);
    a.url = a.canonical_url = path;
    a.language = zh ? "zh" : "en";
    a.site_name = outlet_id(outlet);
    a.title_source = "json-ld";
    a.text_source = "dom";
    a.published = ArticleDate{Timestamp(std::chrono::seconds(published)), "json-ld", true, true};
    a.authors.push_back(std::string(kEnglishFirst[rng.below(8)]) + " " + kEnglishLast[rng.below(7)]);

    // Title.
    std::string title;
    if (cue) title = utf8_prefix(zh ? cue->zh : cue->en, zh ? 60 : 70);
    const std::size_t title_words = 5 + rng.below(6);
    for (std::size_t i = 0; i < title_words; ++i) {
        if (!title.empty() && !zh) title += ' ';
        title += zh ? zh_words_[sample_zh(rng.next())] : words_[sample_en(rng.next())];
    }
    a.title = title;

    // Body: 400-1,500 words (Chinese: 1.7 characters per word), key sentence first.
    const std::size_t target = 400 + rng.below(1100);
    std::string text;
    std::size_t words = 0;
    if (cue) {
        text += zh ? cue->zh : cue->en;
        text += zh ? "" : " ";
    } else if (noise) {
        text += zh ? "苹果在深圳开设了新的零售店。" : "Apple opened a new store in Shenzhen on Tuesday. ";
    }
    int in_paragraph = 0;
    while (words < target) {
        const std::size_t before = text.size();
        if (zh) zh_sentence(text);
        else en_sentence(text);
        words += zh ? (text.size() - before) / 5 : static_cast<std::size_t>(std::count(text.begin() + static_cast<long>(before), text.end(), ' '));
        if (++in_paragraph >= 3 + static_cast<int>(rng.below(3))) {
            while (!text.empty() && text.back() == ' ') text.pop_back();
            text += "\n\n";
            in_paragraph = 0;
        }
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
    a.text = std::move(text);

    r.outlet_id = outlet_id(outlet);
    r.tier = static_cast<OutletTier>(outlet % 4);
    r.crawled_at = Timestamp(std::chrono::seconds(published + 600 + static_cast<long long>(rng.below(7200))));
    r.content_hash = hex64(rng.next()) + hex64(rng.next()) + hex64(rng.next()) + hex64(rng.next());
    if (rng.uniform() < 0.03) r.near_dup_group = "dup-" + std::to_string(index / 3);

    RumorAnalysis& an = r.analysis;
    an.status = status;
    if (noise) an.entities = {"apple"};
    if (cue) {
        an.topic_id = "apple-alibaba";
        an.entities = {"apple", "alibaba"};
        an.confidence = 0.6 + 0.4 * rng.uniform();
        Mention m;
        m.sentence = zh ? cue->zh : cue->en;
        m.begin = 0;
        m.end = m.sentence.size();
        m.status = status;
        m.confidence = an.confidence;
        m.cue = cue->cue;
        m.attribution = kSources[rng.below(sizeof kSources / sizeof *kSources)];
        m.entities = an.entities;
        an.mentions.push_back(m);
        an.evidence = 0;
        an.sources = {m.attribution};
    }
    return r;
}

} // namespace rumorwatch::bench
