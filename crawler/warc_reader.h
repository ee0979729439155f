/// \file
/// Reading WARC files (ours or anyone's): record by record, gzip members or plain, so a
/// database can be rebuilt from captured bytes with no network.
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rumorwatch {

/// One WARC record: its header fields and its block.
struct WarcRecord {
    std::string version; ///< "WARC/1.1", "WARC/1.0"
    std::vector<std::pair<std::string, std::string>> fields; ///< names as written
    std::string block;

    /// The first field of that name (case-insensitive), or "".
    std::string field(std::string_view name) const;
    std::string type() const { return field("WARC-Type"); }
};

/// An HTTP message split out of a response record's block.
struct HttpMessage {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers; ///< names lower-cased
    std::string body;
};

/// Splits a response block into status, headers and body. A chunked body is de-chunked
/// and a gzip/deflate Content-Encoding decoded (other WARC writers store wire bytes).
/// std::nullopt when the block does not start with an HTTP status line.
std::optional<HttpMessage> parse_http_response(std::string_view block, std::size_t max_body_bytes);

/// Reads records one after another from a .warc.gz (any member layout) or a .warc file.
/// A truncated last record (a crawl killed while writing) ends the file quietly; see
/// truncated(). Not thread-safe.
class WarcReader {
public:
    /// @throws InputError naming the file when it cannot be opened.
    explicit WarcReader(const std::string& path);
    ~WarcReader();
    WarcReader(const WarcReader&) = delete;
    WarcReader& operator=(const WarcReader&) = delete;

    /// The next record; std::nullopt at the end. @throws InputError "FILE: not a WARC file
    /// (at byte N)" when the data is not WARC.
    std::optional<WarcRecord> next();
    /// True when the file ended inside a record.
    bool truncated() const { return truncated_; }

private:
    bool fill(std::size_t wanted);

    struct Inflater;
    std::string path_;
    std::FILE* file_ = nullptr; ///< owned
    std::unique_ptr<Inflater> inflater_;
    bool gzip_ = false;
    bool eof_ = false;
    bool truncated_ = false;
    std::string buffer_; ///< decompressed bytes not yet consumed
    std::size_t consumed_ = 0;
    std::size_t offset_ = 0; ///< decompressed bytes before buffer_
};

} // namespace rumorwatch
