#include "cli/cli_support.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "common/built_once.h"
#include "common/pdf_file.h"

namespace cscwatch::testing {

TempDir::TempDir() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() / ("cscwatch-test-" + std::to_string(rd()) + std::to_string(::getpid()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}


RunResult run_cscwatch(const std::vector<std::string>& args) {
  TempDir tmp;
  std::string out_path = tmp.file("out"), err_path = tmp.file("err");
  pid_t pid = ::fork();
  if (pid == 0) {
    int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(out, 1);
    ::dup2(err, 2);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(kBinary.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(kBinary.c_str(), argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  RunResult r;
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  return r;
}

int run_shell(const std::string& command) {
  int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string make_text_pdf(const std::vector<std::string>& lines) {
  std::ostringstream content;
  // Each line on its own baseline, 14 points apart; text after a tab is a
  // second column at x = 380 on the same baseline (a table's grade cell).
  auto show = [&content](std::string_view text) {
    content << "(";
    for (char c : text) {
      if (c == '(' || c == ')' || c == '\\') content << '\\';
      content << c;
    }
    content << ") Tj\n";
  };
  content << "BT /F1 11 Tf\n";
  int y = 780;
  for (const auto& line : lines) {
    const size_t tab = line.find('\t');
    content << "1 0 0 1 56 " << y << " Tm\n";
    show(std::string_view(line).substr(0, tab));
    if (tab != std::string::npos) {
      content << "1 0 0 1 380 " << y << " Tm\n";
      show(std::string_view(line).substr(tab + 1));
    }
    y -= 14;
  }
  content << "ET\n";
  std::string stream = content.str();
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
      "/Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      "<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "endstream",
  };
  return assemble_pdf(objects);
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

void copy_corpus_reports(const TempDir& dir, const std::vector<std::string>& files) {
  std::filesystem::create_directories(dir.file("in"));
  for (const auto& f : files) std::filesystem::copy_file(kDataDir + "/corpus/pdf/" + f, dir.file("in/" + f));
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const CorpusIngest& corpus_register() {
  static const CorpusIngest corpus = [] {
    namespace fs = std::filesystem;
    CorpusIngest c;
    const fs::path binary(kBinary);
    const fs::path dir = binary.parent_path() / "test-artifacts" / "cli";
    fs::create_directories(dir);
    const auto stamp = std::to_string(fs::file_size(binary)) + "-" +
                       std::to_string(fs::last_write_time(binary).time_since_epoch().count());
    const fs::path base = dir / ("corpus-" + stamp);
    c.db = base.string() + ".db";
    FileLock lock(dir / "corpus.lock");
    if (!fs::exists(base.string() + ".status")) {
      for (const auto& old : fs::directory_iterator(dir))
        if (old.path().filename().string().rfind("corpus-", 0) == 0) fs::remove(old.path());
      RunResult r = run_cscwatch({"ingest", "--quiet", "--db", c.db, "--data-dir", kDataDir, kDataDir + "/corpus/pdf"});
      write_file(base.string() + ".out", r.out);
      write_file(base.string() + ".err", r.err);
      write_file(base.string() + ".status", std::to_string(r.status));
    }
    c.ingest.out = read_file(base.string() + ".out");
    c.ingest.err = read_file(base.string() + ".err");
    c.ingest.status = std::stoi(read_file(base.string() + ".status"));
    return c;
  }();
  return corpus;
}

}  // namespace cscwatch::testing
