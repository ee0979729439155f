/// \file
/// The libcurl multi fetcher: many transfers on one thread, one context per transfer
/// (CURLOPT_PRIVATE), explicit limits on every transfer.
#include "crawler/fetcher.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include <sys/socket.h>

#include <nlohmann/json.hpp>

#include "crawler/curl_handles.h"
#include "crawler/net_address.h"
#include "parser/core/core.h"

namespace rumorwatch {

std::string_view to_string(FetchError error) {
    switch (error) {
    case FetchError::none: return "none";
    case FetchError::dns: return "dns";
    case FetchError::connect: return "connect";
    case FetchError::timeout: return "timeout";
    case FetchError::reset: return "reset";
    case FetchError::truncated: return "truncated";
    case FetchError::too_large: return "too_large";
    case FetchError::too_many_redirects: return "too_many_redirects";
    case FetchError::bad_protocol: return "bad_protocol";
    case FetchError::out_of_scope: return "out_of_scope";
    case FetchError::private_address: return "private_address";
    case FetchError::content_type: return "content_type";
    case FetchError::bad_encoding: return "bad_encoding";
    case FetchError::bad_response: return "bad_response";
    case FetchError::other: return "other";
    }
    return "other";
}

namespace {

} // namespace

bool is_parsable_content_type(std::string_view content_type) {
    const std::string type = text::to_lower_ascii(text::trim(content_type.substr(0, content_type.find(';'))));
    // No Content-Type at all: let the parser sniff it, as browsers do.
    if (type.empty()) return true;
    static constexpr std::string_view kTypes[] = {
        "text/html",           "application/xhtml+xml", "text/xml",
        "application/xml",     "application/rss+xml",   "application/atom+xml",
        "application/rdf+xml", "application/x-rss+xml", "application/feed+json",
    };
    if (std::find(std::begin(kTypes), std::end(kTypes), type) != std::end(kTypes)) return true;
    // Vendor XML types ("application/vnd.foo+xml") are XML too.
    return type.ends_with("+xml");
}

std::optional<std::string> FetchResult::header(std::string_view lower_name) const {
    for (const auto& [name, value] : headers)
        if (name == lower_name) return value;
    return std::nullopt;
}

namespace {

/// Everything one transfer needs while it runs; its address is the CURLOPT_PRIVATE.
struct Transfer {
    FetchRequest request;
    FetchResult result;
    CurlEasy easy;
    CurlSlist request_headers;
    std::size_t max_body = 0;
    bool capture = false;
    bool checked_type = false;
    bool over_size = false;
    bool wrong_type = false;
    int hops = 0; ///< redirects followed to reach this request
    bool cut = false; ///< stopped at max_body on purpose (FetchRequest::keep_head)
    const AddressGuard* guard = nullptr;
    bool refused_address = false; ///< a connection to a non-public address was refused
    char error_buffer[CURL_ERROR_SIZE] = {};
};

FetchError classify(CURLcode code, const Transfer& t) {
    switch (code) {
    case CURLE_OK: return FetchError::none;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY: return FetchError::dns;
    case CURLE_COULDNT_CONNECT: return t.refused_address ? FetchError::private_address : FetchError::connect;
    case CURLE_OPERATION_TIMEDOUT: return FetchError::timeout;
    case CURLE_FILESIZE_EXCEEDED: return FetchError::too_large;
    case CURLE_WRITE_ERROR:
        if (t.cut) return FetchError::none;
        if (t.over_size) return FetchError::too_large;
        if (t.wrong_type) return FetchError::content_type;
        return FetchError::other;
    case CURLE_TOO_MANY_REDIRECTS: return FetchError::too_many_redirects;
    case CURLE_UNSUPPORTED_PROTOCOL: return FetchError::bad_protocol;
    case CURLE_PARTIAL_FILE: return FetchError::truncated;
    case CURLE_RECV_ERROR:
        // libcurl reports broken chunked framing as a receive error; its words tell them apart.
        if (std::string_view(t.error_buffer).find("chunk") != std::string_view::npos) return FetchError::bad_response;
        return FetchError::reset;
    case CURLE_WEIRD_SERVER_REPLY: return FetchError::bad_response;
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM: return FetchError::reset;
    case CURLE_BAD_CONTENT_ENCODING: return FetchError::bad_encoding;
    default: return FetchError::other;
    }
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const size_t n = size * count;
    const std::string_view line(data, n);
    // Each response (a redirect hop, a 100 Continue) starts with a status line: only the
    // final response's headers are kept.
    if (line.starts_with("HTTP/")) {
        t->result.headers.clear();
        t->result.response_header_bytes.clear();
    }
    if (t->capture) t->result.response_header_bytes.append(line);
    const auto colon = line.find(':');
    if (colon != std::string_view::npos && !line.starts_with("HTTP/"))
        t->result.headers.emplace_back(text::to_lower_ascii(text::trim(line.substr(0, colon))),
                                       std::string(text::trim(line.substr(colon + 1))));
    return n;
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const size_t n = size * count;
    long status = 0;
    curl_easy_getinfo(t->easy.get(), CURLINFO_RESPONSE_CODE, &status);
    // Error pages are not parsed: their bodies are skipped (still bounded by the limits).
    if (status < 200 || status >= 300) return n;
    if (!t->checked_type) {
        t->checked_type = true;
        if (!t->request.any_content_type) {
            const char* type = nullptr;
            curl_easy_getinfo(t->easy.get(), CURLINFO_CONTENT_TYPE, &type);
            if (!is_parsable_content_type(type ? type : "")) {
                t->wrong_type = true;
                return 0; // aborts the transfer with CURLE_WRITE_ERROR
            }
        }
    }
    // Counted after decoding, so a small compressed body cannot expand without bound.
    if (t->result.body.size() + n > t->max_body) {
        if (t->request.keep_head) {
            t->result.body.append(data, t->max_body - t->result.body.size());
            t->cut = true;
        } else {
            t->over_size = true;
        }
        return 0;
    }
    t->result.body.append(data, n);
    return n;
}

/// Every socket libcurl opens passes here, after name resolution (and CONNECT_TO): the one
/// place where the address is known for sure, so the private-address guard lives here.
curl_socket_t on_open_socket(void* user, curlsocktype, curl_sockaddr* address) {
    auto* t = static_cast<Transfer*>(user);
    if (!t->guard->allows(&address->addr)) {
        t->refused_address = true;
        return CURL_SOCKET_BAD;
    }
    return ::socket(address->family, address->socktype, address->protocol);
}

int on_debug(CURL*, curl_infotype type, char* data, size_t size, void* user) {
    if (type == CURLINFO_HEADER_OUT) {
        auto* t = static_cast<Transfer*>(user);
        // A new request (after a redirect) replaces the previous one's header block.
        const std::string_view block(data, size);
        if (block.find(" HTTP/") != std::string_view::npos &&
            (block.starts_with("GET ") || block.starts_with("HEAD ")))
            t->result.request_header_bytes.clear();
        t->result.request_header_bytes.append(block);
    }
    return 0;
}

class CurlFetcher final : public Fetcher {
public:
    explicit CurlFetcher(const FetcherOptions& options)
        : options_(options), multi_(make_curl_multi()), connect_to_(options.connect_to),
          guard_(options.allow_non_public_addresses, options.connect_to) {
        curl_multi_setopt(multi_.get(), CURLMOPT_MAX_TOTAL_CONNECTIONS,
                          static_cast<long>(options.max_total_connections));
        curl_multi_setopt(multi_.get(), CURLMOPT_MAX_HOST_CONNECTIONS,
                          static_cast<long>(options.max_host_connections));
        curl_multi_setopt(multi_.get(), CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
    }

    ~CurlFetcher() override { cancel_all(); }

    void start(FetchRequest request) override {
        auto t = std::make_unique<Transfer>();
        t->request = std::move(request);
        t->result.id = t->request.id;
        t->result.url = t->request.url;
        t->result.started = std::chrono::steady_clock::now();
        t->result.started_wall = std::chrono::system_clock::now();
        t->max_body = t->request.keep_head ? std::min(t->request.keep_head, options_.limits.max_body_bytes)
                                           : options_.limits.max_body_bytes;
        t->capture = options_.capture_headers;
        t->easy = make_curl_easy();
        configure(*t);
        CURL* easy = t->easy.get();
        if (const CURLMcode rc = curl_multi_add_handle(multi_.get(), easy); rc != CURLM_OK)
            throw Error(std::string("libcurl refused a transfer: ") + curl_multi_strerror(rc));
        running_.emplace(easy, std::move(t));
    }

    std::vector<FetchResult> poll(std::chrono::milliseconds wait) override {
        int still_running = 0;
        curl_multi_perform(multi_.get(), &still_running);
        std::vector<FetchResult> done = collect();
        if (done.empty() && wait.count() > 0) {
            curl_multi_poll(multi_.get(), nullptr, 0, static_cast<int>(wait.count()), nullptr);
            curl_multi_perform(multi_.get(), &still_running);
            done = collect();
        }
        return done;
    }

    std::size_t active() const override { return running_.size(); }

    void wake() override { curl_multi_wakeup(multi_.get()); }

    void cancel_all() override {
        for (auto& [easy, t] : running_) curl_multi_remove_handle(multi_.get(), easy);
        running_.clear();
    }

private:
    void configure(Transfer& t) {
        CURL* h = t.easy.get();
        const FetchLimits& l = options_.limits;
        curl_easy_setopt(h, CURLOPT_URL, t.request.url.c_str());
        curl_easy_setopt(h, CURLOPT_PRIVATE, &t);
        curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(h, CURLOPT_ERRORBUFFER, t.error_buffer);
        curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
        // Redirects are followed here, not by libcurl, so each target is vetted (scheme,
        // the caller's scope) before a single byte is sent to it.
        curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
        curl_easy_setopt(h, CURLOPT_USERAGENT, options_.user_agent.c_str());
        // "" offers every encoding this libcurl decodes (gzip, deflate, br, zstd).
        curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
        curl_easy_setopt(h, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
        curl_easy_setopt(h, CURLOPT_PIPEWAIT, 1L);
        curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
        curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(l.connect_timeout.count()));
        curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(l.total_timeout.count()));
        curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, l.low_speed_bytes_per_second);
        curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, static_cast<long>(l.low_speed_time.count()));
        // Refuses early when Content-Length announces too much; on_body enforces it otherwise.
        if (!t.request.keep_head)
            curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(l.max_body_bytes));
        if (connect_to_.get()) curl_easy_setopt(h, CURLOPT_CONNECT_TO, connect_to_.get());
        t.guard = &guard_;
        curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
        curl_easy_setopt(h, CURLOPT_OPENSOCKETDATA, &t);

