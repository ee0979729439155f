/// \file
/// libFuzzer target: page bytes -> decode_to_utf8 -> extract_article (parser/extract/extract.h).
/// Every text field of the article must be valid UTF-8 (it goes into Xapian and exports).
#include "parser/extract/charset.h"
#include "parser/extract/extract.h"
#include "parser/core/time.h"
#include "tests/fuzz/fuzz_support.h"

using namespace rumorwatch;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto decoded = decode_to_utf8(fuzz::as_view(data, size), "text/html");
    ExtractOptions options;
    options.url = "https://news.example.com/2026/03/07/story.html";
    options.fetched_at = from_unix(1772870400); // 2026-03-07
    const auto article = extract_article(decoded.utf8, options);
    const auto check = [](const std::string& s, const char* what) {
        fuzz::require(fuzz::valid_utf8(s), what);
    };
    check(article.title, "title is not UTF-8");
    check(article.text, "text is not UTF-8");
    check(article.description, "description is not UTF-8");
    check(article.site_name, "site_name is not UTF-8");
    check(article.section, "section is not UTF-8");
    for (const auto& a : article.authors) check(a, "author is not UTF-8");
    for (const auto& o : article.organisations) check(o, "organisation is not UTF-8");
    for (const auto& k : article.keywords) check(k, "keyword is not UTF-8");
    return 0;
}
