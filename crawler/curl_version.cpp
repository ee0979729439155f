/// \file
/// The libcurl version in use, for `rumorwatch --version`.
#include "crawler/crawler.h"

#include <curl/curl.h>

namespace rumorwatch {

std::string libcurl_version() {
    const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
    std::string v = std::string("libcurl ") + (info && info->version ? info->version : "?");
    if (info && info->ssl_version) v += std::string(" (") + info->ssl_version + ")";
    return v;
}

} // namespace rumorwatch