        t.request_headers.append(t.request.any_content_type
                                     ? "Accept: */*"
                                     : "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,"
                                       "application/rss+xml,application/atom+xml,*/*;q=0.1");
        if (!t.request.if_none_match.empty())
            t.request_headers.append("If-None-Match: " + t.request.if_none_match);
        if (!t.request.if_modified_since.empty())
            t.request_headers.append("If-Modified-Since: " + t.request.if_modified_since);
        curl_easy_setopt(h, CURLOPT_HTTPHEADER, t.request_headers.get());

        curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
        curl_easy_setopt(h, CURLOPT_HEADERDATA, &t);
        curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(h, CURLOPT_WRITEDATA, &t);
        if (t.capture) {
            // The request's header bytes only reach us through the debug callback.
            curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, on_debug);
            curl_easy_setopt(h, CURLOPT_DEBUGDATA, &t);
            curl_easy_setopt(h, CURLOPT_VERBOSE, 1L);
        }
    }

    std::vector<FetchResult> collect() {
        std::vector<FetchResult> done;
        int left = 0;
        while (CURLMsg* msg = curl_multi_info_read(multi_.get(), &left)) {
            if (msg->msg != CURLMSG_DONE) continue;
            CURL* easy = msg->easy_handle;
            const CURLcode code = msg->data.result;
            const auto it = running_.find(easy);
            if (it == running_.end()) continue;
            Transfer& t = *it->second;
            finish(t, code);
            curl_multi_remove_handle(multi_.get(), easy);
            if (std::optional<std::string> target = redirect_target(t); target && !refuse_redirect(t, *target))
                follow(t, std::move(*target));
            else
                done.push_back(std::move(t.result));
            running_.erase(it);
        }
        for (auto& [easy, next] : pending_) running_.emplace(easy, std::move(next));
        pending_.clear();
        return done;
    }

    /// The absolute target of a redirect response, if this result is one with a Location.
    static std::optional<std::string> redirect_target(Transfer& t) {
        const int s = t.result.http_status;
        if (t.result.error != FetchError::none || !(s == 301 || s == 302 || s == 303 || s == 307 || s == 308))
            return std::nullopt;
        const char* location = nullptr;
        if (curl_easy_getinfo(t.easy.get(), CURLINFO_REDIRECT_URL, &location) != CURLE_OK || !location)
            return std::nullopt;
        return std::string(location);
    }

    /// Sets the error on `t.result` and returns true when the redirect must not be followed.
    bool refuse_redirect(Transfer& t, const std::string& target) const {
        FetchResult& r = t.result;
        const auto parsed = parse_url(target);
        if (!parsed || !is_http_scheme(parsed->scheme)) {
            r.error = FetchError::bad_protocol;
            r.error_message = "redirect to a URL that is not http or https: " + target.substr(0, 200);
        } else if (t.hops >= options_.limits.max_redirects) {
            r.error = FetchError::too_many_redirects;
            r.error_message = "more than " + std::to_string(options_.limits.max_redirects) + " redirects";
        } else if (t.request.vet_redirect) {
            std::string why = t.request.vet_redirect(target);
            if (why.empty()) return false;
            r.error = FetchError::out_of_scope;
            r.error_message = std::move(why);
        } else {
            return false;
        }
        r.final_url = target;
        r.body.clear();
        return true;
    }

    /// Replaces `t` by a transfer of `target` that keeps the request's tag, its first URL,
    /// its start time and the redirect count. Conditional headers belong to the first URL.
    void follow(Transfer& t, std::string target) {
        FetchRequest request = t.request;
        request.url = std::move(target);
        request.if_none_match.clear();
        request.if_modified_since.clear();
        const FetchResult& before = t.result;
        auto next = std::make_unique<Transfer>();
        next->request = std::move(request);
        next->result.id = before.id;
        next->result.url = before.url;
        next->result.started = before.started;
        next->result.started_wall = before.started_wall;
        next->hops = t.hops + 1;
        next->max_body = t.max_body;
        next->capture = t.capture;
        next->easy = make_curl_easy();
        configure(*next);
        CURL* easy = next->easy.get();
        if (const CURLMcode rc = curl_multi_add_handle(multi_.get(), easy); rc != CURLM_OK)
            throw Error(std::string("libcurl refused a transfer: ") + curl_multi_strerror(rc));
        pending_.emplace_back(easy, std::move(next));
    }

    static void finish(Transfer& t, CURLcode code) {
        CURL* h = t.easy.get();
        FetchResult& r = t.result;
        r.finished = std::chrono::steady_clock::now();
        long status = 0;
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
        r.http_status = static_cast<int>(status);
        r.error = classify(code, t);
        r.cut_at_limit = t.cut;
        if (r.error == FetchError::private_address) {
            r.error_message = "refused to connect to a non-public address no --connect-to mapping names "
                              "(--allow-private-addresses allows all)";
            r.body.clear();
        } else if (r.error != FetchError::none) {
            r.error_message = t.error_buffer[0] ? t.error_buffer : curl_easy_strerror(code);
            r.body.clear();
        }
        if (const char* url = nullptr; curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &url) == CURLE_OK && url)
            r.final_url = url;
        else
            r.final_url = r.url;
        r.redirects = t.hops;
        if (const char* ip = nullptr; curl_easy_getinfo(h, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip)
            r.remote_ip = ip;
        curl_off_t wire = 0;
        curl_easy_getinfo(h, CURLINFO_SIZE_DOWNLOAD_T, &wire);
        r.wire_bytes = static_cast<std::size_t>(wire);
    }

    FetcherOptions options_;
    CurlMulti multi_;
    CurlSlist connect_to_;
    AddressGuard guard_;
    // Declared after multi_ so transfers are destroyed first (cancel_all in the destructor
    // removes them from the multi handle before either goes).
    std::unordered_map<CURL*, std::unique_ptr<Transfer>> running_;
    /// Redirect hops started during collect(), moved into running_ once it is done.
    std::vector<std::pair<CURL*, std::unique_ptr<Transfer>>> pending_;
};

} // namespace

std::unique_ptr<Fetcher> make_curl_fetcher(const FetcherOptions& options) {
    return std::make_unique<CurlFetcher>(options);
}

} // namespace rumorwatch
