#include "query/cli/paths.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include <nlohmann/json.hpp>

namespace rumorwatch {
namespace {

namespace fs = std::filesystem;

std::string xdg_dir(const char* variable, const char* fallback) {
    if (const char* v = std::getenv(variable); v && *v) return v;
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/" + fallback;
}

bool path_exists(const fs::path& p) {
    std::error_code ec;
    return fs::exists(p, ec);
}

} // namespace

std::string default_db_path() { return xdg_dir("XDG_DATA_HOME", ".local/share") + "/rumorwatch/db"; }

std::string user_config_dir() { return xdg_dir("XDG_CONFIG_HOME", ".config") + "/rumorwatch"; }

std::string shipped_data_dir() {
    if (const char* v = std::getenv("RUMORWATCH_DATADIR"); v && *v) return v;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share" / "rumorwatch";
        if (path_exists(installed / "topics")) return installed.string();
    }
    return RUMORWATCH_SOURCE_SEEDS; // a binary run from its build tree
}

std::string default_config_path() {
    const std::string user = user_config_dir() + "/outlets.json";
    return path_exists(user) ? user : shipped_data_dir() + "/outlets.json";
}

std::string default_topic_path() {
    const std::string user = user_config_dir() + "/topics/apple-alibaba.json";
    return path_exists(user) ? user : shipped_data_dir() + "/topics/apple-alibaba.json";
}

} // namespace rumorwatch
