/// \file
/// Finds many fixed phrases (cue lexicons, entity aliases, deal terms) in a text in one pass.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rumorwatch {

/// A set of phrases, each with a payload, compiled once and matched many times.
///
/// Matching rules, chosen for English and Chinese news text:
/// - ASCII letters compare case-insensitively; everything else byte for byte.
/// - A phrase that begins with an ASCII letter or digit matches only at the start of a word,
///   and one that ends with one only at the end of a word ("deal" is not in "dealer").
///   Chinese phrases match anywhere (substring), since Chinese does not separate words.
/// - A trailing `*` makes the phrase a word prefix: "confirm*" matches "confirmed" (and the
///   match covers the whole word).
/// - A straight apostrophe also matches the typographic one (’).
///
/// Usage: `add` every phrase, `compile` once, then `find` as often as needed.
/// Thread-safety: `find` is const and may run concurrently after `compile`.
class PhraseMatcher {
public:
    /// One match: byte offsets into the searched text and the phrase's payload.
    struct Match {
        std::uint32_t begin = 0;
        std::uint32_t end = 0;
        std::uint32_t payload = 0;
    };

    /// Adds a phrase. Phrases shorter than two bytes (after removing a trailing `*`) are
    /// ignored: they would match everywhere. Adding the same phrase twice keeps both payloads;
    /// `find` reports the one added first.
    void add(std::string_view phrase, std::uint32_t payload);

    /// Builds the lookup tables; call after the last `add` and before `find`.
    void compile();

    /// Appends to `out` every match in `text`, left to right. At each start only the longest
    /// phrase is reported, and a match lying wholly inside an earlier, longer one is dropped
    /// ("not yet" hides the "yet" in it; "阿里巴巴" hides "阿里").
    /// @throws std::logic_error if phrases were added after the last `compile`.
    void find(std::string_view text, std::vector<Match>& out) const;

    /// Number of phrases added (with apostrophe variants).
    std::size_t size() const { return phrases_.size(); }

private:
    struct Phrase {
        std::string bytes; ///< folded, without the trailing '*'
        std::uint32_t payload = 0;
        bool prefix = false;      ///< ended in '*'
        bool word_start = false;  ///< first byte is an ASCII letter or digit
        bool word_end = false;    ///< last byte is one, and not a prefix phrase
        std::uint32_t order = 0;  ///< insertion order, to break ties
    };

    void add_one(std::string bytes, bool prefix, std::uint32_t payload);

    std::vector<Phrase> phrases_;
    // Phrases bucketed by their first two folded bytes (CSR layout), longest first.
    std::vector<std::uint32_t> bucket_start_;
    std::vector<std::uint32_t> bucket_items_;
    bool compiled_ = false;
};

} // namespace rumorwatch
