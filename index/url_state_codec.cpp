/// \file
/// Crawl state as compact JSON in database metadata.
#include "index/url_state_codec.h"

#include <nlohmann/json.hpp>

#include "index/schema.h"
#include "parser/core/core.h"

namespace rumorwatch::index_detail {

using nlohmann::json;

std::string url_state_key(const std::string& url) {
    return std::string(schema::kMetaUrlStatePrefix) + schema::hash_hex(url);
}

std::string encode_url_state(const UrlState& s) {
    json j = {{"url", s.url},
              {"etag", s.etag},
              {"last_modified", s.last_modified},
              {"content_hash", s.content_hash},
              {"last_visit", nullptr},
              {"next_visit", nullptr},
              {"failures", s.failures},
              {"http_status", s.http_status}};
    if (!s.simhash.empty()) j["simhash"] = s.simhash;
    if (!s.near_dup_group.empty()) j["near_dup_group"] = s.near_dup_group;
    if (s.last_visit) j["last_visit"] = to_unix(*s.last_visit);
    if (s.next_visit) j["next_visit"] = to_unix(*s.next_visit);
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<UrlState> decode_url_state(const std::string& value) {
    const json j = json::parse(value, nullptr, false);
    if (!j.is_object() || !j.contains("url")) return std::nullopt;
    UrlState s;
    s.url = j.value("url", "");
    s.etag = j.value("etag", "");
    s.last_modified = j.value("last_modified", "");
    s.content_hash = j.value("content_hash", "");
    if (j.contains("last_visit") && j["last_visit"].is_number()) s.last_visit = from_unix(j["last_visit"].get<long long>());
    if (j.contains("next_visit") && j["next_visit"].is_number()) s.next_visit = from_unix(j["next_visit"].get<long long>());
    s.failures = j.value("failures", 0);
    s.http_status = j.value("http_status", 0);
    s.simhash = j.value("simhash", "");
    s.near_dup_group = j.value("near_dup_group", "");
    return s;
}

} // namespace rumorwatch::index_detail
