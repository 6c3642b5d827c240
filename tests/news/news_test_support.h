// Registers for the news tests: temporary databases with the reference
// authorities, hand-made inspections and, when the corpus is present, real PDFs.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/authority_directory.h"
#include "domain/grade.h"
#include "store/register.h"

namespace cscwatch::testing {

std::string data_dir();
bool have_reference();

// A register in a fresh temporary folder, removed when destroyed.
class TempRegister {
 public:
  TempRegister();
  ~TempRegister();
  Register& reg() { return *reg_; }
  const Connection& db() const { return reg_->connection(); }
  const AuthorityDirectory& directory() const { return directory_; }

  // A hand-made document: pages of text and an inspection record.
  struct Fake {
    std::string authority;  // any name form
    std::string file_name;
    DocumentKind kind = DocumentKind::IlacsReport;
    Framework framework = Framework::Ilacs;
    std::string start, end, published;  // ISO
    std::optional<Grade> overall;
    std::vector<std::string> pages;
  };
  int64_t store(const Fake& fake);

  // A real report PDF from the corpus; false (with a message) if it cannot be read.
  bool store_pdf(const std::string& path, std::string& error);

 private:
  std::filesystem::path dir_;
  std::unique_ptr<Register> reg_;
  AuthorityDirectory directory_;
};

std::string read_file(const std::string& path);

// Stores one real report PDF (text, parsed record, authority) in a register;
// false (with a message) if it cannot be read.
bool store_report_pdf(Register& reg, const AuthorityDirectory& directory, const std::string& path,
                      std::string& error);

// A register holding every PDF in <data>/corpus/pdf, built once per build
// directory (and per schema and parser version) and then reused; several
// test processes wait on a lock while one builds it. nullopt (with why) when
// the corpus is not there.
std::optional<std::string> corpus_register(std::string* why);

}  // namespace cscwatch::testing
