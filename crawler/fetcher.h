/// \file
/// Fetching over HTTP behind an interface: the libcurl implementation runs many transfers on
/// the calling thread; tests of the crawl logic substitute a fake that answers from a table.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rumorwatch {

/// Limits applied to every transfer, so a bad server cannot hold the crawl.
struct FetchLimits {
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds total_timeout{60'000};
    /// A transfer slower than this many bytes/s for `low_speed_time` is abandoned.
    long low_speed_bytes_per_second = 512;
    std::chrono::seconds low_speed_time{20};
    /// Largest body accepted, counted after content decoding (so a gzip bomb stops here too).
    std::size_t max_body_bytes = 8u << 20;
    int max_redirects = 5;
};

/// How the curl fetcher behaves as a whole.
struct FetcherOptions {
    std::string user_agent = "rumorwatch/0.1 (+https://example.org/rumorwatch)";
    /// libcurl CONNECT_TO entries, "HOST:PORT:CONNECT-TO-HOST:CONNECT-TO-PORT".
    std::vector<std::string> connect_to;
    FetchLimits limits;
    /// libcurl's own caps (the scheduler keeps stricter ones; these are a safety net).
    int max_total_connections = 64;
    int max_host_connections = 8;
    /// Keep the request and response header bytes, for WARC capture.
    bool capture_headers = false;
    /// Connect to loopback, private, link-local and other non-public addresses
    /// (crawler/net_address.h). Off, such connections are refused before they are made
    /// (FetchError::private_address), wherever the name or redirect came from, except to
    /// the address and port a `connect_to` entry names (AddressGuard).
    bool allow_non_public_addresses = false;
};

/// One transfer to make.
struct FetchRequest {
    std::uint64_t id = 0; ///< the caller's tag, returned in the result
    std::string url;
    std::string if_none_match;     ///< stored ETag, sent as If-None-Match
    std::string if_modified_since; ///< stored Last-Modified, sent as If-Modified-Since
    /// Accept any content type (robots.txt is text/plain); otherwise only what the parser
    /// reads (HTML, XML, feeds) is downloaded and anything else is aborted.
    bool any_content_type = false;
    /// Called with each redirect target (absolute http(s)) before it is requested: an empty
    /// answer lets the fetcher follow it, anything else refuses it and is the reason given
    /// (FetchError::out_of_scope). Unset: every http(s) target is followed.
    std::function<std::string(const std::string& target)> vet_redirect;
    /// When non-zero, a body longer than this many bytes is cut there and the transfer ends
    /// as a success (FetchResult::cut_at_limit) instead of failing as too large: robots.txt,
    /// of which RFC 9309 asks crawlers to read at least the first 500 KiB.
    std::size_t keep_head = 0;
};

/// Why a transfer produced no usable HTTP response. HTTP error statuses are not listed here:
/// they are responses, found in FetchResult::http_status.
enum class FetchError {
    none,
    dns,                ///< host name did not resolve
    connect,            ///< connection refused or unreachable
    timeout,            ///< connect, total or low-speed limit hit
    reset,              ///< connection reset or closed without a complete response
    truncated,          ///< body shorter than announced
    too_large,          ///< body over FetchLimits::max_body_bytes
    too_many_redirects, ///< over FetchLimits::max_redirects (or a loop)
    bad_protocol,       ///< a URL or redirect to something other than http or https
    out_of_scope,       ///< a redirect the request's vet_redirect refused (never requested)
    private_address,    ///< the host resolved to a non-public address, refused before connecting
    content_type,       ///< a type the parser does not read (aborted, body not kept)
    bad_encoding,       ///< content encoding could not be decoded
    bad_response,       ///< a malformed response (broken chunked framing, bad headers)
    other,
};

/// Short stable name ("timeout", "too_large", ...) for logs and summaries.
std::string_view to_string(FetchError error);

/// True when the media type of a Content-Type value is one the parser reads: HTML, XHTML,
/// XML, RSS, Atom, RDF (and sitemaps, which are XML).
bool is_parsable_content_type(std::string_view content_type);

/// What came back from one transfer.
struct FetchResult {
    std::uint64_t id = 0;
    std::string url;       ///< as requested
    std::string final_url; ///< after redirects
    int http_status = 0;   ///< last status seen (0: none); meaningful only when error is none
    FetchError error = FetchError::none;
    std::string error_message; ///< libcurl's words, for logs
    /// Headers of the final response, names lower-cased, in arrival order.
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body; ///< content-decoded body (empty for 304, HEAD, errors)
    std::string request_header_bytes;  ///< the last request's header block (capture only)
    std::string response_header_bytes; ///< the final response's header block (capture only)
    std::string remote_ip;
    int redirects = 0;
    bool cut_at_limit = false; ///< the body is the first FetchRequest::keep_head bytes only
    std::size_t wire_bytes = 0; ///< body bytes as transferred (before decoding)
    std::chrono::steady_clock::time_point started;
    std::chrono::steady_clock::time_point finished;
    std::chrono::system_clock::time_point started_wall; ///< for WARC-Date and fetched_at

    /// The first header of that (lower-case) name, if any.
    std::optional<std::string> header(std::string_view lower_name) const;
    /// The Content-Type header or "".
    std::string content_type() const { return header("content-type").value_or(""); }
};

/// Runs HTTP transfers. Implementations are driven by one thread: start() queues a transfer,
/// poll() makes progress and hands back the finished ones. Not thread-safe, but for wake().
class Fetcher {
public:
    virtual ~Fetcher() = default;
    /// Begins a transfer now (no politeness here: the caller decides when).
    virtual void start(FetchRequest request) = 0;
    /// Waits at most `wait` for activity, then returns every transfer that finished.
    virtual std::vector<FetchResult> poll(std::chrono::milliseconds wait) = 0;
    /// Transfers started and not yet returned by poll().
    virtual std::size_t active() const = 0;
    /// Abandons every running transfer; they are not returned.
    virtual void cancel_all() = 0;
    /// Makes a poll() waiting in the driving thread return now. Any thread may call it.
    virtual void wake() {}
};

/// The libcurl multi implementation: HTTP/1.1 and HTTP/2, every encoding libcurl offers,
/// keep-alive, http and https only, the limits of `options` on every transfer.
/// A CurlGlobal must be alive for the fetcher's lifetime.
/// @throws Error when libcurl cannot be set up.
std::unique_ptr<Fetcher> make_curl_fetcher(const FetcherOptions& options);

} // namespace rumorwatch
