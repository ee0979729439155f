/// \file
/// gzip in and out with zlib: WARC records are written as gzip members; sitemaps and WARC
/// files from elsewhere arrive gzipped.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rumorwatch {

/// One gzip member holding `data` (default level). @throws Error on zlib failure.
std::string gzip_member(std::string_view data);

/// True when `bytes` starts with the gzip magic number.
bool looks_gzipped(std::string_view bytes);

/// Inflates every gzip member of `bytes` (a multi-member file reads as their concatenation).
/// std::nullopt when the data is not gzip, is corrupt, or inflates past `max_bytes` (which
/// defends against gzip bombs); a truncated last member gives what was complete before it.
std::optional<std::string> gunzip(std::string_view bytes, std::size_t max_bytes);

} // namespace rumorwatch
