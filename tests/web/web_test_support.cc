#include "web_test_support.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "domain/authority_directory.h"
#include "ingest/ingest.h"
#include "parse/parser_version.h"
#include "reader/hexmap.h"
#include "reader/reference_tables.h"
#include "store/hex_layout.h"
#include "store/migrations.h"
#include "store/register.h"

namespace fs = std::filesystem;

namespace cscwatch::testing {

std::string data_dir() { return CSCWATCH_DATA_DIR; }
std::string artifacts_dir() { return CSCWATCH_TEST_ARTIFACTS_DIR; }

Date fixed_today() { return *parse_iso_date("2026-06-01"); }

std::optional<std::string> corpus_db(std::string* why) {
  std::string csv = data_dir() + "/reference/authorities.csv";
  std::string pdfs = data_dir() + "/corpus/pdf";
  if (!fs::exists(csv) || !fs::exists(pdfs)) {
    if (why) *why = "shared corpus not found under " + data_dir() + " (set CSCWATCH_DATA_DIR)";
    return std::nullopt;
  }
  fs::path dir = fs::path(artifacts_dir()) / "web";
  fs::create_directories(dir);
  fs::path db = dir / ("corpus-s" + std::to_string(latest_schema_version()) + "-p" + std::to_string(kParserVersion) + ".db");
  // Several test processes may start at once (ctest -j): one builds, the
  // others wait on the lock and then reuse the file.
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
      auto hexes = load_hexmap(data_dir() + "/reference/upper_tier_hexmap.hexjson");
      if (!hexes) throw std::runtime_error(hexes.error());
      store_hex_layout(reg->connection(), *hexes);
      AuthorityDirectory directory(reg->authorities());
      std::vector<IngestFailure> missing;
      auto files = collect_pdf_files({pdfs}, missing);
      IngestOptions options;
      options.threads = 2;
      ingest_files(*reg, directory, files, options);
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

}  // namespace cscwatch::testing
