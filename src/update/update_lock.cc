#include "update/update_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace cscwatch {

Result<UpdateLock> UpdateLock::acquire(const std::string& lock_path) {
  int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Error{"cannot open the update lock " + lock_path + ": " + std::strerror(errno)};
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK)
      return Error{"another cscwatch update is running (it holds " + lock_path + "); this run did nothing"};
    return Error{"cannot lock " + lock_path + ": " + std::strerror(err)};
  }
  return UpdateLock(fd);
}

std::string UpdateLock::path_for(const std::string& register_path) { return register_path + ".update.lock"; }

UpdateLock::UpdateLock(UpdateLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

UpdateLock& UpdateLock::operator=(UpdateLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

// Closing the descriptor releases the flock.
UpdateLock::~UpdateLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace cscwatch
