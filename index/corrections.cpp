/// \file
/// Analysts' corrections: their JSON codec and their place in database metadata.
#include "index/correction_codec.h"

#include <nlohmann/json.hpp>

#include "index/schema.h"
#include "parser/core/core.h"

namespace rumorwatch {

using nlohmann::json;

void to_json(json& j, const Correction& c) {
    j = {{"id", c.id}, {"url", c.url}, {"status", c.status}, {"note", c.note}, {"at", format_iso8601(c.at)}};
}

void from_json(const json& j, Correction& c) {
    if (!j.is_object()) throw InputError("a correction must be a JSON object");
    const auto text = [&](const char* field, bool required) -> std::string {
        if (!j.contains(field) || j[field].is_null()) {
            if (required) throw InputError(std::string("a correction has no \"") + field + "\"");
            return {};
        }
        if (!j[field].is_string()) throw InputError(std::string("a correction's \"") + field + "\" must be a string");
        return j[field].get<std::string>();
    };
    Correction out;
    out.id = text("id", false);
    out.url = text("url", false);
    if (out.id.empty() && out.url.empty()) throw InputError("a correction needs an \"id\" or a \"url\"");
    const std::string status = text("status", true);
    const auto s = status_from_string(status);
    if (!s) throw InputError("a correction's \"status\" is not a status: \"" + message_escape(status) + "\"");
    out.status = *s;
    out.note = text("note", false);
    const std::string at = text("at", false);
    if (!at.empty()) {
        const auto t = parse_iso8601(at);
        if (!t) throw InputError("a correction's \"at\" is not an ISO 8601 time: \"" + message_escape(at) + "\"");
        out.at = *t;
    }
    c = std::move(out);
}

std::optional<std::vector<Correction>> read_corrections(const std::string& path) {
    try {
        const Xapian::Database db(path);
        return index_detail::all_corrections(db);
    } catch (const Xapian::Error&) {
        return std::nullopt;
    }
}

std::string article_id(std::string_view canonical_url) { return schema::document_id(canonical_url); }

namespace index_detail {

std::string correction_key(const std::string& id) { return std::string(schema::kMetaCorrectionPrefix) + id; }

std::string encode_correction(const Correction& c) {
    return json(c).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<Correction> decode_correction(const std::string& value) {
    if (value.empty()) return std::nullopt;
    const json j = json::parse(value, nullptr, false);
    if (j.is_discarded()) return std::nullopt;
    try {
        return j.get<Correction>();
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::optional<Correction> correction_of(const Xapian::Database& db, const std::string& id) {
    return decode_correction(db.get_metadata(correction_key(id)));
}

std::vector<Correction> all_corrections(const Xapian::Database& db) {
    std::vector<Correction> out;
    const std::string prefix(schema::kMetaCorrectionPrefix);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
        if (auto c = decode_correction(db.get_metadata(*it))) out.push_back(std::move(*c));
    return out;
}

} // namespace index_detail
} // namespace rumorwatch
