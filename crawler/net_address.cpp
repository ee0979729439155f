/// \file
/// Address classification for the private-address guard.
#include "crawler/net_address.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdint>
#include <cstring>
#include <string>

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

} // namespace

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
