/// \file
/// Duplicate detection: SHA-256 for exact copies, a 64-bit SimHash over word shingles for
/// near copies (syndicated stories with a changed headline or a different footer).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rumorwatch {

/// Lower-case hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

/// 64-bit SimHash of a UTF-8 text: shingles of three words (for Chinese and Japanese, of
/// three characters) are hashed and folded into one fingerprint; similar texts differ in
/// few bits. 0 for a text too short to judge.
std::uint64_t simhash64(std::string_view utf8_text);

/// Number of differing bits.
int hamming_distance(std::uint64_t a, std::uint64_t b);

/// 16 lower-case hex digits.
std::string to_hex64(std::uint64_t value);
/// Inverse of to_hex64; std::nullopt when malformed.
std::optional<std::uint64_t> from_hex64(std::string_view hex);

/// Fingerprints of the documents seen so far and the group each belongs to. A new
/// fingerprint within `max_distance` bits of a known one joins that one's group; otherwise it
/// starts its own. Lookup is by max_distance + 1 bands of the fingerprint (a match within
/// max_distance bits equals the new one in at least one band, by pigeonhole), so it stays
/// fast with many documents. Not thread-safe.
class NearDupIndex {
public:
    /// Syndicated copies with a different footer or an added line differ by a few bits; 7
    /// of 64 keeps unrelated articles apart.
    static constexpr int kDefaultMaxDistance = 7;
    explicit NearDupIndex(int max_distance = kDefaultMaxDistance);

    /// Records a known document's fingerprint and group (when loading earlier crawls).
    void add(std::uint64_t fingerprint, const std::string& group);
    /// The group of the nearest known fingerprint within the distance, if any.
    std::optional<std::string> find(std::uint64_t fingerprint) const;
    /// find(), else a new group named after the fingerprint; records it either way.
    std::string assign(std::uint64_t fingerprint);

private:
    struct Entry {
        std::uint64_t fingerprint;
        std::string group;
    };
    std::uint64_t band_key(std::uint64_t fingerprint, int band) const;

    int max_distance_;
    int bands_count_;
    int band_bits_;
    std::vector<Entry> entries_;
    std::unordered_multimap<std::uint64_t, std::size_t> bands_; ///< band key -> entry index
};

} // namespace rumorwatch
