// A file that takes long to make (a register ingested from the whole corpus)
// made once and then reused: CTest runs each test in its own process, and
// several start at once (ctest -j), so one process makes it under a lock while
// the others wait, and then every one reads the same file.
#pragma once

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>

namespace cscwatch::testing {

// Holds an exclusive lock on `file` (created if needed) while it lives.
class FileLock {
 public:
  explicit FileLock(const std::filesystem::path& file) : fd_(::open(file.c_str(), O_CREAT | O_RDWR, 0644)) {
    if (fd_ < 0) throw std::runtime_error("cannot create lock file " + file.string());
    ::flock(fd_, LOCK_EX);
  }
  ~FileLock() {
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

// dir/name, made by `make` (given a path of its own to write, renamed to
// dir/name when it returns) when it is not there yet. A SQLite register is
// checkpointed by `make` and its -wal and -shm files left behind are removed.
inline std::string built_once(const std::filesystem::path& dir, const std::string& name,
                              const std::function<void(const std::string& path)>& make) {
  namespace fs = std::filesystem;
  fs::create_directories(dir);
  const fs::path file = dir / name;
  FileLock lock(dir / (name + ".lock"));
  if (!fs::exists(file)) {
    const std::string building = (dir / ("building-" + std::to_string(::getpid()) + "-" + name)).string();
    make(building);
    fs::remove(building + "-wal");
    fs::remove(building + "-shm");
    fs::rename(building, file);
  }
  return file.string();
}

}  // namespace cscwatch::testing
