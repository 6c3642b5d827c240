#include "corpus_support.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <thread>

#include "reader/csv.h"
#include "reader/pdf_reader.h"

namespace cscwatch::testing {

namespace {

// The pages of the whole corpus take MuPDF some 20 seconds to read, and CTest
// runs each corpus test in a process of its own: the first process writes what
// it read to a cache file beside the test binary, keyed by the binary (a new
// reader is a new binary) and truth.csv, and the others read that back.
void put_string(std::ostream& out, const std::string& s) {
  const uint64_t n = s.size();
  out.write(reinterpret_cast<const char*>(&n), sizeof n);
  out.write(s.data(), static_cast<std::streamsize>(n));
}
template <typename T>
void put(std::ostream& out, T v) {
  out.write(reinterpret_cast<const char*>(&v), sizeof v);
}
bool get_string(std::istream& in, std::string& s) {
  uint64_t n = 0;
  if (!in.read(reinterpret_cast<char*>(&n), sizeof n) || n > (1u << 30)) return false;
  s.resize(n);
  return static_cast<bool>(in.read(s.data(), static_cast<std::streamsize>(n)));
}
template <typename T>
bool get(std::istream& in, T& v) {
  return static_cast<bool>(in.read(reinterpret_cast<char*>(&v), sizeof v));
}

void write_cache(const std::filesystem::path& file, const std::vector<CorpusReport>& reports) {
  const auto tmp = file.string() + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary);
    put<uint64_t>(out, reports.size());
    for (const auto& r : reports) {
      put_string(out, r.file);
      put_string(out, r.framework);
      put<uint64_t>(out, r.pages.size());
      for (const auto& page : r.pages) {
        put<int32_t>(out, page.number);
        put_string(out, page.text);
        put<uint64_t>(out, page.lines.size());
        for (const auto& line : page.lines) {
          for (float f : {line.x0, line.y0, line.x1, line.y1}) put<float>(out, f);
          put_string(out, line.text);
        }
      }
    }
    if (!out) return;
  }
  std::filesystem::rename(tmp, file);
}

bool read_cache(const std::filesystem::path& file, std::vector<CorpusReport>& reports) {
  std::ifstream in(file, std::ios::binary);
  uint64_t n = 0;
  if (!in || !get(in, n)) return false;
  reports.assign(n, {});
  for (auto& r : reports) {
    uint64_t pages = 0;
    if (!get_string(in, r.file) || !get_string(in, r.framework) || !get(in, pages)) return false;
    r.pages.resize(pages);
    for (auto& page : r.pages) {
      int32_t number = 0;
      uint64_t lines = 0;
      if (!get(in, number) || !get_string(in, page.text) || !get(in, lines)) return false;
      page.number = number;
      page.lines.resize(lines);
      for (auto& line : page.lines)
        if (!get(in, line.x0) || !get(in, line.y0) || !get(in, line.x1) || !get(in, line.y1) ||
            !get_string(in, line.text))
          return false;
    }
  }
  return true;
}

std::vector<CorpusReport> read_corpus() {
  namespace fs = std::filesystem;
  const fs::path data_dir = CSCWATCH_DATA_DIR;
  std::string truth_text;
  if (!read_text_file((data_dir / "corpus" / "truth.csv").string(), truth_text)) return {};
  const auto rows = parse_delimited(truth_text);
  if (rows.size() < 2) return {};
  const CsvRow& header = rows[0];
  auto col = [&](const char* name) {
    return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const size_t file = col("file"), la_name = col("la_name"), framework = col("framework");
  std::vector<CorpusReport> reports;
  for (size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].size() != header.size() || rows[i][la_name].empty()) continue;
    reports.push_back({rows[i][file], rows[i][framework], {}});
  }
  // Two threads, one PdfReader each (MuPDF contexts are per thread).
  std::atomic<size_t> next{0};
  auto worker = [&] {
    PdfReader reader;
    for (size_t i = next++; i < reports.size(); i = next++) {
      auto text = reader.read_file((data_dir / "corpus" / "pdf" / reports[i].file).string());
      if (text) reports[i].pages = std::move(text->pages);
    }
  };
  std::thread a(worker), b(worker);
  a.join();
  b.join();
  return reports;
}

std::vector<CorpusReport> load() {
  namespace fs = std::filesystem;
  const fs::path truth = fs::path(CSCWATCH_DATA_DIR) / "corpus" / "truth.csv";
  std::error_code ec;
  const fs::path binary = fs::read_symlink("/proc/self/exe", ec);
  if (ec || !fs::exists(truth)) return read_corpus();
  const fs::path dir = binary.parent_path() / "test-artifacts" / "parse";
  fs::create_directories(dir);
  auto stamp = [](const fs::path& p) {
    return std::to_string(fs::file_size(p)) + "-" + std::to_string(fs::last_write_time(p).time_since_epoch().count());
  };
  const fs::path cache = dir / ("corpus-pages-" + stamp(binary) + "-" + stamp(truth) + ".bin");
  int lock = ::open((dir / "corpus-pages.lock").c_str(), O_CREAT | O_RDWR, 0644);
  if (lock < 0) return read_corpus();
  ::flock(lock, LOCK_EX);
  std::vector<CorpusReport> reports;
  if (!read_cache(cache, reports)) {
    reports = read_corpus();
    for (const auto& old : fs::directory_iterator(dir))
      if (old.path().filename().string().rfind("corpus-pages-", 0) == 0) fs::remove(old.path(), ec);
    write_cache(cache, reports);
  }
  ::flock(lock, LOCK_UN);
  ::close(lock);
  return reports;
}

}  // namespace

const std::vector<CorpusReport>& corpus_reports() {
  static const std::vector<CorpusReport> reports = load();
  return reports;
}

std::string describe(const std::vector<ReviewItem>& items) {
  std::string out;
  for (const auto& item : items) out += "    " + item.field + ": " + item.reason + " (p." + std::to_string(item.page) + ")\n";
  return out;
}

bool flags(const std::vector<ReviewItem>& items, const std::string& field) {
  return std::any_of(items.begin(), items.end(), [&](const ReviewItem& item) { return item.field == field; });
}

}  // namespace cscwatch::testing
