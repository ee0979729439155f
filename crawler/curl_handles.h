/// \file
/// RAII owners for libcurl handles (easy, multi, header lists) and the global init guard.
/// Private to crawler/: it includes <curl/curl.h>, so no other folder may include it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <curl/curl.h>

namespace rumorwatch {

/// Calls curl_global_init on construction and curl_global_cleanup on destruction.
/// Construct one before any other curl use and while no other thread is running
/// (libcurl's rule); nested guards are counted, so a library may hold its own.
class CurlGlobal {
public:
    /// @throws Error when libcurl cannot initialise.
    CurlGlobal();
    ~CurlGlobal();
    CurlGlobal(const CurlGlobal&) = delete;
    CurlGlobal& operator=(const CurlGlobal&) = delete;
};

struct CurlEasyDeleter {
    void operator()(CURL* handle) const noexcept { curl_easy_cleanup(handle); }
};
struct CurlMultiDeleter {
    void operator()(CURLM* handle) const noexcept { curl_multi_cleanup(handle); }
};
struct CurlSlistDeleter {
    void operator()(curl_slist* list) const noexcept { curl_slist_free_all(list); }
};

/// An owned easy handle.
using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;
/// An owned multi handle. Remove every easy handle from it before destroying those.
using CurlMulti = std::unique_ptr<CURLM, CurlMultiDeleter>;

/// An owned curl_slist built from strings; libcurl keeps pointing at it while a transfer
/// that uses it runs, so it must outlive that transfer.
class CurlSlist {
public:
    CurlSlist() = default;
    explicit CurlSlist(const std::vector<std::string>& items);
    /// Appends one entry. @throws Error when out of memory.
    void append(const std::string& item);
    /// The list to hand to curl_easy_setopt; null when empty (which libcurl accepts).
    curl_slist* get() const noexcept { return list_.get(); }

private:
    std::unique_ptr<curl_slist, CurlSlistDeleter> list_;
};

/// A new easy handle. @throws Error when libcurl cannot make one.
CurlEasy make_curl_easy();
/// A new multi handle. @throws Error when libcurl cannot make one.
CurlMulti make_curl_multi();

} // namespace rumorwatch
