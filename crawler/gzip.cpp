/// \file
/// gzip through zlib.
#include "crawler/gzip.h"

#include <zlib.h>

#include "parser/core/core.h"

namespace rumorwatch {

std::string gzip_member(std::string_view data) {
    z_stream z{};
    // windowBits 15 + 16: a gzip wrapper rather than zlib's.
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw Error("zlib could not start a gzip stream");
    std::string out;
    out.resize(deflateBound(&z, static_cast<uLong>(data.size())) + 32);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    const auto produced = z.total_out;
    deflateEnd(&z);
    if (rc != Z_STREAM_END) throw Error("zlib could not compress a gzip member");
    out.resize(produced);
    return out;
}

bool looks_gzipped(std::string_view b) {
    return b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1f && static_cast<unsigned char>(b[1]) == 0x8b;
}

std::optional<std::string> gunzip(std::string_view bytes, std::size_t max_bytes) {
    if (!looks_gzipped(bytes)) return std::nullopt;
    std::string out;
    std::size_t pos = 0;
    char buffer[64 * 1024];
    while (pos < bytes.size() && looks_gzipped(bytes.substr(pos))) {
        z_stream z{};
        if (inflateInit2(&z, 15 + 16) != Z_OK) return std::nullopt;
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + pos));
        z.avail_in = static_cast<uInt>(bytes.size() - pos);
        std::string member;
        int rc = Z_OK;
        while (rc == Z_OK) {
            z.next_out = reinterpret_cast<Bytef*>(buffer);
            z.avail_out = sizeof buffer;
            rc = inflate(&z, Z_NO_FLUSH);
            member.append(buffer, sizeof buffer - z.avail_out);
            if (out.size() + member.size() > max_bytes) {
                inflateEnd(&z);
                return std::nullopt;
            }
            if (rc == Z_BUF_ERROR && z.avail_in == 0) break; // input ended mid-member
        }
        const std::size_t consumed = bytes.size() - pos - z.avail_in;
        inflateEnd(&z);
        if (rc != Z_STREAM_END) {
            // A damaged first member means this is not gzip we can read; a damaged later
            // one is a cut-off tail: keep what was whole.
            if (pos == 0) return std::nullopt;
            break;
        }
        out += member;
        pos += consumed;
    }
    return out;
}

} // namespace rumorwatch
