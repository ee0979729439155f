/// \file
/// The WARC reader.
#include "crawler/warc_reader.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>

#include <zlib.h>

#include "crawler/gzip.h"
#include "parser/core/core.h"

namespace rumorwatch {
namespace {

constexpr std::size_t kChunk = 256 * 1024;

} // namespace

std::string WarcRecord::field(std::string_view name) const {
    for (const auto& [n, v] : fields)
        if (text::iequals(n, name)) return v;
    return {};
}

struct WarcReader::Inflater {
    z_stream z{};
    bool active = false;
    std::string input;
    std::size_t read_total = 0;       ///< compressed bytes read from the file so far
    std::size_t member_start = 0;     ///< compressed offset where the current member began
    std::size_t member_out_start = 0; ///< decompressed offset where its output began
    bool scanned_to = false;          ///< the current member was found by scanning for a header

    std::size_t position() const { return read_total - z.avail_in; }
    ~Inflater() {
        if (active) inflateEnd(&z);
    }
};

WarcReader::WarcReader(const std::string& path, std::size_t max_record_bytes)
    : path_(path), inflater_(std::make_unique<Inflater>()), max_record_bytes_(max_record_bytes) {
    file_ = std::fopen(path.c_str(), "rb");
    if (!file_) throw InputError(path + ": cannot read: " + std::strerror(errno));
    unsigned char magic[2] = {};
    const std::size_t n = std::fread(magic, 1, 2, file_);
    gzip_ = n == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    std::rewind(file_);
    if (gzip_) {
        if (inflateInit2(&inflater_->z, 15 + 32) != Z_OK) throw Error("zlib could not start");
        inflater_->active = true;
    }
}

WarcReader::~WarcReader() {
    if (file_) std::fclose(file_);
}

bool WarcReader::fill(std::size_t wanted) {
    if (consumed_ > 0 && consumed_ >= buffer_.size() / 2) {
        offset_ += consumed_;
        buffer_.erase(0, consumed_);
        consumed_ = 0;
    }
    while (buffer_.size() - consumed_ < wanted && !eof_) {
        if (!gzip_) {
            char chunk[kChunk];
            const std::size_t n = std::fread(chunk, 1, sizeof chunk, file_);
            if (n == 0) eof_ = true;
            buffer_.append(chunk, n);
            continue;
        }
        Inflater& in = *inflater_;
        if (in.z.avail_in == 0) {
            in.input.resize(kChunk);
            const std::size_t n = std::fread(in.input.data(), 1, in.input.size(), file_);
            if (n == 0) {
                eof_ = true;
                break;
            }
            in.read_total += n;
            in.z.next_in = reinterpret_cast<Bytef*>(in.input.data());
            in.z.avail_in = static_cast<uInt>(n);
        }
        char out[kChunk];
        in.z.next_out = reinterpret_cast<Bytef*>(out);
        in.z.avail_out = sizeof out;
        const int rc = inflate(&in.z, Z_NO_FLUSH);
        buffer_.append(out, sizeof out - in.z.avail_out);
        if (rc == Z_STREAM_END) {
            // One member done; the next starts right after it (records are members).
            inflateReset(&in.z);
            in.member_start = in.position();
            in.member_out_start = offset_ + buffer_.size();
            in.scanned_to = false;
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            skip_damaged_member();
        }
    }
    return buffer_.size() - consumed_ >= wanted;
}

void WarcReader::skip_damaged_member() {
    Inflater& in = *inflater_;
    // A member reached by scanning that fails was a false header inside the damaged one:
    // the damage is already reported.
    if (!in.scanned_to)
        damage_.push_back(path_ + ": corrupt gzip member at byte " + std::to_string(in.member_start) + " skipped" +
                          (in.z.msg ? std::string(" (") + in.z.msg + ")" : std::string()));
    // What the member produced and nobody read yet belongs to no trustworthy record.
    const std::size_t produced = in.member_out_start > offset_ ? in.member_out_start - offset_ : 0;
    buffer_.resize(std::max(produced, consumed_));
    resync_ = true;
    // The next member starts at the next gzip header (1f 8b, deflate) after this one's start.
    static constexpr std::string_view kMagic("\x1f\x8b\x08", 3);
    std::string chunk(kChunk, '\0');
    std::size_t pos = in.member_start + 1;
    std::optional<std::size_t> next;
    while (!next) {
        if (std::fseek(file_, static_cast<long>(pos), SEEK_SET) != 0) break;
        const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), file_);
        if (n < kMagic.size()) break;
        if (const auto hit = std::string_view(chunk.data(), n).find(kMagic); hit != std::string_view::npos)
            next = pos + hit;
        else
            pos += n - (kMagic.size() - 1);
    }
    inflateReset(&in.z);
    in.z.avail_in = 0;
    if (!next || std::fseek(file_, static_cast<long>(*next), SEEK_SET) != 0) {
        eof_ = true;
        return;
    }
    in.read_total = *next;
    in.member_start = *next;
    in.member_out_start = offset_ + buffer_.size();
    in.scanned_to = true;
}

