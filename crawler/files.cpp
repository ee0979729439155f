/// \file
/// Reading configuration and topic files from disk (the parsing itself is in parser/).
#include "crawler/crawler.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "crawler/config.h"
#include "parser/core/core.h"

namespace rumorwatch {

std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path + ": cannot read: " + std::strerror(errno));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw InputError(path + ": read failed: " + std::strerror(errno));
    return buffer.str();
}

CrawlConfig load_config(const std::string& path) { return parse_config(read_text_file(path), path); }

Topic load_topic(const std::string& path) { return parse_topic(read_text_file(path), path); }

} // namespace rumorwatch
