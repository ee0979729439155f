/// \file
/// Which network addresses a crawl may connect to. A page on the public web can link or
/// redirect to http://10.0.0.1/ or to a name that resolves to the cloud metadata service;
/// following it would let the web probe the operator's own network (SSRF).
#pragma once

#include <string_view>

struct sockaddr;

namespace rumorwatch {

/// True for an address that is not on the public internet: loopback, RFC 1918 private,
/// carrier-grade NAT (100.64/10), link-local (169.254/16, fe80::/10, where cloud metadata
/// lives), unique-local (fc00::/7), unspecified, multicast, broadcast, reserved 240/4, and
/// IPv4-mapped IPv6 forms of those. Unknown families count as not public.
bool is_non_public_address(const sockaddr* address);
/// The same on the textual form ("10.1.2.3", "::1"); false for text that is no address.
bool is_non_public_address(std::string_view text);

} // namespace rumorwatch
