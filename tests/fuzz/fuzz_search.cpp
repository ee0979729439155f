/// \file
/// libFuzzer target: the search query path. A tiny real Xapian database is written once
/// (two articles, EN and ZH, with topic synonyms); each input is run as a query with and
/// without alias expansion. A malformed query must come out as InputError, nothing else.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "index/index.h"
#include "index/query_text.h"
#include "parser/core/errors.h"
#include "parser/core/time.h"
#include "tests/fuzz/fuzz_support.h"

using namespace rumorwatch;

namespace {

ArticleRecord make_record(const std::string& url, const std::string& title, const std::string& text,
                          const std::string& language, RumorStatus status) {
    ArticleRecord record;
    record.article.url = url;
    record.article.canonical_url = url;
    record.article.title = title;
    record.article.text = text;
    record.article.language = language;
    record.article.published = ArticleDate{from_unix(1772870400), "json-ld", true, true};
    record.analysis.topic_id = "apple-alibaba";
    record.analysis.status = status;
    record.outlet_id = "fuzz";
    record.crawled_at = from_unix(1772874000);
    record.content_hash = url;
    return record;
}

/// The temporary directory to remove at exit, in plain storage: the atexit handler runs
/// after the function-local std::string below is destroyed (it was registered first), so it
/// must not read that string (ASan found the use after free).
char cleanup_dir[4096];

/// The database directory, created once per process and removed at exit.
const std::string& database() {
    static const std::string path = [] {
        std::string dir = (std::filesystem::temp_directory_path() / "rw-fuzz-search-XXXXXX").string();
        if (dir.size() >= sizeof cleanup_dir || mkdtemp(dir.data()) == nullptr) std::abort();
        std::snprintf(cleanup_dir, sizeof cleanup_dir, "%s", dir.c_str());
        std::atexit([] {
            std::error_code ignored;
            std::filesystem::remove_all(cleanup_dir, ignored);
        });
        const std::string db = dir + "/db";
        IndexWriter writer(db);
        writer.upsert(make_record("https://a.example/1", "Apple picks Alibaba for China iPhones",
                                  "Apple will use Alibaba's Qwen models, sources said.", "en",
                                  RumorStatus::reported));
        writer.upsert(make_record("https://b.example/2", "阿里巴巴与苹果合作", "苹果确认与阿里巴巴合作。", "zh",
                                  RumorStatus::confirmed));
        Topic topic;
        topic.id = "apple-alibaba";
        topic.name = "Apple and Alibaba";
        TopicEntity alibaba;
        alibaba.id = "alibaba";
        alibaba.name = "Alibaba";
        alibaba.aliases = {"阿里巴巴", "Qwen"};
        topic.entities.push_back(alibaba);
        writer.set_topics({topic});
        writer.commit();
        return db;
    }();
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static IndexReader reader({database()});
    const std::string query(fuzz::as_view(data, size));
    for (const bool expand : {false, true}) {
        SearchRequest request;
        request.query = query;
        request.expand = expand;
        request.facets = true;
        try {
            const auto response = reader.search(request);
            for (const auto& hit : response.hits)
                fuzz::require(fuzz::valid_utf8(hit.article.record.article.title), "hit title is not UTF-8");
        } catch (const InputError&) {
            // A malformed query: the CLI prints it with a position. Expected.
        }
    }
    (void)index_detail::locate_syntax_error(query);
    (void)index_detail::expand_aliases(query, {{"Alibaba", "阿里巴巴", "Qwen"}, {"Apple", "苹果"}});
    return 0;
}
