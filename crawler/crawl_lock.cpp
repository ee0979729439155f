/// \file
/// The crawl lock file.
#include "crawler/crawl_lock.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "parser/core/core.h"

namespace rumorwatch {

CrawlLock::CrawlLock(const std::string& db_path) : path_(db_path + "/crawl.lock") {
    std::error_code ec;
    std::filesystem::create_directories(db_path, ec);
    if (ec) throw Error(db_path + ": cannot create the database folder: " + ec.message());
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw Error(path_ + ": cannot open the lock file: " + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        char buffer[32] = {};
        const ssize_t n = ::pread(fd_, buffer, sizeof buffer - 1, 0);
        ::close(fd_);
        fd_ = -1;
        if (err == EWOULDBLOCK) {
            std::string holder = n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
            while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
            throw Error("another crawl" + (holder.empty() ? std::string() : " (pid " + holder + ")") +
                        " is using " + db_path + "; wait for it to finish, or stop it first");
        }
        throw Error(path_ + ": cannot lock: " + std::strerror(err));
    }
    // The pid is for the message above; the lock itself is the flock.
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd_, 0) == 0) (void)!::pwrite(fd_, pid.data(), pid.size(), 0);
}

CrawlLock::~CrawlLock() {
    if (fd_ >= 0) ::close(fd_); // closing drops the flock
}

} // namespace rumorwatch
