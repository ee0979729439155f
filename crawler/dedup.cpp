/// \file
/// SHA-256 through OpenSSL, SimHash over shingles, and a banded near-duplicate lookup.
#include "crawler/dedup.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>

#include <openssl/evp.h>

#include "parser/core/core.h"

namespace rumorwatch {

std::string sha256_hex(std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1)
        throw Error("OpenSSL could not compute a SHA-256 digest");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 15];
    }
    return out;
}

namespace {

constexpr std::size_t kShingleWords = 3;
constexpr std::size_t kMinTokens = 8; ///< fewer and any two texts look alike

std::uint64_t fnv1a(std::string_view s, std::uint64_t seed = 0xcbf29ce484222325ULL) {
    std::uint64_t h = seed;
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

/// splitmix64's finaliser: spreads FNV's weak high bits over the word.
std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

/// Decodes one UTF-8 code point at `i` (advancing it); invalid bytes come out as U+FFFD.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b = static_cast<unsigned char>(s[i]);
    int extra = 0;
    char32_t cp = 0;
    if (b < 0x80) {
        ++i;
        return b;
    } else if ((b & 0xE0) == 0xC0) {
        extra = 1;
        cp = b & 0x1F;
    } else if ((b & 0xF0) == 0xE0) {
        extra = 2;
        cp = b & 0x0F;
    } else if ((b & 0xF8) == 0xF0) {
        extra = 3;
        cp = b & 0x07;
    } else {
        ++i;
        return 0xFFFD;
    }
    if (i + extra >= s.size()) { // truncated sequence at the end
        i = s.size();
        return 0xFFFD;
    }
    for (int k = 1; k <= extra; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    i += extra + 1;
    return cp;
}

bool is_cjk(char32_t c) {
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x20000 && c <= 0x2FFFF);
}

bool is_separator(char32_t c) {
    if (c < 0x80) return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
    // General punctuation, CJK symbols and punctuation, full-width forms, U+FFFD.
    return (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF65) ||
           c == 0xFFFD || c == 0x00A0;
}

std::vector<std::uint64_t> token_hashes(std::string_view text) {
    std::vector<std::uint64_t> tokens;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) tokens.push_back(fnv1a(word));
        word.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t begin = i;
        const char32_t c = next_code_point(text, i);
        if (is_cjk(c)) {
            flush();
            tokens.push_back(fnv1a(text.substr(begin, i - begin)));
        } else if (is_separator(c)) {
            flush();
        } else if (c < 0x80) {
            word += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        } else {
            word.append(text.substr(begin, i - begin));
        }
    }
    flush();
    return tokens;
}

} // namespace

std::uint64_t simhash64(std::string_view utf8_text) {
    const std::vector<std::uint64_t> tokens = token_hashes(utf8_text);
    if (tokens.size() < kMinTokens) return 0;
    std::array<int, 64> votes{};
    for (std::size_t i = 0; i + kShingleWords <= tokens.size(); ++i) {
        std::uint64_t h = 0x9e3779b97f4a7c15ULL;
        for (std::size_t k = 0; k < kShingleWords; ++k) h = mix(h ^ tokens[i + k]);
        for (int bit = 0; bit < 64; ++bit) votes[bit] += ((h >> bit) & 1) ? 1 : -1;
    }
    std::uint64_t out = 0;
    for (int bit = 0; bit < 64; ++bit)
        if (votes[bit] > 0) out |= (std::uint64_t{1} << bit);
    // 0 is reserved for "too short"; a real all-zero fingerprint is vanishingly rare.
    return out ? out : 1;
}

int hamming_distance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

std::string to_hex64(std::uint64_t value) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) {
        out[i] = kHex[value & 15];
        value >>= 4;
    }
    return out;
}

std::optional<std::uint64_t> from_hex64(std::string_view hex) {
    if (hex.empty() || hex.size() > 16) return std::nullopt;
    std::uint64_t v = 0;
    const auto [ptr, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), v, 16);
    if (ec != std::errc() || ptr != hex.data() + hex.size()) return std::nullopt;
    return v;
}

NearDupIndex::NearDupIndex(int max_distance)
    : max_distance_(std::clamp(max_distance, 0, 15)), bands_count_(max_distance_ + 1),
      band_bits_(64 / bands_count_) {}

std::uint64_t NearDupIndex::band_key(std::uint64_t fingerprint, int band) const {
    const std::uint64_t mask = band_bits_ >= 64 ? ~std::uint64_t{0} : ((std::uint64_t{1} << band_bits_) - 1);
    return (static_cast<std::uint64_t>(band) << 56) ^ ((fingerprint >> (band_bits_ * band)) & mask);
}

void NearDupIndex::add(std::uint64_t fingerprint, const std::string& group) {
    if (fingerprint == 0) return;
    const std::size_t index = entries_.size();
    entries_.push_back({fingerprint, group});
    for (int band = 0; band < bands_count_; ++band) bands_.emplace(band_key(fingerprint, band), index);
}

std::optional<std::string> NearDupIndex::find(std::uint64_t fingerprint) const {
    if (fingerprint == 0) return std::nullopt;
    int best = max_distance_ + 1;
    const Entry* found = nullptr;
    for (int band = 0; band < bands_count_; ++band) {
        const auto [begin, end] = bands_.equal_range(band_key(fingerprint, band));
        for (auto it = begin; it != end; ++it) {
            const Entry& e = entries_[it->second];
            const int d = hamming_distance(e.fingerprint, fingerprint);
            if (d < best) {
                best = d;
                found = &e;
            }
        }
    }
    if (!found) return std::nullopt;
    return found->group;
}

std::string NearDupIndex::assign(std::uint64_t fingerprint) {
    if (fingerprint == 0) return {};
    std::string group = find(fingerprint).value_or("sim-" + to_hex64(fingerprint));
    add(fingerprint, group);
    return group;
}

} // namespace rumorwatch
