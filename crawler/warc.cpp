/// \file
/// WARC/1.1 writer: request and response records in gzip members, with SHA-1 digests.
#include "crawler/warc.h"

#include <array>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <unistd.h>

#include "crawler/gzip.h"
#include "parser/core/core.h"

namespace rumorwatch {

std::string random_uuid() {
    std::array<unsigned char, 16> b{};
    if (RAND_bytes(b.data(), static_cast<int>(b.size())) != 1) throw Error("OpenSSL could not produce random bytes");
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40); // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80); // RFC 4122 variant
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += kHex[b[i] >> 4];
        out += kHex[b[i] & 15];
    }
    return out;
}

std::string warc_digest(std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha1(), nullptr) != 1)
        throw Error("OpenSSL could not compute a SHA-1 digest");
    // RFC 4648 base32, as WARC tools write SHA-1 digests.
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::string out = "sha1:";
    unsigned buffer = 0;
    int bits = 0;
    for (unsigned int i = 0; i < length; ++i) {
        buffer = (buffer << 8) | digest[i];
        bits += 8;
        while (bits >= 5) {
            out += kAlphabet[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 31];
    return out; // 160 bits = 32 characters exactly, no padding
}

namespace {

std::string warc_date(std::chrono::system_clock::time_point t) {
    return format_iso8601(std::chrono::time_point_cast<std::chrono::seconds>(t));
}

std::string record(const std::string& type, const std::string& id, const std::string& date,
                   const std::string& target, const std::string& content_type, std::string_view block,
                   const std::string& extra_headers) {
    std::string out = "WARC/1.1\r\n";
    out += "WARC-Type: " + type + "\r\n";
    out += "WARC-Record-ID: " + id + "\r\n";
    out += "WARC-Date: " + date + "\r\n";
    if (!target.empty()) out += "WARC-Target-URI: " + target + "\r\n";
    out += extra_headers;
    out += "WARC-Block-Digest: " + warc_digest(block) + "\r\n";
    out += "Content-Type: " + content_type + "\r\n";
    out += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
    out.append(block);
    out += "\r\n\r\n";
    return out;
}

/// A request header block good enough to replay when libcurl's own bytes were not kept.
std::string synthetic_request(const FetchResult& r) {
    std::string target = r.final_url.empty() ? r.url : r.final_url;
    std::string host, path = "/";
    if (auto p = target.find("://"); p != std::string::npos) {
        const auto slash = target.find('/', p + 3);
        host = target.substr(p + 3, slash == std::string::npos ? std::string::npos : slash - p - 3);
        if (slash != std::string::npos) path = target.substr(slash);
    }
    if (auto hash = path.find('#'); hash != std::string::npos) path.resize(hash);
    return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
}

} // namespace

std::string warc_http_header(std::string_view received, std::size_t stored_body_length) {
    std::string out;
    bool first = true;
    std::size_t pos = 0;
    while (pos < received.size()) {
        auto end = received.find('\n', pos);
        if (end == std::string_view::npos) end = received.size();
        std::string_view line = received.substr(pos, end - pos);
        pos = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) continue;
        if (first) {
            out.append(line).append("\r\n");
            first = false;
            continue;
        }
        const auto colon = line.find(':');
        const std::string name = text::to_lower_ascii(line.substr(0, colon == std::string_view::npos ? line.size() : colon));
        if (name == "content-encoding" || name == "transfer-encoding" || name == "content-length") {
            // They describe the bytes on the wire, not the decoded body stored here.
            out += "X-Crawler-";
            out.append(line).append("\r\n");
        } else {
            out.append(line).append("\r\n");
        }
    }
    if (first) out += "HTTP/1.1 200 OK\r\n";
    out += "Content-Length: " + std::to_string(stored_body_length) + "\r\n\r\n";
    return out;
}

WarcWriter::WarcWriter(std::string dir, std::string prefix, std::size_t max_file_bytes)
    : dir_(std::move(dir)), prefix_(std::move(prefix)), max_file_bytes_(max_file_bytes) {
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
    if (ec) throw Error(dir_ + ": cannot create the WARC folder: " + ec.message());
}

