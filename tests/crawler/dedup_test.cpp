/// \file
/// Exact and near-duplicate detection.
#include <catch2/catch.hpp>

#include "crawler/dedup.h"

using namespace rumorwatch;

namespace {

const char* kStory =
    "Apple has chosen Alibaba as its partner for artificial intelligence features on iPhones sold in "
    "mainland China, according to two people familiar with the matter. The arrangement would let Apple "
    "offer its Apple Intelligence suite in the country, where foreign AI models need regulatory approval. "
    "Neither company commented on the report. Apple had also evaluated models from Baidu, ByteDance, "
    "Tencent and Moonshot before settling on Alibaba, the people said. Shares of Alibaba rose in Hong Kong "
    "trading after the news, while analysts said the deal could help Apple revive sales in China.";

} // namespace

TEST_CASE("dedup: SHA-256 of known inputs", "[crawler]") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("dedup: a syndicated copy is near, another story is far", "[crawler]") {
    const std::string original = kStory;
    const std::string copy = std::string(kStory) + " This story was first published by Pacific Wire.";
    const std::string other =
        "Honda and Nissan said on Monday they had ended talks on a merger that would have created the "
        "world's third largest carmaker by sales, after the two companies failed to agree on terms. "
        "The Japanese firms will keep working together on electric vehicles and software, they said.";
    const auto a = simhash64(original), b = simhash64(copy), c = simhash64(other);
    REQUIRE(a != 0);
    CHECK(hamming_distance(a, b) <= NearDupIndex::kDefaultMaxDistance);
    CHECK(hamming_distance(a, c) > NearDupIndex::kDefaultMaxDistance);
    // Case and punctuation do not matter; word order does.
    std::string shouted = original;
    for (char& ch : shouted) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    CHECK(simhash64(shouted) == a);
}

TEST_CASE("dedup: Chinese text is shingled by characters", "[crawler]") {
    const std::string zh = "据两位知情人士透露，苹果公司已选择阿里巴巴作为其在中国市场销售的iPhone提供人工智能功能的合作伙伴。"
                           "双方均未就此置评。苹果此前还评估了百度、字节跳动、腾讯和月之暗面的模型。";
    const std::string zh_copy = zh + "本文转载自华岭科技。";
    const std::string zh_other = "本田与日产周一表示，双方已终止合并谈判，两家公司未能就条款达成一致。两家日本企业将继续在电动汽车领域合作。";
    const auto a = simhash64(zh);
    REQUIRE(a != 0);
    CHECK(hamming_distance(a, simhash64(zh_copy)) <= NearDupIndex::kDefaultMaxDistance);
    CHECK(hamming_distance(a, simhash64(zh_other)) > NearDupIndex::kDefaultMaxDistance);
}

TEST_CASE("dedup: too short to judge", "[crawler]") {
    CHECK(simhash64("") == 0);
    CHECK(simhash64("Apple and Alibaba") == 0);
}

TEST_CASE("dedup: the near-duplicate index groups copies and keeps groups stable", "[crawler]") {
    NearDupIndex index;
    const std::uint64_t original = 0x0123456789abcdefULL;
    const std::string group = index.assign(original);
    CHECK(group == "sim-0123456789abcdef");
    // Three bits off in three different bands, and seven bits off spread out: same group.
    CHECK(index.assign(original ^ 0x0000000100010001ULL) == group);
    CHECK(index.assign(original ^ 0x8000100010001011ULL) == group);
    // Far away: its own group.
    const std::uint64_t other = ~original;
    CHECK(index.assign(other) == "sim-fedcba9876543210");
    CHECK_FALSE(index.find(0x5555555555555555ULL));
    // Groups loaded from an earlier crawl are reused.
    NearDupIndex reloaded;
    reloaded.add(original, "sim-earlier");
    CHECK(reloaded.assign(original ^ 1) == "sim-earlier");
    CHECK(to_hex64(0xabcULL) == "0000000000000abc");
    CHECK(from_hex64("0000000000000abc") == 0xabcULL);
    CHECK_FALSE(from_hex64("xyz"));
}
