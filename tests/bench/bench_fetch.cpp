/// \file
/// The fetch floor: a bare libcurl multi loop over the same URLs the crawl fetches, N
/// transfers at a time with keep-alive, bodies counted and dropped. Nothing is parsed:
/// this is what the loopback server and libcurl can deliver at all.
///
///   bench_fetch --urls FILE --connect-to HOST:PORT:ADDR:PORT [--connections 8] [--limit N]
#include <curl/curl.h>

#include <fstream>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "tests/bench/bench_util.h"

using namespace rumorwatch::bench;

namespace {

struct EasyDeleter {
    void operator()(CURL* h) const { curl_easy_cleanup(h); }
};
struct MultiDeleter {
    void operator()(CURLM* m) const { curl_multi_cleanup(m); }
};
struct SlistDeleter {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using Easy = std::unique_ptr<CURL, EasyDeleter>;

struct GlobalCurl {
    GlobalCurl() { curl_global_init(CURL_GLOBAL_DEFAULT); }
    ~GlobalCurl() { curl_global_cleanup(); }
    GlobalCurl(const GlobalCurl&) = delete;
    GlobalCurl& operator=(const GlobalCurl&) = delete;
};

std::size_t count_body(char*, std::size_t size, std::size_t n, void* user) {
    *static_cast<std::size_t*>(user) += size * n;
    return size * n;
}

} // namespace

int main(int argc, char** argv) try {
    const Args args(argc, argv);
    const std::string urls_path = args.get("urls", "bench/out/world/urls.txt");
    const long long limit = args.get_int("limit", 0);
    const int connections = static_cast<int>(args.get_int("connections", 8));
    std::ifstream in(urls_path);
    if (!in) throw std::runtime_error(urls_path + ": cannot read");
    std::vector<std::string> urls;
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && (limit == 0 || static_cast<long long>(urls.size()) < limit)) urls.push_back(line);

    GlobalCurl global;
    std::unique_ptr<curl_slist, SlistDeleter> connect_to;
    for (const auto& entry : args.all("connect-to")) connect_to.reset(curl_slist_append(connect_to.release(), entry.c_str()));
    std::unique_ptr<CURLM, MultiDeleter> multi(curl_multi_init());
    curl_multi_setopt(multi.get(), CURLMOPT_MAX_TOTAL_CONNECTIONS, static_cast<long>(connections));

    std::vector<Easy> handles;
    std::vector<std::size_t> bodies(static_cast<std::size_t>(connections), 0);
    std::size_t next = 0, done = 0, failed = 0, bytes = 0;
    auto start = [&](std::size_t slot) {
        CURL* h = handles[slot].get();
        curl_easy_setopt(h, CURLOPT_URL, urls[next++].c_str());
        curl_multi_add_handle(multi.get(), h);
    };
    for (int i = 0; i < connections; ++i) {
        Easy h(curl_easy_init());
        curl_easy_setopt(h.get(), CURLOPT_WRITEFUNCTION, count_body);
        curl_easy_setopt(h.get(), CURLOPT_WRITEDATA, &bodies[static_cast<std::size_t>(i)]);
        curl_easy_setopt(h.get(), CURLOPT_PRIVATE, reinterpret_cast<void*>(static_cast<std::intptr_t>(i)));
        curl_easy_setopt(h.get(), CURLOPT_CONNECT_TO, connect_to.get());
        curl_easy_setopt(h.get(), CURLOPT_TIMEOUT, 60L);
        curl_easy_setopt(h.get(), CURLOPT_USERAGENT, "rumorwatch-bench-fetch/1.0");
        handles.push_back(std::move(h));
    }

    const double wall0 = now_seconds(), cpu0 = cpu_seconds();
    for (int i = 0; i < connections && next < urls.size(); ++i) start(static_cast<std::size_t>(i));
    int running = 1;
    while (done < urls.size()) {
        curl_multi_perform(multi.get(), &running);
        int queued = 0;
        while (CURLMsg* msg = curl_multi_info_read(multi.get(), &queued)) {
            if (msg->msg != CURLMSG_DONE) continue;
            void* priv = nullptr;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &priv);
            const auto slot = static_cast<std::size_t>(reinterpret_cast<std::intptr_t>(priv));
            long status = 0;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_RESPONSE_CODE, &status);
            if (msg->data.result != CURLE_OK || status != 200) ++failed;
            curl_multi_remove_handle(multi.get(), msg->easy_handle);
            ++done;
            if (next < urls.size()) start(slot);
        }
        if (done < urls.size()) curl_multi_poll(multi.get(), nullptr, 0, 100, nullptr);
    }
    const double wall = now_seconds() - wall0, cpu = cpu_seconds() - cpu0;
    for (auto b : bodies) bytes += b;

    nlohmann::json report;
    report["bench"] = "fetch";
    report["urls"] = urls.size();
    report["connections"] = connections;
    report["failed"] = failed;
    report["mb"] = static_cast<double>(bytes) / 1e6;
    report["wall_seconds"] = wall;
    report["pages_per_s"] = static_cast<double>(urls.size()) / wall;
    report["mb_per_s"] = static_cast<double>(bytes) / 1e6 / wall;
    report["client_cpu_ms_per_page"] = cpu * 1000 / static_cast<double>(urls.size());
    report["peak_rss_mib"] = peak_rss_mib();
    report["load_average"] = load_average();
    return emit(report);
} catch (const std::exception& e) {
    std::cerr << "bench_fetch: error: " << e.what() << '\n';
    return 1;
}
