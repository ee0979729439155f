/// \file
/// UrlState ↔ the JSON value stored in database metadata (index/ only).
#pragma once

#include <optional>
#include <string>

#include "index/index.h"

namespace rumorwatch::index_detail {

/// The metadata key of `url`'s state: the crawl prefix + a hash of the URL (metadata keys
/// are limited in length; URLs are not).
std::string url_state_key(const std::string& url);
std::string encode_url_state(const UrlState& state);
/// std::nullopt when `value` is not a state this version wrote.
std::optional<UrlState> decode_url_state(const std::string& value);

} // namespace rumorwatch::index_detail
