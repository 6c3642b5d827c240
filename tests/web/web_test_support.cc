#include "web_test_support.h"

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <stdexcept>

#include "common/built_once.h"
#include "common/reference_register.h"
#include "domain/authority_directory.h"
#include "ingest/ingest.h"
#include "parse/parser_version.h"
#include "reader/hexmap.h"
#include "reader/known_interventions.h"
#include "store/hex_layout.h"
#include "store/improvement_store.h"
#include "store/migrations.h"
#include "store/register.h"

namespace fs = std::filesystem;

namespace cscwatch::testing {

std::string artifacts_dir() { return CSCWATCH_TEST_ARTIFACTS_DIR; }

Date fixed_today() { return *parse_iso_date("2026-06-01"); }

std::optional<std::string> corpus_db(std::string* why) {
  if (!have_reference_and_corpus(why)) return std::nullopt;
  const std::string name =
      "corpus-s" + std::to_string(latest_schema_version()) + "-p" + std::to_string(kParserVersion) + ".db";
  return built_once(fs::path(artifacts_dir()) / "web", name, [](const std::string& path) {
    Register reg = open_reference_register(path);
    auto hexes = load_hexmap(data_dir() + "/reference/upper_tier_hexmap.hexjson");
    if (!hexes) throw std::runtime_error(hexes.error());
    store_hex_layout(reg.connection(), *hexes);
    AuthorityDirectory directory(reg.authorities());
    std::vector<IngestFailure> missing;
    auto files = collect_pdf_files({corpus_pdf_dir()}, missing);
    IngestOptions options;
    options.threads = 2;
    ingest_files(reg, directory, files, options);
    reg.connection().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  });
}

std::string register_with_authorities(const std::string& dir) {
  std::string path = dir + "/register.db";
  open_reference_register(path);
  return path;
}

std::string register_with_reports(const std::string& dir, const std::vector<std::string>& corpus_files,
                                  size_t* failures) {
  std::string path = dir + "/register.db";
  Register reg = open_reference_register(path);
  std::set<std::string> urns;
  for (const auto& a : reg.authorities()) urns.insert(a.urn);
  auto known = parse_known_interventions(known_interventions_csv(), urns);
  if (!known) throw std::runtime_error(known.error());
  {
    Transaction tx(reg.connection());
    load_known_interventions(reg.connection(), *known);
    tx.commit();
  }
  AuthorityDirectory directory(reg.authorities());
  std::vector<std::string> files;
  for (const auto& f : corpus_files) files.push_back(corpus_pdf(f));
  *failures = ingest_files(reg, directory, files).failures.size();
  return path;
}

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "cscwatch-web-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path = pattern;
}
TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path, ec);
}

TestServer::TestServer(const std::string& db_path, const std::function<void(ServeOptions&)>& tweak) {
  // A client writing to a connection the server has closed (after a 413)
  // gets EPIPE, not a signal that ends the test program.
  ::signal(SIGPIPE, SIG_IGN);
  ServeOptions options;
  options.db_path = db_path;
  options.port = 0;
  options.threads = 8;
  options.today = [] { return fixed_today(); };
  if (tweak) tweak(options);
  auto created = create_site_server(options);
  if (!created) throw std::runtime_error(created.error());
  server_ = std::move(*created);
  auto port = server_->bind();
  if (!port) throw std::runtime_error(port.error());
  port_ = *port;
  thread_ = std::thread([this] { server_->listen(); });
  for (int i = 0; i < 500 && !server_->is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

TestServer::~TestServer() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

httplib::Client TestServer::client() const {
  httplib::Client c("127.0.0.1", port_);
  c.set_read_timeout(30);
  return c;
}

std::string TestServer::url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

namespace {

struct CorpusState {
  bool looked = false;
  std::optional<std::string> path;
  std::string why;
  Connection db;
  std::unique_ptr<TestServer> server;
};

// The state as it is: nothing looked for yet, until corpus_state().
CorpusState& corpus_state_so_far() {
  static CorpusState state;
  return state;
}

// The state with the corpus register looked for (built if it must be).
CorpusState& corpus_state() {
  CorpusState& state = corpus_state_so_far();
  if (!state.looked) {
    state.looked = true;
    state.path = corpus_db(&state.why);
    if (state.path) {
      auto c = Connection::open(*state.path, true);
      if (!c) throw std::runtime_error(c.error());
      state.db = std::move(*c);
    }
  }
  return state;
}

// Stops the corpus world's server (if it started) and closes its connection
// when the tests end, before the program's statics go.
class CorpusEnvironment : public ::testing::Environment {
 public:
  void TearDown() override {
    corpus_state_so_far().server.reset();
    corpus_state_so_far().db = Connection();
  }
};
[[maybe_unused]] ::testing::Environment* const corpus_environment =
    ::testing::AddGlobalTestEnvironment(new CorpusEnvironment);

}  // namespace

bool Corpus::present() {
  return corpus_state().path.has_value();
}
const std::string& Corpus::why_absent() {
  return corpus_state().why;
}
const std::string& Corpus::path() {
  static const std::string none;
  return present() ? *corpus_state().path : none;
}
const Connection& Corpus::db() {
  return corpus_state().db;
}

TestServer& Corpus::server() {
  CorpusState& state = corpus_state();
  if (!state.path) throw std::runtime_error("no corpus register: " + state.why);
  if (!state.server) state.server = std::make_unique<TestServer>(*state.path);
  return *state.server;
}

std::string Corpus::copy_into(const TempDir& dir) {
  const std::string copy = dir.path + "/register.db";
  fs::copy_file(path(), copy);
  if (fs::exists(path() + "-wal")) fs::copy_file(path() + "-wal", copy + "-wal");
  return copy;
}

std::unique_ptr<TestServer> corpus_server_with(const std::function<void(ServeOptions&)>& tweak) {
  if (!Corpus::present()) return nullptr;
  return std::make_unique<TestServer>(Corpus::path(), tweak);
}

}  // namespace cscwatch::testing