bool WarcReader::starts_record() {
    static constexpr std::string_view kStart = "WARC/";
    fill(kStart.size());
    const std::string_view rest = std::string_view(buffer_).substr(consumed_, kStart.size());
    // Fewer bytes than "WARC/" that could begin it: a record cut short, which read_record
    // reports as truncated.
    return kStart.starts_with(rest);
}

std::string WarcReader::not_warc_message() const {
    std::string message = path_ + ": not a WARC file (at byte " + std::to_string(offset_ + consumed_) + ")";
    if (!gzip_ && path_.size() > 3 && text::iequals(std::string_view(path_).substr(path_.size() - 3), ".gz"))
        message += ": the name ends in .gz but the data is not gzip-compressed";
    return message;
}

bool WarcReader::find_record_start() {
    while (true) {
        const std::string_view rest = std::string_view(buffer_).substr(consumed_);
        for (std::size_t at = rest.find("WARC/"); at != std::string_view::npos; at = rest.find("WARC/", at + 1)) {
            if (at == 0 || rest[at - 1] == '\n') {
                consumed_ += at;
                return true;
            }
        }
        // Keep a tail that could be the start of "WARC/" cut by the buffer's end.
        if (rest.size() > 5) consumed_ += rest.size() - 5;
        if (!fill(buffer_.size() - consumed_ + 1)) return false;
    }
}

std::optional<WarcRecord> WarcReader::next() {
    while (true) {
        bool retry = false;
        std::optional<WarcRecord> record = read_record(retry);
        if (!retry) return record;
    }
}

