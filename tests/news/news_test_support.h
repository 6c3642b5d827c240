// Registers for the news tests: temporary databases with the reference
// authorities, hand-made inspections and, when the corpus is present, real PDFs.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/reference_data.h"
#include "domain/authority_directory.h"
#include "domain/grade.h"
#include "store/register.h"

namespace cscwatch::testing {

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

// A suite of articles read against one register of reports (a TempRegister)
// made once for the suite: Suite::store_reports(TempRegister&) stores them
// and returns "" when the register is ready, else why the suite cannot run
// (its tests are then skipped, as they are where the reference data is
// absent). store_reports is public, since this class calls it.
template <class Suite>
class ArticlesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!have_reference()) {
      skip_ = "reference data not found under " + data_dir();
      return;
    }
    reg_ = std::make_unique<TempRegister>();
    skip_ = Suite::store_reports(*reg_);
  }
  static void TearDownTestSuite() { reg_.reset(); }
  void SetUp() override {
    if (!skip_.empty()) GTEST_SKIP() << skip_;
  }

  static inline std::unique_ptr<TempRegister> reg_;
  static inline std::string skip_;
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
