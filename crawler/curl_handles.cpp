/// \file
/// RAII owners for libcurl handles.
#include "crawler/curl_handles.h"

#include "parser/core/core.h"

namespace rumorwatch {

CurlGlobal::CurlGlobal() {
    // libcurl counts init/cleanup pairs itself, so nested guards are safe.
    if (const CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT); rc != CURLE_OK)
        throw Error(std::string("cannot initialise libcurl: ") + curl_easy_strerror(rc));
}

CurlGlobal::~CurlGlobal() { curl_global_cleanup(); }

CurlSlist::CurlSlist(const std::vector<std::string>& items) {
    for (const auto& item : items) append(item);
}

void CurlSlist::append(const std::string& item) {
    // curl_slist_append returns the (possibly new) head, or null leaving the old list intact.
    curl_slist* head = curl_slist_append(list_.get(), item.c_str());
    if (!head) throw Error("out of memory building a libcurl list");
    (void)list_.release();
    list_.reset(head);
}

CurlEasy make_curl_easy() {
    CurlEasy handle(curl_easy_init());
    if (!handle) throw Error("libcurl could not create a transfer handle");
    return handle;
}

CurlMulti make_curl_multi() {
    CurlMulti handle(curl_multi_init());
    if (!handle) throw Error("libcurl could not create a multi handle");
    return handle;
}

} // namespace rumorwatch
