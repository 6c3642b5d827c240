// Replays a libFuzzer target's kept inputs (its seeds and every crash it ever
// found, fuzz/corpus/<target>/) through LLVMFuzzerTestOneInput, without
// libFuzzer: the fuzz regressions run in every build, with gcc, and under the
// sanitizers in the sanitizer build. Exploring new inputs needs clang's
// libFuzzer (fuzz/CMakeLists.txt).
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

int replay(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "fuzz replay: cannot read %s\n", file.c_str());
    return 1;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  int inputs = 0, failures = 0;
  for (int i = 1; i < argc; ++i) {
    std::vector<fs::path> files;
    if (fs::is_directory(argv[i])) {
      for (const auto& entry : fs::recursive_directory_iterator(argv[i]))
        if (entry.is_regular_file()) files.push_back(entry.path());
    } else {
      files.emplace_back(argv[i]);
    }
    for (const auto& file : files) {
      ++inputs;
      failures += replay(file);
    }
  }
  std::printf("fuzz replay: %d inputs, %d unreadable\n", inputs, failures);
  return inputs > 0 && failures == 0 ? 0 : 1;
}
