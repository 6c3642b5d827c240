// Shared by the web tests: a register ingested from the shared corpus (built
// once per build tree and reused), small hand-made registers, and a server
// running in-process on an ephemeral loopback port; the corpus world (that
// register and one server on it, for the whole test program) and the fixture
// of the tests that ask for it.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/reference_data.h"
#include "common/synthetic_register.h"
#include "routing/site.h"
#include "store/sqlite.h"

namespace cscwatch::testing {

// The corpus register, or nullopt (with the reason in *why) when the shared
// data is absent. Built with the real ingest into the build tree's
// test-artifacts/web, keyed by schema and parser version.
std::optional<std::string> corpus_db(std::string* why);

// A fresh temporary directory, removed by the caller's TempDir destructor.
struct TempDir {
  TempDir();
  ~TempDir();
  std::string path;
};

// A new register at dir/register.db holding the reference authorities (no
// ingest: fast, and writable, unlike the corpus register).
std::string register_with_authorities(const std::string& dir);

// A new register at dir/register.db holding the reference authorities, the
// known interventions (loaded as ingest loads them, cli_context.cc) and these
// files of the corpus (names in corpus/pdf), ingested; *failures is how many
// of them failed to ingest.
std::string register_with_reports(const std::string& dir, const std::vector<std::string>& corpus_files,
                                  size_t* failures);

// The date the tests pretend it is, so "months since" is reproducible.
Date fixed_today();

class TestServer {
 public:
  // `tweak` adjusts the options (limits, timeouts) before the server starts.
  explicit TestServer(const std::string& db_path, const std::function<void(ServeOptions&)>& tweak = {});
  ~TestServer();
  int port() const { return port_; }
  httplib::Client client() const;
  std::string url(const std::string& path) const;

 private:
  std::unique_ptr<WebServer> server_;
  std::thread thread_;
  int port_ = 0;
};

// Opens the stored PDF's directory for screenshots etc.
std::string artifacts_dir();

// The corpus world, the same for every test of the program: the corpus
// register (corpus_db), looked for or built on first use, a read-only
// connection to it, and a server on it with the default options, started on
// first use and stopped when the tests end.
class Corpus {
 public:
  static bool present();  // false where the shared data is absent
  static const std::string& why_absent();
  static const std::string& path();  // "" where absent
  static const Connection& db();     // a closed connection where absent
  static TestServer& server();       // only where present
  // A writable copy of the register (with its -wal file, if any) at dir/register.db.
  static std::string copy_into(const TempDir& dir);
};

// A server on the corpus register with options of its own (`tweak`), for a
// suite whose tests need other limits; nullptr where the corpus is absent.
std::unique_ptr<TestServer> corpus_server_with(const std::function<void(ServeOptions&)>& tweak);

// A test on a register made by hand (common/synthetic_register.h) in a
// temporary folder of the test's own: its SetUp makes it with open_register
// and stores documents; its body asks a server on it (started on first use).
class SyntheticRegisterTest : public ::testing::Test {
 protected:
  // Opens (creating) dir_/name, with these authorities, as db_path_.
  Result<Register> open_register(const std::string& name, const std::vector<Authority>& authorities) {
    db_path_ = dir_.path + "/" + name;
    return open_register_with(db_path_, authorities);
  }
  TestServer& server() {
    if (!server_) server_ = std::make_unique<TestServer>(db_path_);
    return *server_;
  }
  httplib::Client client() { return server().client(); }

  TempDir dir_;
  std::string db_path_;

 private:
  std::unique_ptr<TestServer> server_;
};

// A suite on a register of its own (register_with_reports: a few corpus
// reports, writable), made once for the suite in a temporary folder `dir`;
// its tests are skipped where the corpus is absent. The suite's
// SetUpTestSuite calls make_register and goes on only when it returns true.
template <class Suite>
class ReportsRegisterTest : public ::testing::Test {
 protected:
  static bool make_register(const std::vector<std::string>& corpus_files) {
    for (const auto& f : corpus_files)
      if (!std::filesystem::exists(corpus_pdf(f))) return false;
    dir = std::make_unique<TempDir>();
    size_t failures = 0;
    db = register_with_reports(dir->path, corpus_files, &failures);
    EXPECT_EQ(failures, 0u) << "corpus files that failed to ingest";
    return failures == 0;
  }
  static void TearDownTestSuite() { dir.reset(); }
  void SetUp() override {
    if (!dir) GTEST_SKIP() << "shared corpus not found under " << data_dir();
  }

  static inline std::unique_ptr<TempDir> dir;
  static inline std::string db;
};

// A test on the corpus register: skipped, saying why, where the shared data is
// absent. A suite with a SetUp of its own calls this one first and returns if
// IsSkipped().
class CorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!Corpus::present()) GTEST_SKIP() << Corpus::why_absent();
  }
  static TestServer& server() { return Corpus::server(); }
  // GET `path` from the corpus world's server.
  static httplib::Result get(const std::string& path) { return server().client().Get(path); }

  const std::string& db_path = Corpus::path();
  const Connection& db = Corpus::db();
};

}  // namespace cscwatch::testing
