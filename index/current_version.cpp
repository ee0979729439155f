/// \file
/// current_version: the public face of the version entries kept in document data.
#include "index/index.h"

#include "index/record_codec.h"

namespace rumorwatch {

ArticleVersion current_version(const StoredArticle& article) { return index_detail::version_entry(article); }

} // namespace rumorwatch
