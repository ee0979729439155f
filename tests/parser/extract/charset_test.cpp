#include <catch2/catch.hpp>

#include <iconv.h>

#include <stdexcept>
#include <string>

#include "parser/extract/charset.h"
#include "parser/core/core.h"

using namespace rumorwatch;

namespace {

/// Encodes UTF-8 test text into `charset` with the system's iconv (independent of the
/// decoder under test, which goes the other way).
std::string encode(const std::string& utf8, const char* charset) {
    iconv_t cd = iconv_open(charset, "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error(std::string("no iconv for ") + charset);
    std::string out(utf8.size() * 4 + 16, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size();
    char* o = out.data();
    std::size_t out_left = out.size();
    const std::size_t rc = iconv(cd, &in, &in_left, &o, &out_left);
    iconv_close(cd);
    if (rc == static_cast<std::size_t>(-1)) throw std::runtime_error("test text not encodable");
    out.resize(out.size() - out_left);
    return out;
}

std::string page(const std::string& meta, const std::string& body) {
    return "<!DOCTYPE html><html><head>" + meta + "<title>t</title></head><body><p>" + body + "</p></body></html>";
}

const std::string kChinese = "苹果与阿里巴巴合作，为中国市场的iPhone提供人工智能功能。镕𠀀"; // 镕 and 𠀀 are outside GB2312

} // namespace

TEST_CASE("charset: GBK declared in <meta> is decoded as GB18030", "[parser]") {
    const std::string bytes = encode(page("<meta charset=\"gbk\">", kChinese), "GB18030");
    const DecodedText d = decode_to_utf8(bytes, "");
    CHECK(d.charset == "GB18030");
    CHECK(d.source == "meta");
    CHECK_FALSE(d.had_invalid_bytes);
    CHECK(d.utf8.find(kChinese) != std::string::npos);
}

TEST_CASE("charset: gb2312 and x-gbk labels in the header", "[parser]") {
    const std::string bytes = encode(page("", kChinese), "GB18030");
    for (const char* ct : {"text/html; charset=gb2312", "text/html;charset=x-gbk", "text/html; charset=\"GBK\""}) {
        INFO(ct);
        const DecodedText d = decode_to_utf8(bytes, ct);
        CHECK(d.charset == "GB18030");
        CHECK(d.source == "http");
        CHECK(d.utf8.find(kChinese) != std::string::npos);
    }
}

TEST_CASE("charset: Big5, Shift_JIS, EUC-JP and EUC-KR", "[parser]") {
    const std::string traditional = "蘋果與阿里巴巴合作，為中國市場的手機提供人工智慧功能。";
    const std::string japanese = "アップルはアリババと提携し、中国向けiPhoneにAI機能を提供する。";
    const std::string korean = "애플은 알리바바와 협력하여 중국용 아이폰에 인공지능 기능을 제공한다.";
    struct Case {
        std::string text;
        const char* encoding;
        const char* label;
        const char* expected;
    };
    for (const Case& c : {Case{traditional, "BIG5", "big5", "BIG5-HKSCS"},
                          Case{japanese, "SHIFT_JIS", "shift_jis", "CP932"},
                          Case{japanese, "EUC-JP", "euc-jp", "EUC-JP"},
                          Case{korean, "EUC-KR", "euc-kr", "CP949"}}) {
        INFO(c.label);
        const std::string bytes = encode(page(std::string("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=") +
                                                  c.label + "\">",
                                              c.text),
                                         c.encoding);
        const DecodedText d = decode_to_utf8(bytes, "");
        CHECK(d.charset == c.expected);
        CHECK(d.utf8.find(c.text) != std::string::npos);
        CHECK_FALSE(d.had_invalid_bytes);
    }
}

TEST_CASE("charset: latin1 is read as windows-1252, like browsers do", "[parser]") {
    const std::string text = "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94 na\xC3\xAFve"; // Café “quoted” — naïve
    const std::string bytes = encode(page("<meta charset=iso-8859-1>", text), "WINDOWS-1252");
    const DecodedText d = decode_to_utf8(bytes, "");
    CHECK(d.charset == "WINDOWS-1252");
    CHECK(d.utf8.find(text) != std::string::npos);
}

TEST_CASE("charset: BOM wins over everything", "[parser]") {
    const std::string bytes = std::string("\xEF\xBB\xBF").append(page("<meta charset=gbk>", "ok \xE2\x9C\x93"));
    const DecodedText d = decode_to_utf8(bytes, "text/html; charset=big5");
    CHECK(d.charset == "UTF-8");
    CHECK(d.source == "bom");
    CHECK(d.utf8.rfind("<!DOCTYPE", 0) == 0); // the BOM itself is dropped
}

TEST_CASE("charset: header and meta disagree, the one that decodes cleanly wins", "[parser]") {
    const std::string gbk = encode(page("<meta charset=\"gbk\">", kChinese), "GB18030");
    // The server claims UTF-8 (a common misconfiguration); the bytes are GBK.
    const DecodedText d = decode_to_utf8(gbk, "text/html; charset=utf-8");
    CHECK(d.charset == "GB18030");
    CHECK(d.source == "meta");
    CHECK(d.utf8.find(kChinese) != std::string::npos);
    // The page claims GBK, the server says UTF-8 and the bytes are UTF-8.
    const std::string utf8 = page("<meta charset=\"gbk\">", kChinese);
    const DecodedText e = decode_to_utf8(utf8, "text/html; charset=utf-8");
    CHECK(e.charset == "UTF-8");
    CHECK(e.source == "http");
    CHECK(e.utf8 == utf8);
}

TEST_CASE("charset: nothing declared is detected", "[parser]") {
    std::string body;
    for (int i = 0; i < 20; ++i) body += kChinese;
    const std::string bytes = encode(page("", body), "GB18030");
    const DecodedText d = decode_to_utf8(bytes, "text/html");
    CHECK(d.source == "detected");
    CHECK(d.utf8.find(kChinese) != std::string::npos);
    // Plain UTF-8 with no declaration is UTF-8.
    const DecodedText u = decode_to_utf8(page("", kChinese), "");
    CHECK(u.charset == "UTF-8");
    CHECK(u.utf8.find(kChinese) != std::string::npos);
}

TEST_CASE("charset: invalid bytes are replaced, never passed on", "[parser]") {
    std::string body;
    for (int i = 0; i < 10; ++i) body += kChinese;
    const std::string bad = page("<meta charset=utf-8>", body + "abc\xFF\xFE\xC3(def\xE2\x82");
    const DecodedText d = decode_to_utf8(bad, "");
    CHECK(d.had_invalid_bytes);
    CHECK(text::is_valid_utf8(d.utf8));
    CHECK(d.utf8.find("\xEF\xBF\xBD") != std::string::npos);
    CHECK(d.utf8.find("def") != std::string::npos);

    // A GBK lead byte with no trail byte, just before the end of the paragraph.
    const std::string gbk = encode(page("<meta charset=gbk>", kChinese + "\x01"), "GB18030");
    std::string broken;
    for (const char c : gbk) broken.push_back(c == '\x01' ? '\x81' : c);
    const DecodedText g = decode_to_utf8(broken, "");
    CHECK(text::is_valid_utf8(g.utf8));
    CHECK(g.utf8.find("人工智能") != std::string::npos);
}

TEST_CASE("charset: binary garbage and empty input give valid UTF-8", "[parser]") {
    CHECK(decode_to_utf8("", "").utf8.empty());
    std::string garbage;
    unsigned state = 12345;
    for (int i = 0; i < 100000; ++i) {
        state = state * 1103515245u + 12345u;
        garbage.push_back(static_cast<char>(state >> 16));
    }
    for (const char* ct : {"", "text/html; charset=utf-8", "text/html; charset=gbk", "text/html; charset=shift_jis",
                           "text/html; charset=nonsense"}) {
        INFO(ct);
        CHECK(text::is_valid_utf8(decode_to_utf8(garbage, ct).utf8));
    }
}

TEST_CASE("charset: labels and declarations are parsed leniently", "[parser]") {
    CHECK(charset_from_content_type("text/html; charset=GBK") == "gbk");
    CHECK(charset_from_content_type("text/html;charset = 'utf-8' ; foo=bar") == "utf-8");
    CHECK(charset_from_content_type("text/html") == "");
    CHECK(charset_from_meta("<html><head><META HTTP-EQUIV=\"content-type\" CONTENT=\"text/html; charset=Big5\">") == "big5");
    CHECK(charset_from_meta("<meta charset='EUC-KR'/>") == "euc-kr");
    CHECK(charset_from_meta(std::string(5000, ' ') + "<meta charset=gbk>") == ""); // past the first 4 KiB
    CHECK(canonical_charset("x-gbk") == "GB18030");
    CHECK(canonical_charset("Windows-31J") == "CP932");
    CHECK(canonical_charset("ks_c_5601-1987") == "CP949");
    CHECK(canonical_charset("US-ASCII") == "WINDOWS-1252");
    CHECK(canonical_charset("klingon") == "");
}
