/// \file
/// ArticleRecords made directly in C++ for the index and search benches (no HTML, no
/// extraction): a Zipf-distributed English vocabulary of 30,000 words and a Chinese one,
/// 400-1,500 words per article over two years and 50 outlets, one article in five in
/// Chinese, 30% about the rumor with mentions, statuses, entities and sources.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "index/index.h"

namespace rumorwatch::bench {

/// What the corpus looks like.
struct CorpusSpec {
    std::uint64_t seed = 1;
    int outlets = 50;
    long long start_unix = 1719792000; ///< 2024-07-01
    long long end_unix = 1782777600;   ///< 2026-06-30
    long long documents = 100000;      ///< spreads the dates: article i is at i/documents of the span
};

/// Deterministic: make(i) is the same record for the same spec and i, on any machine.
/// Thread-compatible (const methods only after construction).
class RecordGenerator {
public:
    explicit RecordGenerator(CorpusSpec spec);

    /// The i-th article of the corpus.
    ArticleRecord make(long long index) const;
    /// The English word of frequency rank `rank` (0 = most frequent).
    const std::string& word(std::size_t rank) const { return words_[rank]; }
    std::size_t vocabulary_size() const { return words_.size(); }
    /// A Chinese word by rank.
    const std::string& zh_word(std::size_t rank) const { return zh_words_[rank]; }
    std::size_t zh_vocabulary_size() const { return zh_words_.size(); }
    /// The topic the records are analysed for ("apple-alibaba").
    Topic topic() const;
    const CorpusSpec& spec() const { return spec_; }
    /// Outlet id of outlet number k (0-based): "bench-001"...
    static std::string outlet_id(int k);

private:
    std::size_t sample_en(std::uint64_t r) const { return en_table_[r & (kTable - 1)]; }
    std::size_t sample_zh(std::uint64_t r) const { return zh_table_[r & (kTable - 1)]; }

    static constexpr std::size_t kTable = 1u << 20;
    CorpusSpec spec_;
    std::vector<std::string> words_;
    std::vector<std::string> zh_words_;
    std::vector<std::uint32_t> en_table_; ///< inverse CDF of the Zipf law, 2^20 buckets
    std::vector<std::uint32_t> zh_table_;
};

} // namespace rumorwatch::bench