std::optional<WarcRecord> WarcReader::read_record(bool& retry) {
    const std::size_t damaged_before = damage_.size();
    const auto damaged = [&] { return resync_ || damage_.size() != damaged_before; };
    if (resync_) {
        resync_ = false;
        if (!find_record_start()) return std::nullopt;
        if (resync_) { // another damaged member while looking
            retry = true;
            return std::nullopt;
        }
    }
    // Skip the blank lines between records.
    while (true) {
        if (!fill(1)) return std::nullopt; // a clean end
        if (buffer_[consumed_] == '\r' || buffer_[consumed_] == '\n') ++consumed_;
        else break;
    }
    // Checked before looking for the header's end, which data that is not WARC may lack: a
    // text file named .warc.gz once read as "1 file ended inside a record", exit 0.
    if (!damaged() && !starts_record()) throw InputError(not_warc_message());
    // The header ends at the first empty line.
    std::size_t header_end = std::string::npos;
    for (std::size_t want = 4096;; want *= 2) {
        const bool more = fill(want);
        header_end = std::string_view(buffer_).substr(consumed_).find("\r\n\r\n");
        if (header_end != std::string::npos || !more || want > (1u << 24)) break;
    }
    if (damaged()) {
        retry = true;
        return std::nullopt;
    }
    if (header_end == std::string::npos) {
        truncated_ = true;
        return std::nullopt;
    }
    const std::string_view header = std::string_view(buffer_).substr(consumed_, header_end);
    WarcRecord record;
    std::size_t pos = 0;
    std::size_t length = 0;
    bool have_length = false;
    std::optional<std::string_view> bad_length;
    while (pos <= header.size()) {
        auto eol = header.find("\r\n", pos);
        if (eol == std::string_view::npos) eol = header.size();
        const std::string_view line = header.substr(pos, eol - pos);
        pos = eol + 2;
        if (record.version.empty()) {
            if (!line.starts_with("WARC/")) throw InputError(not_warc_message());
            record.version = std::string(line);
            continue;
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string_view name = text::trim(line.substr(0, colon));
        const std::string_view value = text::trim(line.substr(colon + 1));
        record.fields.emplace_back(std::string(name), std::string(value));
        if (text::iequals(name, "Content-Length") && !have_length) {
            have_length = true;
            const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), length);
            if (ec != std::errc() || ptr != value.data() + value.size() || value.empty()) bad_length = value;
        }
    }
    if (!have_length || bad_length) {
        // Where the block ends is unknown: the next record is looked for from the header's end.
        damage_.push_back(path_ + ": record at decompressed byte " + std::to_string(offset_ + consumed_) +
                          (have_length ? " has an invalid Content-Length \"" + std::string(bad_length->substr(0, 40)) + "\""
                                       : " has no Content-Length") +
                          ", skipped");
        consumed_ += header_end + 4;
        resync_ = true;
        retry = true;
        return std::nullopt;
    }
    if (length > max_record_bytes_) {
        // Skipped as it streams by: never held whole.
        oversized_.push_back(path_ + ": record at decompressed byte " + std::to_string(offset_ + consumed_) + " (" +
                             std::to_string(length) + " bytes) is over the " + std::to_string(max_record_bytes_ >> 20) +
                             " MiB cap, skipped");
        consumed_ += header_end + 4;
        for (std::size_t left = length; left > 0;) {
            if (!fill(1)) {
                truncated_ = true;
                return std::nullopt;
            }
            if (damaged()) break;
            const std::size_t take = std::min(left, buffer_.size() - consumed_);
            consumed_ += take;
            left -= take;
        }
        retry = true;
        return std::nullopt;
    }
    const std::size_t block_start = consumed_ + header_end + 4;
    const bool complete = fill(header_end + 4 + length);
    if (damaged()) {
        retry = true;
        return std::nullopt;
    }
    if (!complete) {
        truncated_ = true;
        return std::nullopt;
    }
    record.block = buffer_.substr(block_start, length);
    consumed_ = block_start + length;
    return record;
}

std::optional<HttpMessage> parse_http_response(std::string_view block, std::size_t max_body_bytes) {
    if (!block.starts_with("HTTP/")) return std::nullopt;
    auto header_end = block.find("\r\n\r\n");
    std::size_t body_start = header_end + 4;
    if (header_end == std::string_view::npos) {
        header_end = block.find("\n\n");
        if (header_end == std::string_view::npos) return std::nullopt;
        body_start = header_end + 2;
    }
    HttpMessage m;
    const std::string_view head = block.substr(0, header_end);
    std::size_t pos = 0;
    bool first = true;
    while (pos <= head.size()) {
        auto eol = head.find('\n', pos);
        if (eol == std::string_view::npos) eol = head.size();
        const std::string_view line = text::trim(head.substr(pos, eol - pos));
        pos = eol + 1;
        if (first) {
            first = false;
            const auto space = line.find(' ');
            if (space == std::string_view::npos) return std::nullopt;
            std::from_chars(line.data() + space + 1, line.data() + line.size(), m.status);
            continue;
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        m.headers.emplace_back(text::to_lower_ascii(text::trim(line.substr(0, colon))), std::string(text::trim(line.substr(colon + 1))));
    }
    std::string body(block.substr(std::min(body_start, block.size())));
    auto header = [&](std::string_view name) -> std::string {
        for (const auto& [n, v] : m.headers)
            if (n == name) return text::to_lower_ascii(v);
        return {};
    };
    if (header("transfer-encoding").find("chunked") != std::string::npos) {
        std::string plain;
        std::size_t at = 0;
        while (at < body.size()) {
            const auto eol = body.find("\r\n", at);
            if (eol == std::string::npos) break;
            std::size_t size = 0;
            std::from_chars(body.data() + at, body.data() + eol, size, 16);
            if (size == 0) break;
            plain.append(body, eol + 2, size);
            at = eol + 2 + size + 2;
        }
        body = std::move(plain);
    }
    if (const std::string encoding = header("content-encoding"); encoding == "gzip" || encoding == "x-gzip") {
        if (auto inflated = gunzip(body, max_body_bytes)) body = std::move(*inflated);
    }
    m.body = std::move(body);
    return m;
}

} // namespace rumorwatch
