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

/// Largest WARC record read: the crawler's body cap (FetchLimits::max_body_bytes, 8 MiB)
/// plus room for the HTTP headers. A larger record is skipped without being held in memory
/// (one 2 MB member once inflated to 2 GiB and took 8.4 GB).
inline constexpr std::size_t kMaxWarcRecordBytes = (8u << 20) + (256u << 10);

/// Reads records one after another from a .warc.gz (any member layout) or a .warc file.
/// A truncated last record (a crawl killed while writing) ends the file quietly; see
/// truncated(). A corrupt gzip member is skipped: reading resumes at the next member and
/// the next record in it, and damage() names the member. Not thread-safe.
class WarcReader {
public:
    /// @throws InputError naming the file when it cannot be opened.
    explicit WarcReader(const std::string& path, std::size_t max_record_bytes = kMaxWarcRecordBytes);
    ~WarcReader();
    WarcReader(const WarcReader&) = delete;
    WarcReader& operator=(const WarcReader&) = delete;

    /// The next record; std::nullopt at the end. @throws InputError "FILE: not a WARC file
    /// (at byte N)" when the data is not WARC, adding when the name ends in .gz and the data
    /// is not gzip-compressed.
    std::optional<WarcRecord> next();
    /// True when the file ended inside a record.
    bool truncated() const { return truncated_; }
    /// One message per damaged part skipped, naming file and offset: a corrupt gzip member
    /// ("FILE: corrupt gzip member at byte N skipped (zlib's words)", N the member's offset
    /// in the compressed file), or a record whose Content-Length is missing or not a number
    /// ("FILE: record at decompressed byte N has an invalid Content-Length "-5", skipped";
    /// reading goes on at the next "WARC/" line).
    const std::vector<std::string>& damage() const { return damage_; }
    /// One message per record skipped for being over the size cap, naming file and offset.
    const std::vector<std::string>& oversized() const { return oversized_; }

private:
    bool fill(std::size_t wanted);
    /// The next record; sets `retry` when a damaged member was skipped meanwhile, so that
    /// what was read belongs to no record.
    std::optional<WarcRecord> read_record(bool& retry);
    void skip_damaged_member();
    /// Moves consumed_ to the next "WARC/" at a line start; false at the end.
    bool find_record_start();
    /// Whether the bytes at consumed_ begin with "WARC/" (or could, when the file ends first).
    bool starts_record();
    /// "FILE: not a WARC file (at byte N)", with a word when a .gz name holds plain data.
    std::string not_warc_message() const;

    struct Inflater;
    std::string path_;
    std::FILE* file_ = nullptr; ///< owned
    std::unique_ptr<Inflater> inflater_;
    bool gzip_ = false;
    bool eof_ = false;
    bool truncated_ = false;
    bool resync_ = false; ///< after a skipped member: the next record starts somewhere ahead
    std::size_t max_record_bytes_;
    std::vector<std::string> damage_;
    std::vector<std::string> oversized_;
    std::string buffer_; ///< decompressed bytes not yet consumed
    std::size_t consumed_ = 0;
    std::size_t offset_ = 0; ///< decompressed bytes before buffer_
};

} // namespace rumorwatch
