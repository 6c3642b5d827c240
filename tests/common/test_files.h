// Files for tests: a whole file's bytes, and a scratch folder of the test's own.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace cscwatch::testing {

// The file's bytes; empty if it cannot be read.
inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A temporary folder named for the process and the running test
// (PREFIX-PID-TEST), emptied: tests run in parallel never share one.
inline std::filesystem::path fresh_test_dir(const std::string& prefix) {
  const auto dir =
      std::filesystem::temp_directory_path() / (prefix + "-" + std::to_string(::getpid()) + "-" +
                                                ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::remove_all(dir);
  return dir;
}

}  // namespace cscwatch::testing
