/// \file
/// Address classification for the private-address guard.
#include "crawler/net_address.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <utility>

namespace rumorwatch {
namespace {

bool non_public_v4(std::uint32_t a) { // host byte order
    const auto in = [a](std::uint32_t net, int bits) {
        const std::uint32_t mask = bits == 0 ? 0 : ~std::uint32_t{0} << (32 - bits);
        return (a & mask) == net;
    };
    return in(0x00000000, 8) ||  // "this network"
           in(0x0A000000, 8) ||  // 10/8
           in(0x64400000, 10) || // 100.64/10 carrier-grade NAT
           in(0x7F000000, 8) ||  // loopback
           in(0xA9FE0000, 16) || // link-local, cloud metadata
           in(0xAC100000, 12) || // 172.16/12
           in(0xC0000000, 24) || // IETF protocol assignments
           in(0xC0A80000, 16) || // 192.168/16
           in(0xC6120000, 15) || // benchmarking 198.18/15
           in(0xE0000000, 4) ||  // multicast
           in(0xF0000000, 4);    // reserved and broadcast
}

bool non_public_v6(const unsigned char* b) {
    static const unsigned char zero[16] = {};
    if (std::memcmp(b, zero, 15) == 0 && (b[15] == 0 || b[15] == 1)) return true; // :: and ::1
    static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::memcmp(b, mapped, 12) == 0)
        return non_public_v4(std::uint32_t{b[12]} << 24 | std::uint32_t{b[13]} << 16 | std::uint32_t{b[14]} << 8 | b[15]);
    if ((b[0] & 0xfe) == 0xfc) return true;                 // fc00::/7 unique local
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return true; // fe80::/10 link-local
    if (b[0] == 0xff) return true;                          // multicast
    return false;
}

/// The numeric address and port of a socket address; port -1 for other families.
std::pair<std::string, int> numeric(const sockaddr* address) {
    char text[INET6_ADDRSTRLEN] = {};
    if (address->sa_family == AF_INET) {
        sockaddr_in v4;
        std::memcpy(&v4, address, sizeof v4);
        inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
        return {text, ntohs(v4.sin_port)};
    }
    if (address->sa_family == AF_INET6) {
        sockaddr_in6 v6;
        std::memcpy(&v6, address, sizeof v6);
        inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
        return {text, ntohs(v6.sin6_port)};
    }
    return {"", -1};
}

/// CONNECT-TO-HOST and CONNECT-TO-PORT of "HOST:PORT:CONNECT-TO-HOST:CONNECT-TO-PORT"
/// (an IPv6 host in brackets); nullopt when the entry has another shape.
std::optional<std::pair<std::string, std::string>> mapping_target(std::string_view entry) {
    const auto last = entry.rfind(':');
    if (last == std::string_view::npos) return std::nullopt;
    const std::string_view port = entry.substr(last + 1);
    std::string_view rest = entry.substr(0, last);
    std::string_view host;
    if (rest.ends_with(']')) {
        const auto open = rest.rfind('[');
        if (open == std::string_view::npos) return std::nullopt;
        host = rest.substr(open + 1, rest.size() - open - 2);
    } else {
        const auto colon = rest.rfind(':');
        host = colon == std::string_view::npos ? rest : rest.substr(colon + 1);
    }
    return std::pair{std::string(host), std::string(port)};
}

} // namespace

AddressGuard::AddressGuard(bool allow_all, const std::vector<std::string>& connect_to) : allow_all_(allow_all) {
    for (const std::string& entry : connect_to) {
        const auto target = mapping_target(entry);
        if (!target || target->first.empty()) continue; // an empty host keeps the URL's host
        int port = 0;
        for (const char c : target->second) {
            if (c < '0' || c > '9' || port > 65535) { port = -1; break; }
            port = port * 10 + (c - '0');
        }
        if (port < 0 || port > 65535) continue;
        addrinfo hints{};
        hints.ai_socktype = SOCK_STREAM;
        addrinfo* found = nullptr;
        if (getaddrinfo(target->first.c_str(), nullptr, &hints, &found) != 0) continue;
        for (const addrinfo* a = found; a; a = a->ai_next)
            if (const auto [address, ignored] = numeric(a->ai_addr); !address.empty())
                targets_.push_back({address, port});
        freeaddrinfo(found);
    }
}

bool AddressGuard::allows(const sockaddr* address) const {
    if (allow_all_ || !is_non_public_address(address)) return true;
    const auto [text, port] = numeric(address);
    for (const Target& t : targets_)
        if (t.address == text && (t.port == 0 || t.port == port)) return true;
    return false;
}

bool is_non_public_address(const sockaddr* address) {
    if (!address) return true;
    if (address->sa_family == AF_INET) {
        sockaddr_in v4;
        std::memcpy(&v4, address, sizeof v4);
        return non_public_v4(ntohl(v4.sin_addr.s_addr));
    }
    if (address->sa_family == AF_INET6) {
        sockaddr_in6 v6;
        std::memcpy(&v6, address, sizeof v6);
        return non_public_v6(v6.sin6_addr.s6_addr);
    }
    return true;
}

bool is_non_public_address(std::string_view text) {
    const std::string s(text);
    in_addr v4{};
    if (inet_pton(AF_INET, s.c_str(), &v4) == 1) return non_public_v4(ntohl(v4.s_addr));
    in6_addr v6{};
    if (inet_pton(AF_INET6, s.c_str(), &v6) == 1) return non_public_v6(v6.s6_addr);
    return false;
}

} // namespace rumorwatch
