/// \file
/// Script counting and stop-word voting.
#include "parser/extract/language.h"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

/// How much text the detector reads: enough to be sure, little enough to be free.
constexpr std::size_t kSampleBytes = 6000;
/// A script is "mixed in" when it holds at least this share of the letters.
constexpr double kMixedShare = 0.2;
/// Kana above this share of CJK characters means Japanese (Japanese mixes in many Han).
constexpr double kKanaShareForJapanese = 0.1;

struct StopWords {
    std::string_view language;
    std::array<std::string_view, 14> words;
};

constexpr StopWords kStopWords[] = {
    {"en", {"the", "and", "of", "to", "in", "is", "that", "for", "with", "said", "was", "on", "it", "has"}},
    {"de", {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "sich", "auf", "ein", "eine", "dem", "auch"}},
    {"fr", {"le", "la", "les", "et", "des", "est", "une", "du", "pour", "que", "dans", "qui", "pas", "sur"}},
    {"es", {"el", "los", "las", "y", "que", "en", "por", "una", "con", "para", "del", "se", "es", "como"}},
    {"it", {"il", "di", "che", "e", "per", "non", "una", "sono", "della", "con", "gli", "del", "nel", "anche"}},
    {"pt", {"o", "os", "que", "e", "do", "da", "em", "um", "uma", "para", "com", "não", "dos", "como"}},
    {"nl", {"de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "voor", "met", "ook"}},
};

} // namespace

std::string normalise_language_tag(std::string_view tag) {
    tag = text::trim(tag);
    // A Content-Language header may list several: take the first.
    if (const auto comma = tag.find(','); comma != std::string_view::npos) tag = text::trim(tag.substr(0, comma));
    std::size_t end = 0;
    while (end < tag.size() && ((tag[end] >= 'a' && tag[end] <= 'z') || (tag[end] >= 'A' && tag[end] <= 'Z'))) ++end;
    if (end < 2 || end > 3) return {};
    if (end < tag.size() && tag[end] != '-' && tag[end] != '_') return {};
    std::string out = text::to_lower_ascii(tag.substr(0, end));
    if (out == "iw") out = "he";
    if (out == "in") out = "id";
    if (out == "jw") out = "jv";
    if (out == "zho" || out == "chi" || out == "cmn" || out == "yue") out = "zh";
    if (out == "eng") out = "en";
    if (out == "jpn") out = "ja";
    if (out == "kor") out = "ko";
    return out;
}

LanguageGuess detect_language(std::string_view full) {
    const std::string_view s = text::utf8_prefix(full, kSampleBytes);
    std::size_t han = 0, kana = 0, hangul = 0, latin = 0, cyrillic = 0, arabic = 0, greek = 0, thai = 0, hebrew = 0;
    std::array<std::size_t, std::size(kStopWords)> votes{};
    // Stop word -> the languages it belongs to, built once.
    static const std::unordered_map<std::string_view, unsigned> kIndex = [] {
        std::unordered_map<std::string_view, unsigned> index;
        for (std::size_t k = 0; k < std::size(kStopWords); ++k)
            for (auto w : kStopWords[k].words) index[w] |= 1u << k;
        return index;
    }();
    std::string word;
    const auto end_word = [&] {
        if (word.empty()) return;
        if (const auto it = kIndex.find(word); it != kIndex.end())
            for (std::size_t k = 0; k < std::size(kStopWords); ++k)
                if (it->second & (1u << k)) ++votes[k];
        word.clear();
    };
    std::size_t pos = 0;
    while (pos < s.size()) {
        const unsigned char b = static_cast<unsigned char>(s[pos]);
        if (b < 0x80) {
            ++pos;
            if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
                ++latin;
                if (word.size() < 16) word.push_back(static_cast<char>(b | 0x20));
            } else {
                end_word();
            }
            continue;
        }
        const std::size_t before = pos;
        const char32_t cp = text::next_code_point(s, pos);
        if (text::is_han(cp)) ++han;
        else if (text::is_kana(cp)) ++kana;
        else if (text::is_hangul(cp)) ++hangul;
        else if (cp >= 0xC0 && cp <= 0x24F) {
            ++latin;
            if (word.size() < 16) word.append(s.substr(before, pos - before));
            continue;
        } else if (cp >= 0x400 && cp <= 0x4FF) ++cyrillic;
        else if (cp >= 0x600 && cp <= 0x6FF) ++arabic;
        else if (cp >= 0x370 && cp <= 0x3FF) ++greek;
        else if (cp >= 0xE00 && cp <= 0xE7F) ++thai;
        else if (cp >= 0x590 && cp <= 0x5FF) ++hebrew;
        end_word();
    }
    end_word();

    LanguageGuess g;
    // Latin letters are counted per letter, CJK per character; a Latin word of ~5 letters
    // carries about what 1.5 Han characters do, so compare in those units.
    const double latin_units = latin / 3.0;
    const double cjk = double(han + kana + hangul);
    const double total = latin_units + cjk + cyrillic / 3.0 + arabic / 3.0 + greek / 3.0 + thai + hebrew / 3.0;
    if (total < 5) return g;

    std::string latin_language = "en";
    std::size_t best_votes = 0;
    for (std::size_t k = 0; k < std::size(kStopWords); ++k)
        if (votes[k] > best_votes) {
            best_votes = votes[k];
            latin_language = std::string(kStopWords[k].language);
        }

    struct Share {
        std::string language;
        double units;
    };
    std::string cjk_language = "zh";
    if (kana > 0 && double(kana) / std::max(1.0, cjk) >= kKanaShareForJapanese) cjk_language = "ja";
    else if (hangul > han) cjk_language = "ko";
    std::array<Share, 7> shares = {{{latin_language, latin_units}, {cjk_language, cjk}, {"ru", cyrillic / 3.0},
                                    {"ar", arabic / 3.0}, {"el", greek / 3.0}, {"th", double(thai)}, {"he", hebrew / 3.0}}};
    std::sort(shares.begin(), shares.end(), [](const Share& a, const Share& b) { return a.units > b.units; });
    g.language = shares[0].language;
    g.confidence = shares[0].units / total;
    if (shares[1].units / total >= kMixedShare) {
        g.mixed = true;
        g.secondary = shares[1].language;
    }
    return g;
}

} // namespace rumorwatch
