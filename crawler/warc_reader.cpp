/// \file
/// The WARC reader.
#include "crawler/warc_reader.h"

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>

#include <zlib.h>

#include "crawler/gzip.h"
#include "parser/errors.h"

namespace rumorwatch {
namespace {

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

constexpr std::size_t kChunk = 256 * 1024;

} // namespace

std::string WarcRecord::field(std::string_view name) const {
    for (const auto& [n, v] : fields)
        if (iequals(n, name)) return v;
    return {};
}

struct WarcReader::Inflater {
    z_stream z{};
    bool active = false;
    std::string input;
    ~Inflater() {
        if (active) inflateEnd(&z);
    }
};

WarcReader::WarcReader(const std::string& path) : path_(path), inflater_(std::make_unique<Inflater>()) {
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
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            throw InputError(path_ + ": corrupt gzip data (at byte " + std::to_string(in.z.total_in) + ")");
        }
    }
    return buffer_.size() - consumed_ >= wanted;
}

std::optional<WarcRecord> WarcReader::next() {
    // Skip the blank lines between records.
    while (true) {
        if (!fill(1)) return std::nullopt; // a clean end
        if (buffer_[consumed_] == '\r' || buffer_[consumed_] == '\n') ++consumed_;
        else break;
    }
    // The header ends at the first empty line.
    std::size_t header_end = std::string::npos;
    for (std::size_t want = 4096;; want *= 2) {
        const bool more = fill(want);
        header_end = std::string_view(buffer_).substr(consumed_).find("\r\n\r\n");
        if (header_end != std::string::npos || !more || want > (1u << 24)) break;
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
    while (pos <= header.size()) {
        auto eol = header.find("\r\n", pos);
        if (eol == std::string_view::npos) eol = header.size();
        const std::string_view line = header.substr(pos, eol - pos);
        pos = eol + 2;
        if (record.version.empty()) {
            if (!line.starts_with("WARC/"))
                throw InputError(path_ + ": not a WARC file (at byte " + std::to_string(offset_ + consumed_) + ")");
            record.version = std::string(line);
            continue;
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string_view name = trim(line.substr(0, colon));
        const std::string_view value = trim(line.substr(colon + 1));
        record.fields.emplace_back(std::string(name), std::string(value));
        if (iequals(name, "Content-Length")) {
            const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), length);
            have_length = ec == std::errc();
        }
    }
    if (!have_length) throw InputError(path_ + ": WARC record without Content-Length");
    const std::size_t block_start = consumed_ + header_end + 4;
    if (!fill(header_end + 4 + length)) {
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
        const std::string_view line = trim(head.substr(pos, eol - pos));
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
        m.headers.emplace_back(lower(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
    }
    std::string body(block.substr(std::min(body_start, block.size())));
    auto header = [&](std::string_view name) -> std::string {
        for (const auto& [n, v] : m.headers)
            if (n == name) return lower(v);
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
