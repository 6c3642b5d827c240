#include "news_test_support.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <stdexcept>

#include "common/built_once.h"
#include "common/reference_register.h"
#include "parse/document_parser.h"
#include "parse/parser_version.h"
#include "reader/known_interventions.h"
#include "reader/pdf_reader.h"
#include "store/improvement_store.h"
#include "store/migrations.h"

namespace cscwatch::testing {

bool have_reference() {
  return std::filesystem::exists(reference_authorities_csv());
}

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
  reg_ = std::make_unique<Register>(open_reference_register((dir_ / "register.db").string()));
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
  if (!have_reference_and_corpus(why)) return std::nullopt;
  // Next to the test binary: one register per build directory.
  std::error_code ec;
  fs::path dir = fs::read_symlink("/proc/self/exe", ec).parent_path();
  if (ec || dir.empty()) dir = fs::temp_directory_path();
  // The known interventions are loaded too (as the CLI loads them): a new table makes a new register.
  std::string known_hash = std::to_string(std::hash<std::string_view>{}(known_interventions_csv()) % 1000000);
  const std::string name = "corpus-s" + std::to_string(latest_schema_version()) + "-p" +
                           std::to_string(kParserVersion) + "-k" + known_hash + ".db";
  return built_once(dir / "news-corpus", name, [](const std::string& path) {
    Register reg = open_reference_register(path);
    AuthorityDirectory directory(reg.authorities());
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(corpus_pdf_dir()))
      if (e.path().extension() == ".pdf") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::string error;
      if (!store_report_pdf(reg, directory, f.string(), error))
        std::fprintf(stderr, "corpus register: %s not stored: %s\n", f.filename().c_str(), error.c_str());
    }
    std::set<std::string> urns;
    for (const auto& a : reg.authorities()) urns.insert(a.urn);
    auto known = parse_known_interventions(known_interventions_csv(), urns);
    if (!known) throw std::runtime_error(known.error());
    load_known_interventions(reg.connection(), *known);
    reg.connection().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  });
}

}  // namespace cscwatch::testing
