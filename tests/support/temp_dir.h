/// \file
/// A directory under the system temp folder that is removed with everything in it.
#pragma once

#include <filesystem>
#include <string>

namespace rumorwatch::test {

/// Creates a fresh, unique directory; removes it (recursively) on destruction.
class TempDir {
public:
    explicit TempDir(const std::string& prefix = "rumorwatch-test");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    /// path() / name, as a string.
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    /// Writes `content` to path()/name and returns the full path.
    std::string write(const std::string& name, const std::string& content) const;

private:
    std::filesystem::path path_;
};

/// The source tree's root (for seeds/ and golden files).
std::filesystem::path source_dir();
/// The build tree's root (for the built `rumorwatch` binary: binary_dir()/"query/rumorwatch").
std::filesystem::path binary_dir();

} // namespace rumorwatch::test
