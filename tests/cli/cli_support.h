// Helpers for end-to-end tests that drive the cscwatch binary.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace cscwatch::testing {

inline const std::string kDataDir = CSCWATCH_DATA_DIR;
inline const std::string kBinary = CSCWATCH_BINARY;

inline bool corpus_available() { return std::filesystem::exists(kDataDir + "/corpus/pdf"); }

// A fresh temporary folder, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs the cscwatch binary with `args` (no shell), capturing its output.
RunResult run_cscwatch(const std::vector<std::string>& args);

// Runs a command line through /bin/sh; returns its exit status.
int run_shell(const std::string& command);

// A minimal valid one-page PDF showing `lines` of text (Helvetica), for
// documents the corpus does not have (an unknown authority, a non-report).
// Text after a tab is drawn as a second column on the same line.
std::string make_text_pdf(const std::vector<std::string>& lines);

void write_file(const std::string& path, const std::string& bytes);

// Copies these corpus reports (names in corpus/pdf) into dir/in, made for
// them: a folder to ingest that the test may write to, unlike the corpus.
void copy_corpus_reports(const TempDir& dir, const std::vector<std::string>& files);

// The corpus ingested by the cscwatch binary, shared by every end-to-end test:
// CTest runs each test in its own process, so it is ingested once per build of
// the binary (keyed by its size and time), under a lock, into the build tree,
// and every test reads that register and the ingest's output. Call only when
// corpus_available().
struct CorpusIngest {
  std::string db;
  RunResult ingest;
};
const CorpusIngest& corpus_register();
std::string read_file(const std::string& path);

}  // namespace cscwatch::testing
