/// \file
/// The private-address guard's classification.
#include <catch2/catch.hpp>

#include <cstdint>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "crawler/net_address.h"

using namespace rumorwatch;

TEST_CASE("net address: loopback, private, link-local and reserved are not public", "[crawler]") {
    for (const char* a : {"127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                          "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::",
                          "fe80::1", "fd00::1", "fc12::3", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"}) {
        INFO(a);
        CHECK(is_non_public_address(a));
    }
}

TEST_CASE("net address: public addresses pass", "[crawler]") {
    for (const char* a : {"8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.128.0.1", "192.169.0.1",
                          "2001:4860:4860::8888", "2606:4700::1111", "::ffff:8.8.8.8"}) {
        INFO(a);
        CHECK_FALSE(is_non_public_address(a));
    }
    CHECK_FALSE(is_non_public_address("not an address"));
}

namespace {

sockaddr_storage socket_address(const char* text, int port) {
    sockaddr_storage storage{};
    if (auto* v4 = reinterpret_cast<sockaddr_in*>(&storage); inet_pton(AF_INET, text, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(static_cast<std::uint16_t>(port));
    } else {
        auto* v6 = reinterpret_cast<sockaddr_in6*>(&storage);
        REQUIRE(inet_pton(AF_INET6, text, &v6->sin6_addr) == 1);
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(static_cast<std::uint16_t>(port));
    }
    return storage;
}

bool guard_allows(const AddressGuard& guard, const char* text, int port) {
    const sockaddr_storage address = socket_address(text, port);
    return guard.allows(reinterpret_cast<const sockaddr*>(&address));
}

} // namespace

// Regression (issue 17, finding 1): any --connect-to once lifted the guard for every
// connection, so a redirect reached other loopback ports and the metadata service.
TEST_CASE("address guard: a mapping allows only the address and port it names", "[crawler]") {
    const AddressGuard guard(false, {"redir.test:80:127.0.0.1:8123", "[::1]:443:[::1]:9443", "x.test::127.0.0.3:"});
    CHECK(guard_allows(guard, "127.0.0.1", 8123));
    CHECK_FALSE(guard_allows(guard, "127.0.0.1", 8124));
    CHECK_FALSE(guard_allows(guard, "127.0.0.2", 8123));
    CHECK_FALSE(guard_allows(guard, "169.254.169.254", 80));
    CHECK_FALSE(guard_allows(guard, "169.254.0.1", 8123));
    CHECK(guard_allows(guard, "::1", 9443));
    CHECK_FALSE(guard_allows(guard, "::1", 443));
    CHECK(guard_allows(guard, "127.0.0.3", 1)); // empty CONNECT-TO-PORT: the URL's port
    CHECK(guard_allows(guard, "8.8.8.8", 53));
}

TEST_CASE("address guard: a mapping without a target host allows nothing private", "[crawler]") {
    const AddressGuard guard(false, {"redir.test:80::8123"});
    CHECK_FALSE(guard_allows(guard, "127.0.0.1", 8123));
    CHECK(guard_allows(AddressGuard(true, {}), "169.254.169.254", 80));
}
