/// \file
/// The TestServer fixture end to end: real libcurl against rwserve.py on loopback.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <curl/curl.h>

#include <nlohmann/json.hpp>

#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

using namespace rumorwatch::test;

namespace {

struct Response {
    long status = 0;
    std::string body;
    std::vector<std::string> headers;
    CURLcode code = CURLE_OK;

    std::string header(const std::string& name) const {
        for (const auto& line : headers) {
            if (line.size() > name.size() && line[name.size()] == ':' &&
                strncasecmp(line.c_str(), name.c_str(), name.size()) == 0) {
                auto value = line.substr(name.size() + 1);
                while (!value.empty() && (value.front() == ' ')) value.erase(0, 1);
                while (!value.empty() && (value.back() == '\r' || value.back() == '\n'))
                    value.pop_back();
                return value;
            }
        }
        return {};
    }
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
    static_cast<Response*>(user)->body.append(data, size * count);
    return size * count;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
    static_cast<Response*>(user)->headers.emplace_back(data, size * count);
    return size * count;
}

struct CurlSlistDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
struct CurlEasyDeleter {
    void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
};

/// One GET through libcurl easy, with CONNECT_TO entries and extra request headers.
Response fetch(const std::string& url, const std::vector<std::string>& connect_to,
               const std::vector<std::string>& request_headers = {}) {
    std::unique_ptr<CURL, CurlEasyDeleter> easy(curl_easy_init());
    REQUIRE(easy);
    std::unique_ptr<curl_slist, CurlSlistDeleter> connect_list, header_list;
    for (const auto& entry : connect_to)
        connect_list.reset(curl_slist_append(connect_list.release(), entry.c_str()));
    for (const auto& h : request_headers)
        header_list.reset(curl_slist_append(header_list.release(), h.c_str()));
    Response response;
    curl_easy_setopt(easy.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(easy.get(), CURLOPT_CONNECT_TO, connect_list.get());
    curl_easy_setopt(easy.get(), CURLOPT_HTTPHEADER, header_list.get());
    curl_easy_setopt(easy.get(), CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(easy.get(), CURLOPT_WRITEDATA, &response);
    curl_easy_setopt(easy.get(), CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(easy.get(), CURLOPT_HEADERDATA, &response);
    curl_easy_setopt(easy.get(), CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(easy.get(), CURLOPT_USERAGENT, "rumorwatch-test/1");
    curl_easy_setopt(easy.get(), CURLOPT_TIMEOUT_MS, 10000L);
    curl_easy_setopt(easy.get(), CURLOPT_NOSIGNAL, 1L);
    response.code = curl_easy_perform(easy.get());
    curl_easy_getinfo(easy.get(), CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

/// Two virtual hosts and a phase-2 overlay that edits one page.
struct World {
    TempDir dir{"rumorwatch-world"};
    World() {
        dir.write("site/www.alpha.example/index.html", "<html><body>alpha home</body></html>");
        dir.write("site/www.alpha.example/news/story.html", "<html><body>first version</body></html>");
        dir.write("site/www.beta.example/robots.txt", "User-agent: *\nDisallow: /private/\n");
        dir.write("phase2/www.alpha.example/news/story.html", "<html><body>edited version</body></html>");
    }
    TestServerOptions options() const {
        TestServerOptions o;
        o.root = dir.path() / "site";
        o.overlay = dir.path() / "phase2";
        o.binds = {"127.0.0.1", "127.0.0.2"};
        return o;
    }
};

} // namespace

TEST_CASE("test server: virtual hosts over CONNECT_TO, logged per bind address", "[crawler][server]") {
    World world;
    TestServer server(world.options());
    REQUIRE(server.port() > 0);

    const auto home = fetch("http://www.alpha.example/", {server.connect_to()});
    CHECK(home.code == CURLE_OK);
    CHECK(home.status == 200);
    CHECK(home.body == "<html><body>alpha home</body></html>");
    CHECK(home.header("Content-Type") == "text/html");

    // The per-host variant sends beta to the second loopback address.
    const auto robots = fetch("http://www.beta.example/robots.txt",
                              {server.connect_to("www.beta.example", "127.0.0.2")});
    CHECK(robots.status == 200);
    CHECK(robots.header("Content-Type") == "text/plain");

    const auto missing = fetch("http://www.alpha.example/nope", {server.connect_to()});
    CHECK(missing.status == 404);

    const auto log = server.wait_for_requests(3);
    REQUIRE(log.size() == 3);
    CHECK(log[0].host == "www.alpha.example");
    CHECK(log[0].local == "127.0.0.1");
    CHECK(log[0].path == "/");
    CHECK(log[0].user_agent == "rumorwatch-test/1");
    CHECK(log[0].gzip);  // CURLOPT_ACCEPT_ENCODING "" offers gzip
    CHECK(log[1].host == "www.beta.example");
    CHECK(log[1].local == "127.0.0.2");
    CHECK(log[2].status == 404);
}

TEST_CASE("test server: conditional GET gives 304 and is logged as conditional", "[crawler][server]") {
    World world;
    TestServer server(world.options());
    const auto first = fetch("http://www.alpha.example/news/story", {server.connect_to()});
    REQUIRE(first.status == 200);
    const auto etag = first.header("ETag");
    const auto modified = first.header("Last-Modified");
    REQUIRE_FALSE(etag.empty());
    REQUIRE_FALSE(modified.empty());

    const auto by_etag = fetch("http://www.alpha.example/news/story", {server.connect_to()},
                               {"If-None-Match: " + etag});
    CHECK(by_etag.status == 304);
    CHECK(by_etag.body.empty());
    const auto by_date = fetch("http://www.alpha.example/news/story", {server.connect_to()},
                               {"If-Modified-Since: " + modified});
    CHECK(by_date.status == 304);

    auto log = server.wait_for_requests(3);
    REQUIRE(log.size() == 3);
    // Each line is written once its response is sent, so a request's line can land before
    // that of the one answered just before it: read them in the order they were received.
    std::stable_sort(log.begin(), log.end(), [](const auto& a, const auto& b) { return a.time < b.time; });
    CHECK_FALSE(log[0].conditional);
    CHECK(log[1].conditional);
    CHECK(log[1].status == 304);
    CHECK(log[1].bytes == 0);
}

TEST_CASE("test server: faults, latency and phase switch at run time", "[crawler][server]") {
    World world;
    TestServer server(world.options());
    const std::string story = "http://www.alpha.example/news/story";

    server.set_faults(nlohmann::json::parse(R"([
        {"path": "^/news/", "mode": "status503", "retry_after": 7, "times": 1}
    ])"));
    const auto unavailable = fetch(story, {server.connect_to()});
    CHECK(unavailable.status == 503);
    CHECK(unavailable.header("Retry-After") == "7");
    const auto recovered = fetch(story, {server.connect_to()});
    CHECK(recovered.status == 200);
    CHECK(recovered.body == "<html><body>first version</body></html>");

    server.set_faults(nlohmann::json::parse(R"([{"path": "^/news/", "mode": "reset"}])"));
    const auto reset = fetch(story, {server.connect_to()});
    CHECK(reset.code != CURLE_OK);
    server.set_faults(nlohmann::json::array());

    server.set_phase(2);
    const auto edited = fetch(story, {server.connect_to()});
    CHECK(edited.body == "<html><body>edited version</body></html>");
    CHECK(edited.header("ETag") != recovered.header("ETag"));

    server.set_latency_ms(300);
    const auto start = std::chrono::steady_clock::now();
    const auto slow = fetch("http://www.alpha.example/", {server.connect_to()});
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(slow.status == 200);
    CHECK(elapsed >= std::chrono::milliseconds(300));

    const auto log = server.wait_for_requests(5);
    REQUIRE(log.size() == 5);
    CHECK(log[0].fault == "status503");
    CHECK(log[1].fault.empty());
    CHECK(log[2].fault == "reset");
    CHECK(log[3].phase == 2);
}

TEST_CASE("test server: a missing root fails fast with the server's message", "[crawler][server]") {
    TestServerOptions options;
    options.root = "/nonexistent/rumorwatch-root";
    try {
        TestServer server(options);
        FAIL("the server started without a root");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("not a directory") != std::string::npos);
    }
}
