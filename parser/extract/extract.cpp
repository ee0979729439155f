/// \file
/// The extraction driver: prescan, parse, metadata, title, main text, dates, authors,
/// language and the remaining fields, in that order (each step may use the previous ones).
#include "parser/extract/extract.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "parser/extract/article_authors.h"
#include "parser/extract/article_dates.h"
#include "parser/extract/authors.h"
#include "parser/extract/guarded_parse.h"
#include "parser/extract/language.h"
#include "parser/extract/page.h"
#include "parser/core/core.h"
#include "parser/extract/title.h"

namespace rumorwatch {
namespace {

/// Below this much body text (Latin-equivalent characters) the DOM text is not an article
/// and the JSON-LD body or the description stands in for it.
constexpr double kMinBodyLength = 200;
/// A JSON-LD articleBody this many times longer than the DOM text replaces it (paywalls
/// and script-rendered pages show a teaser and ship the whole text for search engines).
constexpr double kArticleBodyPreference = 3.0;
/// Language detection overrides a declared tag only with this much text and confidence.
constexpr std::size_t kMinTextForOverride = 200;
constexpr double kMinConfidenceForOverride = 0.85;
constexpr std::size_t kMaxKeywords = 30;

double body_length(std::string_view s) {
    double n = 0;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const char32_t cp = text::next_code_point(s, pos);
        if (text::is_space(cp)) continue;
        n += text::is_cjk(cp) ? 2.5 : 1.0;
    }
    return n;
}

/// JSON-LD articleBody as paragraphs: it may hold HTML, or plain text with newlines.
std::string clean_article_body(std::string_view body) {
    std::string s = text::decode_entities(body);
    if (s.find('<') != std::string::npos && s.find('>') != std::string::npos) {
        std::string stripped;
        std::size_t i = 0;
        while (i < s.size()) {
            if (s[i] == '<') {
                const std::size_t gt = s.find('>', i);
                if (gt == std::string::npos) break;
                const std::string tag = text::to_lower_ascii(s.substr(i, std::min<std::size_t>(gt - i, 4)));
                if (tag.rfind("<p", 0) == 0 || tag.rfind("</p", 0) == 0 || tag.rfind("<br", 0) == 0 ||
                    tag.rfind("<li", 0) == 0 || tag.rfind("<h", 0) == 0 || tag.rfind("<div", 0) == 0)
                    stripped += "\n\n";
                i = gt + 1;
                continue;
            }
            stripped.push_back(s[i++]);
        }
        s = std::move(stripped);
    }
    std::vector<std::string> paragraphs;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find('\n', start);
        if (end == std::string::npos) end = s.size();
        std::string p = text::collapse_space(std::string_view(s).substr(start, end - start));
        if (!p.empty()) paragraphs.push_back(std::move(p));
        start = end + 1;
    }
    std::string out;
    for (const auto& p : paragraphs) {
        if (!out.empty()) out += "\n\n";
        out += p;
    }
    return out;
}

std::vector<std::string> collect_h1_texts(const Dom& dom) {
    std::vector<std::string> out;
    for (std::int32_t i = 0; i < dom.size() && out.size() < 4; ++i) {
        const DomNode& n = dom.node(i);
        if (n.kind == NodeKind::element && n.tag == Tag::h1) {
            std::string t = dom.text(i);
            if (!t.empty() && text::code_points(t) < 400) out.push_back(std::move(t));
        }
    }
    return out;
}

void split_keywords(std::string_view s, std::vector<std::string>& out) {
    std::size_t start = 0;
    while (start <= s.size()) {
        // ASCII separators by byte; the CJK separators are multi-byte, so look for them as
        // strings (a byte set holding their bytes would cut 码, E7 A0 81, at the 0x81 of 、).
        std::size_t end = s.find_first_of(",;", start);
        for (std::string_view sep : {"，", "、"}) {
            const auto p = s.find(sep, start);
            if (p != std::string_view::npos && (end == std::string_view::npos || p < end)) end = p;
        }
        const std::size_t next = end == std::string_view::npos ? s.size() + 1
                                  : (static_cast<unsigned char>(s[end]) >= 0x80 ? end + 3 : end + 1);
        if (end == std::string_view::npos) end = s.size();
        std::string k = text::collapse_space(s.substr(start, end - start));
        if (!k.empty() && out.size() < kMaxKeywords) add_unique(out, std::move(k));
        start = next;
    }
}

bool is_cjk_language(std::string_view l) { return l == "zh" || l == "ja" || l == "ko"; }

