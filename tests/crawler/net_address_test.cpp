/// \file
/// The private-address guard's classification.
#include <catch2/catch.hpp>

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
