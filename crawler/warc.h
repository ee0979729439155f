/// \file
/// WARC/1.1 capture: every exchange as a request and a response record, each record its own
/// gzip member, so any record can be read alone by seeking to its offset.
#pragma once

#include <cstddef>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

#include "crawler/fetcher.h"

namespace rumorwatch {

/// Where a response record was written.
struct WarcRecordRef {
    std::string file;      ///< file name inside the WARC folder
    std::string record_id; ///< "<urn:uuid:...>" of the response record
    std::size_t offset = 0; ///< byte offset of its gzip member in the file
};

/// Lower-case hex of a new random (version 4) UUID. @throws Error when OpenSSL has no randomness.
std::string random_uuid();
/// "sha1:" + base32 of the SHA-1 of `bytes`, as WARC digests are usually written.
std::string warc_digest(std::string_view bytes);

/// Writes records into files named "PREFIX-YYYYMMDDhhmmss-PID-NNNNN.warc.gz" in `dir`, a
/// new file when the current one passes `max_file_bytes`. A file being written ends in
/// ".open" and is renamed when closed, so an interrupted crawl leaves no file that looks
/// complete; each record is flushed as written. Thread-safe: records are compressed by the
/// calling thread and appended under a lock.
class WarcWriter {
public:
    /// @throws Error when the folder cannot be created.
    explicit WarcWriter(std::string dir, std::string prefix = "rumorwatch",
                        std::size_t max_file_bytes = std::size_t{1} << 30);
    ~WarcWriter();
    WarcWriter(const WarcWriter&) = delete;
    WarcWriter& operator=(const WarcWriter&) = delete;

    /// Writes the request and the response of one finished transfer (its body is the
    /// content-decoded body, so Content-Encoding and Transfer-Encoding are removed from the
    /// stored header and kept as X-Crawler-* headers, and Content-Length states the stored
    /// length). @throws Error when the file cannot be written.
    WarcRecordRef write_exchange(const FetchResult& result);
    /// Closes the current file (renaming it to its final name). Later writes open a new one.
    void close();
    const std::string& dir() const { return dir_; }

private:
    void open_file();
    void append(const std::string& gz_member);

    std::string dir_;
    std::string prefix_;
    std::size_t max_file_bytes_;
    std::mutex mutex_;
    std::FILE* file_ = nullptr; ///< owned; closed in close()
    std::string name_;          ///< final name of the open file
    std::size_t written_ = 0;
    int sequence_ = 0;
};

/// The header block libcurl received, rewritten for a stored decoded body (see
/// WarcWriter::write_exchange). Exposed for tests.
std::string warc_http_header(std::string_view received_header, std::size_t stored_body_length);

} // namespace rumorwatch
