/// \file
/// Term and id helpers of the schema: hashing, bounded terms, hosts, the valuesmap.
#include "index/schema.h"

#include <openssl/evp.h>
#include <xapian.h>

#include <memory>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "parser/core/core.h"

namespace rumorwatch::schema {

static_assert(std::is_same_v<std::underlying_type_t<Slot>, Xapian::valueno>,
              "value slots must have Xapian's valueno type");

namespace {

struct EvpMdCtxDeleter {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

} // namespace

std::string hash_hex(std::string_view text) {
    std::unique_ptr<EVP_MD_CTX, EvpMdCtxDeleter> ctx(EVP_MD_CTX_new());
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), text.data(), text.size()) != 1 ||
        EVP_DigestFinal_ex(ctx.get(), digest, &size) != 1)
        throw std::runtime_error("SHA-256 is unavailable in libcrypto");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < 8; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 0xf];
    }
    return out;
}

std::string document_id(std::string_view canonical_url) { return hash_hex(canonical_url); }

std::string id_term(std::string_view canonical_url) {
    std::string term(kIdTerm);
    term += document_id(canonical_url);
    return term;
}

std::string bounded_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    if (prefix.size() + value.size() <= kMaxTermBytes) {
        term += value;
    } else {
        term += '#';
        term += hash_hex(value);
    }
    return term;
}

std::string boolean_term(std::string_view prefix, std::string_view value) {
    return bounded_term(prefix, text::to_lower_ascii(value));
}

std::string site_of(std::string_view url) {
    std::string host = url_host(url);
    if (host.rfind("www.", 0) == 0) host.erase(0, 4);
    return host;
}

std::string values_map_json() {
    const nlohmann::json map = {
        {"published", kPublishedSlot}, {"published_day", kPublishedDaySlot},
        {"crawled", kCrawledSlot},     {"status", kStatusSlot},
        {"status_rank", kStatusRankSlot}, {"outlet", kOutletSlot},
        {"dup_group", kDupGroupSlot},  {"content_hash", kContentHashSlot}, {"text", kTextSlot}};
    return map.dump();
}

} // namespace rumorwatch::schema
