/// \file
/// A small fixed news corpus (English and Chinese, every status, syndicated copies, noise)
/// for index and query tests, and builders for ArticleRecord values.
#pragma once

#include <string>
#include <vector>

#include "index/index.h"

namespace rumorwatch::test {

/// One article to put in a test index; `slug` names it in expected result lists.
struct CorpusArticle {
    std::string slug;
    ArticleRecord record;
};

/// A record with the fields search cares about; the URL is https://OUTLET.example/SLUG.
/// `published` is "YYYY-MM-DD" or empty (no date: the first-seen time is used).
ArticleRecord make_record(const std::string& slug, const std::string& outlet, const std::string& language,
                          const std::string& published, const std::string& title, const std::string& text,
                          RumorStatus status, const std::vector<std::string>& entities = {},
                          const std::vector<std::string>& sources = {}, const std::string& dup_group = "");

/// The fixed corpus: 12 articles, see news_corpus.cpp for the list.
std::vector<CorpusArticle> small_news_corpus();

/// The slug of a record built by make_record (the last path segment of its URL).
std::string slug_of(const ArticleRecord& record);

/// Writes `articles` into a new database at `path` with the topic of the corpus, committed.
void build_index(const std::string& path, const std::vector<CorpusArticle>& articles);

/// The topic of the corpus: apple and alibaba with their aliases in English and Chinese.
Topic corpus_topic();

} // namespace rumorwatch::test