WarcWriter::~WarcWriter() {
    try {
        close();
    } catch (const Error&) {
        // The destructor has no one to tell; the ".open" file stays for inspection.
    }
}

void WarcWriter::open_file() {
    const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    std::string stamp = format_iso8601(now); // 2026-11-24T04:05:06Z
    std::string compact;
    for (char c : stamp)
        if (std::isdigit(static_cast<unsigned char>(c))) compact += c;
    char seq[16];
    std::snprintf(seq, sizeof seq, "%05d", sequence_++);
    name_ = prefix_ + "-" + compact + "-" + std::to_string(::getpid()) + "-" + seq + ".warc.gz";
    const std::string path = dir_ + "/" + name_ + ".open";
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) throw Error(path + ": cannot create WARC file: " + std::strerror(errno));
    written_ = 0;
    const std::string info = "software: rumorwatch/0.1\r\nformat: WARC File Format 1.1\r\n"
                             "conformsTo: https://iipc.github.io/warc-specifications/specifications/"
                             "warc-format/warc-1.1/\r\n";
    std::string extra = "WARC-Filename: " + name_ + "\r\n";
    append(gzip_member(record("warcinfo", "<urn:uuid:" + random_uuid() + ">", warc_date(std::chrono::system_clock::now()),
                              "", "application/warc-fields", info, extra)));
}

void WarcWriter::append(const std::string& member) {
    if (std::fwrite(member.data(), 1, member.size(), file_) != member.size() || std::fflush(file_) != 0)
        throw Error(dir_ + "/" + name_ + ".open: cannot write WARC record: " + std::strerror(errno));
    written_ += member.size();
}

WarcRecordRef WarcWriter::write_exchange(const FetchResult& r) {
    const std::string target = r.final_url.empty() ? r.url : r.final_url;
    const std::string date = warc_date(r.started_wall);
    const std::string request_id = "<urn:uuid:" + random_uuid() + ">";
    const std::string response_id = "<urn:uuid:" + random_uuid() + ">";
    const std::string request_block = r.request_header_bytes.empty() ? synthetic_request(r) : r.request_header_bytes;
    std::string response_block = warc_http_header(r.response_header_bytes, r.body.size());
    response_block += r.body;
    std::string response_extra = "WARC-Payload-Digest: " + warc_digest(r.body) + "\r\n";
    if (!r.remote_ip.empty()) response_extra += "WARC-IP-Address: " + r.remote_ip + "\r\n";
    if (target != r.url) response_extra += "WARC-Refers-To-Target-URI: " + r.url + "\r\n";
    if (r.cut_at_limit) response_extra += "WARC-Truncated: length\r\n";
    // Compression happens outside the lock: it is the costly part.
    const std::string response = gzip_member(record("response", response_id, date, target,
                                                     "application/http;msgtype=response", response_block,
                                                     response_extra));
    const std::string request = gzip_member(record("request", request_id, date, target,
                                                   "application/http;msgtype=request", request_block,
                                                   "WARC-Concurrent-To: " + response_id + "\r\n"));
    std::lock_guard lock(mutex_);
    if (file_ && written_ >= max_file_bytes_) {
        std::fclose(std::exchange(file_, nullptr));
        std::filesystem::rename(dir_ + "/" + name_ + ".open", dir_ + "/" + name_);
    }
    if (!file_) open_file();
    WarcRecordRef ref{name_, response_id, written_};
    append(response);
    append(request);
    return ref;
}

void WarcWriter::close() {
    std::lock_guard lock(mutex_);
    if (!file_) return;
    const bool ok = std::fclose(std::exchange(file_, nullptr)) == 0;
    std::error_code ec;
    std::filesystem::rename(dir_ + "/" + name_ + ".open", dir_ + "/" + name_, ec);
    if (!ok || ec) throw Error(dir_ + "/" + name_ + ": cannot close WARC file");
}

} // namespace rumorwatch