void fill_language(const Page& page, const ExtractOptions& options, Article& a) {
    struct Declared {
        std::string tag;
        const char* source;
    };
    const Declared declared[] = {
        {normalise_language_tag(page.meta.html_lang), "html-lang"},
        {normalise_language_tag(page.meta.get({"content-language"})), "meta"},
        {normalise_language_tag(options.content_language), "http"},
        {normalise_language_tag(page.ld.language), "json-ld"},
        {normalise_language_tag(page.meta.get({"og:locale", "language", "dc.language"})), "meta"},
    };
    std::string sample = a.title;
    sample += '\n';
    sample += text::utf8_prefix(a.text, 6000);
    const LanguageGuess guess = detect_language(sample);
    for (const auto& d : declared) {
        if (d.tag.empty()) continue;
        a.language = d.tag;
        a.language_source = d.source;
        break;
    }
    const bool enough_text = text::code_points(a.text) >= kMinTextForOverride;
    if (a.language.empty()) {
        if (!guess.language.empty() && (enough_text || !a.text.empty() || !a.title.empty())) {
            a.language = guess.language;
            a.language_source = "text";
        } else if (!options.language_hint.empty()) {
            a.language = normalise_language_tag(options.language_hint);
            a.language_source = "outlet";
        }
    } else if (!guess.language.empty() && enough_text && guess.confidence >= kMinConfidenceForOverride &&
               is_cjk_language(guess.language) != is_cjk_language(a.language) && guess.language != a.language) {
        // Templates declare lang="en" on Chinese pages (and the reverse): the script decides.
        a.warnings.push_back("declared language \"" + a.language + "\" contradicts the text (" + guess.language + ")");
        a.language = guess.language;
        a.language_source = "text";
    }
    if (guess.mixed && !guess.secondary.empty())
        a.warnings.push_back("mixed-language text: " + guess.language + " with " + guess.secondary);
}

void fill_fields(Page& page, const ExtractOptions& options, Article& a) {
    const PageMeta& meta = page.meta;
    // Canonical URL, in the crawler's canonical form (tracking parameters dropped, ...).
    const auto canonical = [&](std::string_view reference) {
        return canonical_url(page.base_url, reference).value_or(std::string());
    };
    if (!meta.canonical.empty()) {
        a.canonical_url = canonical(meta.canonical);
        if (!a.canonical_url.empty()) a.canonical_source = "link:canonical";
    }
    if (a.canonical_url.empty()) {
        if (const std::string og = meta.get({"og:url"}); !og.empty()) {
            a.canonical_url = canonical(og);
            if (!a.canonical_url.empty()) a.canonical_source = "og:url";
        }
    }
    if (a.canonical_url.empty() && !page.ld.url.empty()) {
        a.canonical_url = canonical(page.ld.url);
        if (!a.canonical_url.empty()) a.canonical_source = "json-ld";
    }
    if (a.canonical_url.empty() && !options.url.empty()) {
        a.canonical_url = canonical_url(options.url).value_or(options.url);
        a.canonical_source = "url";
    }
    a.description = meta.get({"og:description", "description", "twitter:description"});
    if (a.description.empty()) a.description = page.ld.description;
    a.description = text::decode_entities(a.description);
    std::string image = meta.get({"og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"});
    if (image.empty()) image = page.ld.image;
    if (!image.empty()) {
        const auto resolved = resolve_url(page.base_url, image);
        if (resolved && (resolved->rfind("http://", 0) == 0 || resolved->rfind("https://", 0) == 0)) a.image = *resolved;
    }
    a.section = meta.get({"article:section", "og:article:section", "section", "parsely-section", "article.section", "category"});
    if (a.section.empty()) a.section = page.ld.section;
    for (const auto& k : page.ld.keywords)
        if (a.keywords.size() < kMaxKeywords) add_unique(a.keywords, k);
    for (const auto& tag : meta.all("article:tag"))
        if (a.keywords.size() < kMaxKeywords) add_unique(a.keywords, tag);
    split_keywords(meta.get({"news_keywords", "keywords"}), a.keywords);
}

} // namespace

