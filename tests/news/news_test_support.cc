#include "news_test_support.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <functional>
#include <set>
#include <stdexcept>

#include "parse/document_parser.h"
#include "parse/parser_version.h"
#include "reader/known_interventions.h"
#include "store/improvement_store.h"
#include "store/migrations.h"
#include "reader/pdf_reader.h"
#include "reader/reference_tables.h"

namespace cscwatch::testing {

// CMake defines CSCWATCH_DATA_DIR for every test binary (default ../shared
// beside the checkout, or -DCSCWATCH_DATA_DIR=...).
std::string data_dir() { return CSCWATCH_DATA_DIR; }

bool have_reference() { return std::filesystem::exists(data_dir() + "/reference/authorities.csv"); }

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TempRegister::TempRegister() {
  static std::atomic<int> counter{0};
  dir_ = std::filesystem::temp_directory_path() /
         ("cscwatch-news-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(dir_);
  auto r = Register::open((dir_ / "register.db").string());
  if (!r) throw std::runtime_error(r.error());
  reg_ = std::make_unique<Register>(std::move(*r));
  auto authorities = load_authorities(data_dir() + "/reference/authorities.csv");
  if (!authorities) throw std::runtime_error(authorities.error());
  auto loaded = reg_->load_authorities(*authorities);
  if (!loaded) throw std::runtime_error(loaded.error());
  directory_ = AuthorityDirectory(reg_->authorities());
}

TempRegister::~TempRegister() {
  reg_.reset();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

int64_t TempRegister::store(const Fake& fake) {
  const Authority* a = directory_.resolve_name(fake.authority);
  if (!a) throw std::runtime_error("unknown authority " + fake.authority);
  std::vector<Page> pages;
  for (size_t i = 0; i < fake.pages.size(); ++i) pages.push_back(Page{static_cast<int>(i + 1), fake.pages[i], {}});
  DocumentToStore d;
  d.path = "/tmp/" + fake.file_name;
  d.file_name = fake.file_name;
  d.sha256 = "fake-" + fake.file_name;
  d.pages = &pages;
  d.authority_urn = a->urn;
  InspectionRecord& r = d.record;
  r.kind = fake.kind;
  r.framework = fake.framework;
  r.type = fake.kind == DocumentKind::MonitoringVisitLetter ? InspectionType::MonitoringVisit
           : fake.kind == DocumentKind::FocusedVisitLetter  ? InspectionType::FocusedVisit
                                                            : InspectionType::Standard;
  r.authority_printed = {a->name, 1};
  if (auto s = parse_iso_date(fake.start)) r.start = Sourced<Date>{*s, 1};
  if (auto e = parse_iso_date(fake.end)) r.end = Sourced<Date>{*e, 1};
  if (auto p = parse_iso_date(fake.published)) {
    r.published = Sourced<Date>{*p, 1};
    r.published_source = "report";
  }
  if (fake.overall) {
    std::string printed(label(*fake.overall));
    r.judgements.push_back(Judgement{JudgementArea::Overall, fake.overall, "Overall effectiveness", printed, 1});
  }
  auto id = reg_->store(d);
  if (!id) throw std::runtime_error(id.error());
  return *id;
}

bool TempRegister::store_pdf(const std::string& path, std::string& error) {
  return store_report_pdf(*reg_, directory_, path, error);
}

bool store_report_pdf(Register& reg, const AuthorityDirectory& directory, const std::string& path,
                      std::string& error) {
  PdfReader reader;
  auto text = reader.read_file(path);
  if (!text) {
    error = text.error();
    return false;
  }
  auto record = parse_inspection_document(text->pages);
  if (!record) {
    error = record.error();
    return false;
  }
  const Authority* a = directory.resolve_name(record->authority_printed.value);
  if (!a) {
    error = "unknown authority " + record->authority_printed.value;
    return false;
  }
  std::string file_name = std::filesystem::path(path).filename().string();
  if (!record->published) {
    // File names end in the listed publication date.
    auto dot = file_name.rfind('.');
    if (dot != std::string::npos && dot >= 10) {
      if (auto p = parse_iso_date(file_name.substr(dot - 10, 10))) record->published = Sourced<Date>{*p, 0};
    }
  }
  DocumentToStore d;
  d.path = path;
  d.file_name = file_name;
  d.sha256 = text->sha256.empty() ? "pdf-" + file_name : text->sha256;
  d.pages = &text->pages;
  d.record = std::move(*record);
  d.authority_urn = a->urn;
  auto id = reg.store(d);
  if (!id) {
    error = id.error();
    return false;
  }
  return true;
}

std::optional<std::string> corpus_register(std::string* why) {
  namespace fs = std::filesystem;
  std::string csv = data_dir() + "/reference/authorities.csv";
  fs::path pdfs = data_dir() + "/corpus/pdf";
  if (!fs::exists(csv) || !fs::exists(pdfs)) {
    if (why) *why = "shared corpus not found under " + data_dir();
    return std::nullopt;
  }
  // Next to the test binary: one register per build directory.
  std::error_code ec;
  fs::path dir = fs::read_symlink("/proc/self/exe", ec).parent_path();
  if (ec || dir.empty()) dir = fs::temp_directory_path();
  dir /= "news-corpus";
  fs::create_directories(dir);
  // The known interventions are loaded too (as the CLI loads them): a new table makes a new register.
  std::string known_hash = std::to_string(std::hash<std::string_view>{}(known_interventions_csv()) % 1000000);
  fs::path db = dir / ("corpus-s" + std::to_string(latest_schema_version()) + "-p" + std::to_string(kParserVersion) +
                       "-k" + known_hash + ".db");
  int lock = ::open((dir / "corpus.lock").c_str(), O_CREAT | O_RDWR, 0644);
  if (lock < 0) throw std::runtime_error("cannot create lock file in " + dir.string());
  ::flock(lock, LOCK_EX);
  if (!fs::exists(db)) {
    fs::path tmp = dir / ("building-" + std::to_string(::getpid()) + ".db");
    {
      auto authorities = load_authorities(csv);
      if (!authorities) throw std::runtime_error(authorities.error());
      auto reg = Register::open(tmp.string());
      if (!reg) throw std::runtime_error(reg.error());
      auto loaded = reg->load_authorities(*authorities);
      if (!loaded) throw std::runtime_error(loaded.error());
      AuthorityDirectory directory(reg->authorities());
      std::vector<fs::path> files;
      for (const auto& e : fs::directory_iterator(pdfs))
        if (e.path().extension() == ".pdf") files.push_back(e.path());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        std::string error;
        if (!store_report_pdf(*reg, directory, f.string(), error))
          std::fprintf(stderr, "corpus register: %s not stored: %s\n", f.filename().c_str(), error.c_str());
      }
      std::set<std::string> urns;
      for (const auto& a : *authorities) urns.insert(a.urn);
      auto known = parse_known_interventions(known_interventions_csv(), urns);
      if (!known) throw std::runtime_error(known.error());
      load_known_interventions(reg->connection(), *known);
      reg->connection().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    fs::remove(tmp.string() + "-wal");
    fs::remove(tmp.string() + "-shm");
    fs::rename(tmp, db);
  }
  ::flock(lock, LOCK_UN);
  ::close(lock);
  return db.string();
}

}  // namespace cscwatch::testing
