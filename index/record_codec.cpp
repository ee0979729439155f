/// \file
/// ArticleRecord ↔ document data and terms, following index/schema.h.
#include "index/record_codec.h"

#include <algorithm>

#include <zlib.h>

#include <nlohmann/json.hpp>

#include "index/schema.h"
#include "index/text_analysis.h"
#include "parser/core/core.h"

namespace rumorwatch::index_detail {
namespace {

using nlohmann::json;

std::string iso(Timestamp t) { return format_iso8601(t); }

Timestamp time_from(const json& j, const char* key) {
    if (!j.contains(key) || !j[key].is_string()) return Timestamp{};
    return parse_iso8601(j[key].get<std::string>()).value_or(Timestamp{});
}

std::string str(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

json article_json_without_text(const Article& a) {
    json j = a;
    j.erase("text");
    return j;
}

/// "20250201", "202502", "2025" of the UTC day of `t`.
std::string compact_day(Timestamp t) {
    const std::string day = format_day(t);
    return day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2);
}

/// True for a stemmed term ("Z" or "ZS" + word) of CJK text. The query parser never asks
/// for them (CJK n-grams are matched unstemmed), so they would only take space.
bool is_stemmed_cjk_term(const std::string& term) {
    if (term.empty() || term[0] != 'Z') return false;
    std::size_t at = 1;
    if (term.size() > 1 && term[1] == 'S') at = 2;
    if (term.size() <= at) return false;
    const auto lead = static_cast<unsigned char>(term[at]);
    if (lead < 0xE2) return false; // below U+2000
    Xapian::Utf8Iterator it(term.data() + at, term.size() - at);
    return *it >= 0x2E80; // CJK radicals and everything Xapian n-grams from there up
}

void drop_stemmed_cjk_terms(Xapian::Document& doc) {
    std::vector<std::string> drop;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        if (is_stemmed_cjk_term(*t)) drop.push_back(*t);
    for (const auto& term : drop) doc.remove_term(term);
}

void add_boolean(Xapian::Document& doc, std::string_view prefix, std::string_view value) {
    if (!value.empty()) doc.add_boolean_term(schema::boolean_term(prefix, value));
}

} // namespace

ArticleVersion version_entry(const StoredArticle& s) {
    const auto& r = s.record;
    ArticleVersion v;
    v.crawled_at = r.crawled_at;
    if (r.article.published) v.published = r.article.published->time;
    if (r.article.modified) v.modified = r.article.modified->time;
    if (r.article.modified && r.article.modified->utc_offset_minutes)
        v.utc_offset_minutes = r.article.modified->utc_offset_minutes;
    else if (r.article.published)
        v.utc_offset_minutes = r.article.published->utc_offset_minutes;
    v.content_hash = r.content_hash;
    v.title = r.article.title;
    v.status = r.analysis.status;
    v.confidence = r.analysis.confidence;
    if (r.analysis.evidence && *r.analysis.evidence < r.analysis.mentions.size()) {
        const Mention& m = r.analysis.mentions[*r.analysis.evidence];
        v.evidence = ArticleVersion::Evidence{m.sentence, m.cue, m.attribution};
    }
    v.warc_file = r.warc_file;
    v.warc_record_id = r.warc_record_id;
    return v;
}

std::string encode_data(const StoredArticle& s) {
    const auto& r = s.record;
    json j = {{"schema", schema::kVersion},
                    {"id", s.id},
                    {"outlet", r.outlet_id},
                    {"tier", std::string(to_string(r.tier))},
                    {"crawled_at", iso(r.crawled_at)},
                    {"first_seen", iso(s.first_seen)},
                    {"content_hash", r.content_hash},
                    {"near_dup_group", r.near_dup_group},
                    {"echo_of", r.echo_of},
                    {"echo_signal", r.echo_signal},
                    {"warc_file", r.warc_file},
                    {"warc_record_id", r.warc_record_id},
                    {"article", article_json_without_text(r.article)},
                    {"analysis", r.analysis},
                    {"versions", s.versions},
                    {"fingerprint", record_fingerprint(r)}};
    // Only multi-topic crawls have it, so a one-topic document is written as before.
    if (!r.other_topics.empty()) j["other_topics"] = r.other_topics;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string encode_text(std::string_view text) {
    constexpr std::size_t kWorthCompressing = 128;
    if (text.size() >= kWorthCompressing && text.size() < 0xFFFFFFFFu) {
        uLongf size = compressBound(static_cast<uLong>(text.size()));
        std::string out(5 + size, '\0');
        out[0] = 'z';
        const auto n = static_cast<std::uint32_t>(text.size());
        for (int i = 0; i < 4; ++i) out[1 + i] = static_cast<char>((n >> (8 * i)) & 0xFF);
        // Level 1: most of the saving at a fraction of the time of the default level.
        if (compress2(reinterpret_cast<Bytef*>(out.data() + 5), &size,
                      reinterpret_cast<const Bytef*>(text.data()), static_cast<uLong>(text.size()), 1) == Z_OK &&
            size + 5 < text.size()) {
            out.resize(5 + size);
            return out;
        }
    }
    std::string out = "t";
    out += text;
    return out;
}

std::string decode_text(const std::string& value) {
    if (value.empty()) return {};
    if (value[0] == 't') return value.substr(1);
    if (value[0] != 'z' || value.size() < 5) throw IndexError("a stored article text is damaged");
    std::uint32_t n = 0;
    for (int i = 0; i < 4; ++i) n |= std::uint32_t(static_cast<unsigned char>(value[1 + i])) << (8 * i);
    // Checked before allocating: one damaged length byte once cost 2 GB before the error.
    if (n / kMaxDeflateRatio > value.size() - 5)
        throw IndexError("a stored article text is damaged (it declares " + std::to_string(n) + " bytes in " +
                         std::to_string(value.size() - 5) + " compressed)");
    std::string out(n, '\0');
    uLongf size = n;
    if (uncompress(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(value.data() + 5),
                   static_cast<uLong>(value.size() - 5)) != Z_OK ||
        size != n)
        throw IndexError("a stored article text is damaged");
    return out;
}

json decode_data_json(const std::string& data) {
    json j = json::parse(data, nullptr, false);
    if (!j.is_object() || !j.contains("id"))
        throw IndexError("a document's data is not a rumorwatch article (was this database "
                         "written by another program?)");
    return j;
}

StoredArticle decode_document(const Xapian::Document& doc, bool with_text) {
    json j;
    try {
        j = decode_data_json(doc.get_data());
    } catch (const IndexError& e) {
        throw IndexError("document " + std::to_string(doc.get_docid()) + ": " + e.what());
    }
    StoredArticle s;
    s.id = str(j, "id");
    auto& r = s.record;
    r.outlet_id = str(j, "outlet");
    r.tier = tier_from_string(str(j, "tier")).value_or(OutletTier::major);
    r.crawled_at = time_from(j, "crawled_at");
    r.content_hash = str(j, "content_hash");
    r.near_dup_group = str(j, "near_dup_group");
    r.echo_of = str(j, "echo_of");
    r.echo_signal = str(j, "echo_signal");
    r.warc_file = str(j, "warc_file");
    r.warc_record_id = str(j, "warc_record_id");
    if (j.contains("article") && j["article"].is_object()) r.article = j["article"].get<Article>();
    if (j.contains("analysis") && j["analysis"].is_object()) r.analysis = j["analysis"].get<RumorAnalysis>();
    if (j.contains("other_topics") && j["other_topics"].is_array())
        for (const auto& a : j["other_topics"])
            if (a.is_object()) r.other_topics.push_back(a.get<RumorAnalysis>());
    if (j.contains("versions") && j["versions"].is_array())
        for (const auto& v : j["versions"])
            if (v.is_object()) s.versions.push_back(v.get<ArticleVersion>());
    s.first_seen = time_from(j, "first_seen");
    if (r.article.published) {
        s.time = r.article.published->time;
        s.time_source = "published";
    } else {
        s.time = s.first_seen;
        s.time_source = "first_seen";
    }
    if (with_text) {
        try {
            r.article.text = decode_text(doc.get_value(schema::kTextSlot));
        } catch (const IndexError& e) {
            const std::string& url = r.article.canonical_url.empty() ? r.article.url : r.article.canonical_url;
            throw IndexError("article " + s.id + (url.empty() ? "" : " (" + url + ")") + ": " + e.what());
        }
    }
    return s;
}

Xapian::Document build_document(const StoredArticle& s, Xapian::TermGenerator& tg) {
    const auto& r = s.record;
    const Article& a = r.article;
    Xapian::Document doc;
    doc.set_data(encode_data(s));

    // Identity and URLs.
    doc.add_boolean_term(std::string(schema::kIdTerm) + s.id);
    doc.add_boolean_term(schema::bounded_term(schema::kUrl, a.canonical_url));
    if (!a.url.empty() && a.url != a.canonical_url)
        doc.add_boolean_term(schema::bounded_term(schema::kUrl, a.url));
    add_boolean(doc, schema::kHost, schema::site_of(a.canonical_url));

    // Free text: title (prefixed for title:, and unprefixed with a higher wdf), then the
    // description and body, each field starting kFieldGap positions after the last.
    tg.set_document(doc);
    tg.index_text(a.title, 1, std::string(schema::kTitle));
    tg.increase_termpos(kFieldGap);
    tg.index_text(a.title, kTitleWdf);
    tg.increase_termpos(kFieldGap);
    if (!a.description.empty() && a.text.find(a.description) == std::string::npos) {
        tg.index_text(a.description);
        tg.increase_termpos(kFieldGap);
    }
    tg.index_text(a.text);
    // Authors with positions, so `author:"wen jiahui"` is a phrase over one byline.
    for (const auto& author : a.authors) {
        tg.increase_termpos(kFieldGap);
        tg.index_text(author, 1, std::string(schema::kAuthor));
    }
    drop_stemmed_cjk_terms(doc);

    // Boolean filters.
    add_boolean(doc, schema::kLanguage, a.language);
    for (const auto& k : a.keywords) {
        add_boolean(doc, schema::kKeyword, k);
        // Each word of a keyword of several words too, so keyword:ai finds "apple ai".
        std::string word;
        const auto flush = [&] {
            if (!word.empty() && word.size() < k.size()) add_boolean(doc, schema::kKeyword, word);
            word.clear();
        };
        for (char c : k) {
            if (c == ' ' || c == '\t' || c == '-' || c == '/' || c == ',' || c == '.') flush();
            else word += c;
        }
        flush();
    }
    add_boolean(doc, schema::kOutlet, r.outlet_id);
    add_boolean(doc, schema::kTier, to_string(r.tier));
    add_boolean(doc, schema::kStatus, to_string(r.analysis.status));
    if (!r.analysis.topic_id.empty() && r.analysis.status != RumorStatus::none)
        add_boolean(doc, schema::kTopic, r.analysis.topic_id);
    for (const auto& other : r.other_topics)
        if (!other.topic_id.empty() && other.status != RumorStatus::none) add_boolean(doc, schema::kTopic, other.topic_id);
    for (const auto& m : r.analysis.mentions) add_boolean(doc, schema::kMentionStatus, to_string(m.status));
    for (const auto& e : r.analysis.entities) add_boolean(doc, schema::kEntity, e);
    for (const auto& m : r.analysis.mentions)
        for (const auto& e : m.entities) add_boolean(doc, schema::kEntity, e);
    for (const auto& src : r.analysis.sources) add_boolean(doc, schema::kSource, src);
    for (const auto& m : r.analysis.mentions) add_boolean(doc, schema::kSource, m.attribution);
    add_boolean(doc, schema::kDupGroup, r.near_dup_group);

    const Timestamp when = s.time;
    const std::string day = compact_day(when);
    doc.add_boolean_term(std::string(schema::kDay) + day);
    doc.add_boolean_term(std::string(schema::kMonth) + day.substr(0, 6));
    doc.add_boolean_term(std::string(schema::kYear) + day.substr(0, 4));
    add_boolean(doc, schema::kDateKind, s.time_source);

    // Values.
    doc.add_value(schema::kPublishedSlot, Xapian::sortable_serialise(double(to_unix(when))));
    doc.add_value(schema::kPublishedDaySlot, day);
    doc.add_value(schema::kCrawledSlot, Xapian::sortable_serialise(double(to_unix(r.crawled_at))));
    doc.add_value(schema::kStatusSlot, std::string(to_string(r.analysis.status)));
    const auto rank = std::find(std::begin(kAllStatuses), std::end(kAllStatuses), r.analysis.status) -
                      std::begin(kAllStatuses);
    doc.add_value(schema::kStatusRankSlot, Xapian::sortable_serialise(double(rank)));
    doc.add_value(schema::kOutletSlot, r.outlet_id);
    if (!r.near_dup_group.empty()) doc.add_value(schema::kDupGroupSlot, r.near_dup_group);
    doc.add_value(schema::kContentHashSlot, r.content_hash);
    if (!a.text.empty()) doc.add_value(schema::kTextSlot, encode_text(a.text));
    return doc;
}

std::string record_fingerprint(const ArticleRecord& r) {
    json j = {{"article", r.article},
              {"analysis", r.analysis},
              {"outlet", r.outlet_id},
              {"tier", std::string(to_string(r.tier))},
              {"content_hash", r.content_hash},
              {"near_dup_group", r.near_dup_group},
              {"echo_of", r.echo_of}};
    if (!r.other_topics.empty()) j["other_topics"] = r.other_topics;
    return schema::hash_hex(j.dump(-1, ' ', false, json::error_handler_t::replace));
}

} // namespace rumorwatch::index_detail