Article extract_article(std::string_view html_in, const ExtractOptions& options) {
    Article a;
    a.url = options.url;
    try {
        std::string repaired;
        if (!text::is_valid_utf8(html_in)) {
            repaired = text::make_valid_utf8(html_in);
            html_in = repaired;
            a.warnings.push_back("input was not valid UTF-8; invalid bytes were replaced");
        }
        GuardedParse parsed = parse_guarded(html_in);
        const PrescannedHtml& pre = parsed.pre;
        if (pre.truncated) a.warnings.push_back("page longer than 16 MiB; the rest was ignored");
        if (pre.nesting_capped) a.warnings.push_back("elements nested too deeply were flattened");

        Page page;
        page.url = options.url;
        page.dom = std::move(parsed.dom);
        page.hints = classify_elements(page.dom);
        page.meta = read_page_meta(page.dom);
        page.ld = read_json_ld(pre.json_ld);
        if (page.ld.unreadable_blocks > 0)
            a.warnings.push_back(std::to_string(page.ld.unreadable_blocks) + " JSON-LD block(s) could not be read");
        page.base_url = options.url;
        if (!page.meta.base_href.empty()) {
            const auto b = resolve_url(options.url, page.meta.base_href);
            if (b && (b->rfind("http://", 0) == 0 || b->rfind("https://", 0) == 0)) page.base_url = *b;
        }
        page.dates.order = options.date_order;
        page.dates.timezone = options.timezone.empty() ? "UTC" : options.timezone;
        page.dates.fetched_at = options.fetched_at;

        // Site name
        const std::pair<std::string, const char*> site_sources[] = {
            {page.meta.get({"og:site_name"}), "og:site_name"},
            {page.ld.site_name, "json-ld"},
            {page.ld.publisher, "json-ld:publisher"},
            {page.meta.get({"application-name", "apple-mobile-web-app-title"}), "meta:application-name"},
            {options.site_name, "outlet"},
        };
        std::vector<std::string> site_names;
        for (const auto& [name, source] : site_sources) {
            if (name.empty()) continue;
            if (a.site_name.empty()) {
                a.site_name = text::decode_entities(name);
                a.site_name_source = source;
            }
            site_names.push_back(name);
        }

        // Title
        TitleCandidates tc;
        tc.json_ld = page.ld.headline;
        tc.og = text::decode_entities(page.meta.get({"og:title"}));
        tc.twitter = text::decode_entities(page.meta.get({"twitter:title"}));
        tc.h1s = collect_h1_texts(page.dom);
        tc.title_tag = page.meta.title_tag;
        tc.site_names = site_names;
        const TitleChoice title = choose_title(tc);
        if (a.site_name.empty()) {
            // "Headline - The Peak Post": the part a <title> ends with names the site.
            std::string removed;
            strip_site_name(page.meta.title_tag, {}, &removed);
            if (!removed.empty() && text::code_points(removed) <= 40) {
                a.site_name = removed;
                a.site_name_source = "title";
                site_names.push_back(removed);
            }
        }
        a.title = title.title;
        a.title_source = title.source;
        if (a.title.empty()) a.warnings.push_back("no title found");

        // Main text
        page.main = extract_main_text(page.dom, page.hints, a.title);
        a.text = join_paragraphs(page.main.paragraphs);
        a.text_source = a.text.empty() ? "" : "dom";
        a.captions = page.main.captions;
        const double dom_length = body_length(a.text);
        const std::string ld_body = page.ld.article_body.empty() ? std::string() : clean_article_body(page.ld.article_body);
        const double ld_length = body_length(ld_body);
        if (!ld_body.empty() && ((dom_length < kMinBodyLength && ld_length > dom_length) ||
                                 ld_length > kArticleBodyPreference * std::max(dom_length, 1.0))) {
            a.text = ld_body;
            a.text_source = "json-ld";
        } else if (dom_length < kMinBodyLength) {
            const std::string og = text::decode_entities(page.meta.get({"og:description"}));
            const std::string desc = text::decode_entities(page.meta.get({"description", "twitter:description"}));
            const std::string& fallback = !og.empty() ? og : desc;
            if (body_length(fallback) > dom_length) {
                a.text = text::collapse_space(fallback);
                a.text_source = !og.empty() ? "og:description" : "meta:description";
                a.warnings.push_back("no article body in the page; the description stands in");
            } else if (a.text.empty()) {
                a.warnings.push_back("no article text found");
            }
        }

        fill_fields(page, options, a);
        find_headline_and_bylines(page, site_names);
        fill_dates(page, a);
        fill_language(page, options, a);
        fill_authors(page, a);
    } catch (const std::exception& e) {
        a.warnings.push_back(std::string("extraction stopped: ") + e.what());
    }
    if (a.canonical_url.empty()) a.canonical_url = a.url;
    return a;
}

} // namespace rumorwatch
