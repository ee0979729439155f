#include "query/paths.h"

#include <cstdlib>
#include <filesystem>

namespace rumorwatch {
namespace {

std::string xdg_dir(const char* variable, const char* fallback) {
    if (const char* v = std::getenv(variable); v && *v) return v;
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/" + fallback;
}

} // namespace

std::string default_db_path() { return xdg_dir("XDG_DATA_HOME", ".local/share") + "/rumorwatch/db"; }

std::string default_config_path() {
    return xdg_dir("XDG_CONFIG_HOME", ".config") + "/rumorwatch/outlets.json";
}

std::string default_topic_path() {
    const std::string user = xdg_dir("XDG_CONFIG_HOME", ".config") + "/rumorwatch/topics/apple-alibaba.json";
    if (std::filesystem::exists(user)) return user;
    for (const char* candidate : {"seeds/topics/apple-alibaba.json",
                                  "/usr/local/share/rumorwatch/topics/apple-alibaba.json",
                                  "/usr/share/rumorwatch/topics/apple-alibaba.json"})
        if (std::filesystem::exists(candidate)) return candidate;
    return "seeds/topics/apple-alibaba.json";
}

} // namespace rumorwatch
