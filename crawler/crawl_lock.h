/// \file
/// One crawl per database at a time: an advisory lock on a file in the database folder.
#pragma once

#include <string>

namespace rumorwatch {

/// Holds an exclusive flock on DB/crawl.lock while alive (the kernel drops it when the
/// process dies, however it dies, so a killed crawl never leaves a stale lock).
class CrawlLock {
public:
    /// Creates the database folder if needed and takes the lock.
    /// @throws Error "another crawl (pid N) is using DB" when it is held, or when the file
    ///         cannot be created.
    explicit CrawlLock(const std::string& db_path);
    ~CrawlLock();
    CrawlLock(const CrawlLock&) = delete;
    CrawlLock& operator=(const CrawlLock&) = delete;

    const std::string& path() const { return path_; }

private:
    std::string path_;
    int fd_ = -1;
};

} // namespace rumorwatch
