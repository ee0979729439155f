/// \file
/// PhraseMatcher: two-byte buckets, folded byte comparison, word-boundary checks.
#include "parser/analysis/phrase_matcher.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace rumorwatch {
namespace {

constexpr std::array<unsigned char, 256> make_fold_table() {
    std::array<unsigned char, 256> t{};
    for (int i = 0; i < 256; ++i) t[i] = static_cast<unsigned char>(i >= 'A' && i <= 'Z' ? i - 'A' + 'a' : i);
    return t;
}
constexpr auto kFold = make_fold_table();

constexpr bool is_word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::uint32_t key_of(unsigned char a, unsigned char b) { return (std::uint32_t{a} << 8) | b; }

constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";

} // namespace

void PhraseMatcher::add(std::string_view phrase, std::uint32_t payload) {
    bool prefix = false;
    if (!phrase.empty() && phrase.back() == '*') {
        prefix = true;
        phrase.remove_suffix(1);
    }
    std::string folded;
    folded.reserve(phrase.size());
    for (char c : phrase) folded.push_back(static_cast<char>(kFold[static_cast<unsigned char>(c)]));
    if (folded.size() < 2) return;
    if (folded.find('\'') != std::string::npos) {
        std::string curly;
        for (char c : folded) {
            if (c == '\'') curly += kCurlyApostrophe;
            else curly.push_back(c);
        }
        add_one(std::move(curly), prefix, payload);
    }
    add_one(std::move(folded), prefix, payload);
}

void PhraseMatcher::add_one(std::string bytes, bool prefix, std::uint32_t payload) {
    Phrase p;
    p.word_start = is_word_byte(static_cast<unsigned char>(bytes.front()));
    p.word_end = !prefix && is_word_byte(static_cast<unsigned char>(bytes.back()));
    p.prefix = prefix;
    p.payload = payload;
    p.order = static_cast<std::uint32_t>(phrases_.size());
    p.bytes = std::move(bytes);
    phrases_.push_back(std::move(p));
    compiled_ = false;
}

void PhraseMatcher::compile() {
    std::vector<std::uint32_t> ids(phrases_.size());
    for (std::uint32_t i = 0; i < ids.size(); ++i) ids[i] = i;
    auto key = [&](std::uint32_t i) {
        const auto& b = phrases_[i].bytes;
        return key_of(static_cast<unsigned char>(b[0]), static_cast<unsigned char>(b[1]));
    };
    std::sort(ids.begin(), ids.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (key(a) != key(b)) return key(a) < key(b);
        if (phrases_[a].bytes.size() != phrases_[b].bytes.size())
            return phrases_[a].bytes.size() > phrases_[b].bytes.size();
        return phrases_[a].order < phrases_[b].order;
    });
    bucket_start_.assign(65537, 0);
    for (auto id : ids) ++bucket_start_[key(id) + 1];
    for (std::size_t k = 1; k < bucket_start_.size(); ++k) bucket_start_[k] += bucket_start_[k - 1];
    bucket_items_ = std::move(ids);
    compiled_ = true;
}

void PhraseMatcher::find(std::string_view text, std::vector<Match>& out) const {
    if (!compiled_) throw std::logic_error("PhraseMatcher::find before compile");
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::uint32_t covered_until = 0; // end of the last reported match
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const unsigned char c = s[i];
        if ((c & 0xC0) == 0x80) continue; // inside a UTF-8 sequence
        const bool word = is_word_byte(c);
        if (word && i > 0 && is_word_byte(s[i - 1])) continue; // not a word start
        if (c == ' ') continue;
        const std::uint32_t k = key_of(kFold[c], kFold[s[i + 1]]);
        for (std::uint32_t b = bucket_start_[k]; b < bucket_start_[k + 1]; ++b) {
            const Phrase& p = phrases_[bucket_items_[b]];
            const std::size_t len = p.bytes.size();
            if (i + len > n) continue;
            bool equal = true;
            for (std::size_t j = 2; j < len; ++j) {
                if (kFold[s[i + j]] != static_cast<unsigned char>(p.bytes[j])) {
                    equal = false;
                    break;
                }
            }
            if (!equal) continue;
            if (p.word_end && i + len < n && is_word_byte(s[i + len])) continue;
            std::size_t word_end = i + len;
            if (p.prefix) // report the whole word: "confirmed", not "confirm"
                while (word_end < n && is_word_byte(s[word_end])) ++word_end;
            const auto end = static_cast<std::uint32_t>(word_end);
            if (end <= covered_until) break; // wholly inside an earlier, longer match
            out.push_back({static_cast<std::uint32_t>(i), end, p.payload});
            covered_until = std::max(covered_until, end);
            break; // longest phrase at this start only
        }
    }
}

} // namespace rumorwatch
