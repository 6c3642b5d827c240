// The lock that keeps two `cscwatch update` runs (a timer firing while a slow
// run is still going, or a person running it by hand) from overlapping: an
// flock(2) on a file beside the register. The kernel releases it when the
// process ends, however it ends, so a crashed run never leaves it stuck.
#pragma once

#include <string>

#include "domain/result.h"

namespace cscwatch {

class UpdateLock {
 public:
  // Takes the lock without waiting; the error names the lock file and says
  // another run holds it (or why the file cannot be opened).
  static Result<UpdateLock> acquire(const std::string& lock_path);
  // The lock file of a register: "<register>.update.lock".
  static std::string path_for(const std::string& register_path);

  UpdateLock(UpdateLock&& other) noexcept;
  UpdateLock& operator=(UpdateLock&& other) noexcept;
  UpdateLock(const UpdateLock&) = delete;
  UpdateLock& operator=(const UpdateLock&) = delete;
  ~UpdateLock();

 private:
  explicit UpdateLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace cscwatch
