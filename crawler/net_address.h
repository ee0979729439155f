/// \file
/// Which network addresses a crawl may connect to. A page on the public web can link or
/// redirect to http://10.0.0.1/ or to a name that resolves to the cloud metadata service;
/// following it would let the web probe the operator's own network (SSRF).
#pragma once

#include <string>
#include <string_view>
#include <vector>

struct sockaddr;

namespace rumorwatch {

/// True for an address that is not on the public internet: loopback, RFC 1918 private,
/// carrier-grade NAT (100.64/10), link-local (169.254/16, fe80::/10, where cloud metadata
/// lives), unique-local (fc00::/7), unspecified, multicast, broadcast, reserved 240/4, and
/// IPv4-mapped IPv6 forms of those. Unknown families count as not public.
bool is_non_public_address(const sockaddr* address);
/// The same on the textual form ("10.1.2.3", "::1"); false for text that is no address.
bool is_non_public_address(std::string_view text);

/// The decision the fetcher makes for every socket it opens. Public addresses always pass.
/// A non-public one passes when the operator allowed them all (--allow-private-addresses)
/// or when it is the target of one of the operator's CONNECT_TO mappings, at that port: a
/// mapping sends the hosts it names to a test server, and must not let a page or redirect
/// reach any other loopback port or the cloud metadata service (169.254.169.254).
/// Immutable after construction, so thread-safe.
class AddressGuard {
public:
    /// `connect_to` holds libcurl CONNECT_TO entries ("HOST:PORT:CONNECT-TO-HOST:CONNECT-TO-PORT");
    /// an empty CONNECT-TO-PORT allows every port of that address, as libcurl then keeps the
    /// URL's port. A target given as a name (localhost) is resolved here, once.
    AddressGuard(bool allow_all, const std::vector<std::string>& connect_to);
    /// True when a connection to `address` (its address and port) may be made.
    bool allows(const sockaddr* address) const;

private:
    struct Target {
        std::string address; ///< numeric, as inet_ntop writes it
        int port = 0;        ///< 0: any
    };
    bool allow_all_ = false;
    std::vector<Target> targets_;
};

} // namespace rumorwatch
