/// \file
/// The JSON codec of ArticleVersion, both directions (see index/index.h for the layout).
#include "index/index.h"

#include <nlohmann/json.hpp>

namespace rumorwatch {

void to_json(nlohmann::json& j, const ArticleVersion& v) {
    j = {{"crawled_at", format_iso8601(v.crawled_at)},
         {"published", nullptr},
         {"content_hash", v.content_hash},
         {"title", v.title},
         {"status", nullptr},
         {"confidence", v.confidence},
         {"evidence", nullptr},
         {"warc_file", v.warc_file},
         {"warc_record_id", v.warc_record_id}};
    if (v.published) j["published"] = format_iso8601(*v.published);
    j["modified"] = v.modified ? nlohmann::json(format_iso8601(*v.modified)) : nlohmann::json(nullptr);
    j["utc_offset_minutes"] = v.utc_offset_minutes ? nlohmann::json(*v.utc_offset_minutes) : nlohmann::json(nullptr);
    if (v.status) j["status"] = std::string(to_string(*v.status));
    if (v.evidence)
        j["evidence"] = {{"sentence", v.evidence->sentence}, {"cue", v.evidence->cue},
                         {"attribution", v.evidence->attribution}};
}

void from_json(const nlohmann::json& j, ArticleVersion& v) {
    auto str = [](const nlohmann::json& o, const char* key) {
        const auto it = o.find(key);
        return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    v = ArticleVersion{};
    v.crawled_at = parse_iso8601(str(j, "crawled_at")).value_or(Timestamp{});
    if (const auto p = parse_iso8601(str(j, "published"))) v.published = *p;
    if (const auto m = parse_iso8601(str(j, "modified"))) v.modified = *m;
    if (const auto it = j.find("utc_offset_minutes"); it != j.end() && it->is_number_integer())
        v.utc_offset_minutes = it->get<int>();
    v.content_hash = str(j, "content_hash");
    v.title = str(j, "title");
    v.status = status_from_string(str(j, "status"));
    if (const auto it = j.find("confidence"); it != j.end() && it->is_number()) v.confidence = it->get<double>();
    if (const auto it = j.find("evidence"); it != j.end() && it->is_object())
        v.evidence = ArticleVersion::Evidence{str(*it, "sentence"), str(*it, "cue"), str(*it, "attribution")};
    v.warc_file = str(j, "warc_file");
    v.warc_record_id = str(j, "warc_record_id");
}

Timestamp version_time(const ArticleVersion& v) { return v.modified ? *v.modified : v.crawled_at; }

} // namespace rumorwatch
