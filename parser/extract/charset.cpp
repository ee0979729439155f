/// \file
/// Charset choice (BOM, HTTP header, <meta> prescan, uchardet) and conversion through
/// iconv with invalid bytes replaced, so the result is always valid UTF-8.
#include "parser/extract/charset.h"

#include <algorithm>
#include <cerrno>
#include <memory>
#include <optional>

#include <iconv.h>
#include <uchardet/uchardet.h>

#include "parser/core/core.h"

namespace rumorwatch {
namespace {

/// How far into the body a <meta charset> is looked for.
constexpr std::size_t kMetaScanBytes = 4096;
/// How much of the body uchardet reads (enough for a verdict, cheap on big pages).
constexpr std::size_t kDetectBytes = 64 * 1024;
/// A declared charset is kept while it fails on at most this many bytes, or while it
/// decodes this many non-ASCII characters per failure: beyond that the label is wrong.
constexpr std::size_t kMinToleratedErrors = 4;
constexpr std::size_t kToleratedErrorRatio = 20;

/// Owns an iconv descriptor (not copyable, not movable: the handle is the identity).
class Iconv {
public:
    Iconv(const char* to, const char* from) : cd_(iconv_open(to, from)) {}
    ~Iconv() {
        if (ok()) iconv_close(cd_);
    }
    Iconv(const Iconv&) = delete;
    Iconv& operator=(const Iconv&) = delete;
    bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
    iconv_t get() const { return cd_; }

private:
    iconv_t cd_;
};

struct UchardetDeleter {
    void operator()(uchardet_t u) const { uchardet_delete(u); }
};

struct Conversion {
    std::string utf8;
    std::size_t errors = 0;
    bool ok = false; ///< the charset is known to iconv
};

/// Converts with iconv; each undecodable byte becomes U+FFFD.
Conversion convert(std::string_view bytes, const std::string& charset) {
    Conversion result;
    Iconv cd("UTF-8", charset.c_str());
    if (!cd.ok()) return result;
    result.ok = true;
    std::string& out = result.utf8;
    out.resize(bytes.size() * 2 + 16);
    char* in_ptr = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    std::size_t used = 0;
    while (in_left > 0) {
        char* out_ptr = out.data() + used;
        std::size_t out_left = out.size() - used;
        const std::size_t rc = iconv(cd.get(), &in_ptr, &in_left, &out_ptr, &out_left);
        used = out.size() - out_left;
        if (rc != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        // EILSEQ (invalid) or EINVAL (truncated at the end): replace one byte and go on.
        ++result.errors;
        iconv(cd.get(), nullptr, nullptr, nullptr, nullptr);
        if (out.size() - used < 8) out.resize(out.size() * 2);
        out.replace(used, 3, "\xEF\xBF\xBD");
        used += 3;
        ++in_ptr;
        --in_left;
    }
    // Flush any shift state.
    {
        char* out_ptr = out.data() + used;
        std::size_t out_left = out.size() - used;
        iconv(cd.get(), nullptr, nullptr, &out_ptr, &out_left);
        used = out.size() - out_left;
    }
    out.resize(used);
    return result;
}

std::string lower_trim(std::string_view s) {
    s = text::trim(s);
    while (!s.empty() && (s.front() == '"' || s.front() == '\'')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ';')) s.remove_suffix(1);
    return text::to_lower_ascii(text::trim(s));
}

} // namespace

std::string canonical_charset(std::string_view label) {
    const std::string l = lower_trim(label);
    if (l.empty()) return {};
    if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8" || l == "x-unicode20utf8") return "UTF-8";
    if (l == "gbk" || l == "gb2312" || l == "x-gbk" || l == "gb_2312-80" || l == "gb_2312" || l == "cp936" ||
        l == "euc-cn" || l == "x-euc-cn" || l == "chinese" || l == "csgb2312" || l == "iso-ir-58" ||
        l == "gb18030" || l == "windows-936" || l == "ms936" || l == "hz-gb-2312")
        return "GB18030";
    if (l == "big5" || l == "big5-hkscs" || l == "x-x-big5" || l == "cn-big5" || l == "csbig5" || l == "cp950" ||
        l == "big-5")
        return "BIG5-HKSCS";
    if (l == "shift_jis" || l == "shift-jis" || l == "sjis" || l == "x-sjis" || l == "ms_kanji" ||
        l == "csshiftjis" || l == "windows-31j" || l == "cp932" || l == "ms932")
        return "CP932";
    if (l == "euc-jp" || l == "x-euc-jp" || l == "cseucpkdfmtjapanese") return "EUC-JP";
    if (l == "iso-2022-jp" || l == "csiso2022jp") return "ISO-2022-JP";
    if (l == "euc-kr" || l == "ks_c_5601-1987" || l == "cp949" || l == "windows-949" || l == "ksc5601" ||
        l == "ks_c_5601-1989" || l == "csksc56011987" || l == "korean" || l == "uhc")
        return "CP949";
    if (l == "iso-8859-1" || l == "latin1" || l == "latin-1" || l == "l1" || l == "us-ascii" || l == "ascii" ||
        l == "windows-1252" || l == "cp1252" || l == "x-cp1252" || l == "iso8859-1" || l == "iso_8859-1" ||
        l == "cp819" || l == "ibm819" || l == "ansi_x3.4-1968")
        return "WINDOWS-1252";
    if (l == "utf-16" || l == "utf-16le") return "UTF-16LE";
    if (l == "utf-16be") return "UTF-16BE";
    if (l == "koi8-r" || l == "koi8-u" || l.rfind("iso-8859-", 0) == 0 || l.rfind("windows-125", 0) == 0 ||
        l == "tis-620" || l == "windows-874" || l == "gb18030-2005" || l == "macintosh" || l == "ibm866")
        return text::to_lower_ascii(l) == "macintosh" ? "MACINTOSH" : std::string(text::to_lower_ascii(l));
    return {};
}

std::string charset_from_content_type(std::string_view content_type) {
    const auto pos = text::ifind(content_type, "charset");
    if (pos == std::string_view::npos) return {};
    std::size_t p = pos + 7;
    while (p < content_type.size() && (content_type[p] == ' ' || content_type[p] == '\t')) ++p;
    if (p >= content_type.size() || content_type[p] != '=') return {};
    ++p;
    std::size_t end = p;
    while (end < content_type.size() && content_type[end] != ';' && content_type[end] != ',') ++end;
    return lower_trim(content_type.substr(p, end - p));
}

std::string charset_from_meta(std::string_view head) {
    head = head.substr(0, std::min(head.size(), kMetaScanBytes));
    std::size_t pos = 0;
    while ((pos = text::ifind(head, "<meta", pos)) != std::string_view::npos) {
        const std::size_t end = head.find('>', pos);
        const std::string_view tag = head.substr(pos, end == std::string_view::npos ? head.size() - pos : end - pos);
        pos += 5;
        const auto cs = text::ifind(tag, "charset");
        if (cs == std::string_view::npos) continue;
        std::size_t p = cs + 7;
        while (p < tag.size() && (tag[p] == ' ' || tag[p] == '\t')) ++p;
        if (p >= tag.size() || tag[p] != '=') continue;
        ++p;
        while (p < tag.size() && (tag[p] == ' ' || tag[p] == '"' || tag[p] == '\'')) ++p;
        std::size_t e = p;
        while (e < tag.size() && tag[e] != '"' && tag[e] != '\'' && tag[e] != ' ' && tag[e] != ';' && tag[e] != '/' &&
               tag[e] != '>')
            ++e;
        const std::string label = lower_trim(tag.substr(p, e - p));
        if (!label.empty()) return label;
    }
    return {};
}

namespace {

std::string detect(std::string_view bytes) {
    std::unique_ptr<std::remove_pointer_t<uchardet_t>, UchardetDeleter> ud(uchardet_new());
    if (!ud) return {};
    const std::string_view sample = bytes.substr(0, std::min(bytes.size(), kDetectBytes));
    if (uchardet_handle_data(ud.get(), sample.data(), sample.size()) != 0) return {};
    uchardet_data_end(ud.get());
    const char* name = uchardet_get_charset(ud.get());
    return name ? canonical_charset(name) : std::string();
}

DecodedText finish(Conversion c, std::string charset, std::string source) {
    DecodedText d;
    d.had_invalid_bytes = c.errors > 0;
    d.utf8 = std::move(c.utf8);
    if (!text::is_valid_utf8(d.utf8)) {
        d.utf8 = text::make_valid_utf8(d.utf8);
        d.had_invalid_bytes = true;
    }
    d.charset = std::move(charset);
    d.source = std::move(source);
    return d;
}

Conversion decode_as(std::string_view bytes, const std::string& charset) {
    if (charset == "UTF-8") {
        Conversion c;
        c.ok = true;
        if (text::is_valid_utf8(bytes)) {
            c.utf8 = std::string(bytes);
        } else {
            c.utf8 = text::make_valid_utf8(bytes);
            // Count replaced sequences for the comparison between candidates.
            std::size_t pos = 0;
            while (pos < bytes.size()) {
                const std::size_t before = pos;
                if (text::next_code_point(bytes, pos) == text::kReplacement && pos - before == 1) ++c.errors;
            }
        }
        return c;
    }
    return convert(bytes, charset);
}

} // namespace

DecodedText decode_to_utf8(std::string_view bytes, std::string_view content_type) {
    // 1. Byte order mark.
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF")
        return finish(decode_as(bytes.substr(3), "UTF-8"), "UTF-8", "bom");
    if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE")
        return finish(convert(bytes.substr(2), "UTF-16LE"), "UTF-16LE", "bom");
    if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF")
        return finish(convert(bytes.substr(2), "UTF-16BE"), "UTF-16BE", "bom");

    // 2. and 3. What the server and the page say.
    std::string header = canonical_charset(charset_from_content_type(content_type));
    std::string meta = canonical_charset(charset_from_meta(bytes));
    // A page cannot declare UTF-16 about itself in ASCII-compatible bytes: HTML says UTF-8.
    if (meta == "UTF-16LE" || meta == "UTF-16BE") meta = "UTF-8";

    std::optional<Conversion> from_header, from_meta;
    if (!header.empty()) {
        from_header = decode_as(bytes, header);
        if (!from_header->ok) header.clear();
    }
    if (!meta.empty() && meta != header) {
        from_meta = decode_as(bytes, meta);
        if (!from_meta->ok) meta.clear();
    }
    // The declaration to use: the header, unless the page's own <meta> decodes with fewer errors.
    std::optional<Conversion>* chosen = nullptr;
    std::string chosen_name, chosen_source;
    if (!header.empty()) {
        chosen = &from_header, chosen_name = header, chosen_source = "http";
    }
    if (!meta.empty() && meta != header && (!chosen || from_meta->errors < from_header->errors)) {
        chosen = &from_meta, chosen_name = meta, chosen_source = "meta";
    }
    if (!chosen && !meta.empty() && meta == header) chosen = &from_header, chosen_name = header, chosen_source = "http";
    // A few bad bytes in a declared charset are the page's errors; many mean a wrong label.
    if (chosen) {
        const Conversion& c = **chosen;
        std::size_t decoded = 0; // non-ASCII characters that decoded
        for (const char ch : c.utf8) decoded += static_cast<unsigned char>(ch) >= 0xC0;
        decoded -= std::min(decoded, c.errors);
        if (c.errors <= kMinToleratedErrors || c.errors * kToleratedErrorRatio <= decoded)
            return finish(std::move(**chosen), chosen_name, chosen_source);
    }

    // 4. Nothing declared, or the declaration does not fit the bytes: detect.
    const bool declared = chosen != nullptr;
    if (text::is_valid_utf8(bytes)) return finish(decode_as(bytes, "UTF-8"), "UTF-8", declared ? "detected" : "default");
    const std::string detected = detect(bytes);
    if (!detected.empty()) {
        Conversion c = decode_as(bytes, detected);
        if (c.ok && (!chosen || c.errors < (**chosen).errors)) return finish(std::move(c), detected, "detected");
    }
    if (chosen) return finish(std::move(**chosen), chosen_name, chosen_source);
    return finish(decode_as(bytes, "UTF-8"), "UTF-8", "default");
}

} // namespace rumorwatch
