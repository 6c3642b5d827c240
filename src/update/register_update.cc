#include "update/register_update.h"

#include <filesystem>

#include "ingest/ingest.h"
#include "store/change_log.h"
#include "update/forecast_alerts.h"
#include "update/update_lock.h"

namespace cscwatch {

namespace {

int64_t start_run(Connection& db) {
  db.prepare("INSERT INTO update_runs(started_at) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))").run();
  return db.last_insert_id();
}

void finish_run(Connection& db, const UpdateSummary& s) {
  std::string failures;
  for (const auto& f : s.failures) failures += f + "\n";
  db.prepare(
        "UPDATE update_runs SET finished_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), outcome = ?, downloaded = ?, "
        "ingested = ?, changes = ?, failures = ? WHERE id = ?")
      .bind(1, s.ok() ? "complete" : "failed")
      .bind(2, s.downloaded)
      .bind(3, s.ingested)
      .bind(4, s.changes)
      .bind(5, failures)
      .bind(6, s.run_id)
      .run();
}

void ingest_data_folder(Register& reg, const UpdateOptions& options, UpdateSummary& summary) {
  std::filesystem::path corpus = std::filesystem::path(options.fetch.data_dir) / "corpus" / "pdf";
  std::error_code ec;
  if (!std::filesystem::exists(corpus, ec)) return;  // nothing fetched yet: the failures say why
  std::vector<IngestFailure> missing;
  auto files = collect_pdf_files({corpus.string()}, missing);
  AuthorityDirectory directory(reg.authorities());
  IngestOptions ingest_options;
  ingest_options.threads = options.threads;
  IngestSummary ingested = ingest_files(reg, directory, files, ingest_options);
  summary.ingested = ingested.ingested;
  summary.unchanged = ingested.unchanged;
  for (const auto& f : missing) summary.failures.push_back(f.path + ": " + f.reason);
  for (const auto& f : ingested.failures) summary.failures.push_back(f.path + ": " + f.reason);
}

}  // namespace

Result<UpdateSummary> run_update(const UpdateOptions& options, const RegisterOpener& open_register) {
  auto progress = [&](const std::string& m) {
    if (options.on_progress) options.on_progress(m);
  };
  auto lock = UpdateLock::acquire(UpdateLock::path_for(options.register_path));
  if (!lock) return Error{lock.error()};
  UpdateSummary summary;
  {
    // The run is recorded before anything is fetched, so a run that dies
    // part-way is seen as one that never finished.
    auto reg = Register::open(options.register_path);
    if (!reg) return Error{reg.error()};
    summary.run_id = start_run(reg->connection());
  }
  progress("fetching from " + options.fetch.site);
  FetchSummary fetched = fetch_reports(options.fetch);
  summary.downloaded = fetched.downloaded;
  summary.failures = fetched.failures;

  auto reg = open_register();
  if (!reg) {
    summary.failures.push_back("register: " + reg.error());
    if (auto plain = Register::open(options.register_path)) finish_run(plain->connection(), summary);
    return summary;
  }
  progress("ingesting " + options.fetch.data_dir + "/corpus/pdf");
  ingest_data_folder(*reg, options, summary);
  progress("recording changes");
  try {
    int64_t before = 0;
    {
      auto q = reg->connection().prepare("SELECT COALESCE(MAX(id), 0) FROM change_log");
      q.step();
      before = q.integer(0);
    }
    summary.changes = record_changes(reg->connection(), forecast_window_changes(reg->connection(), today()));
    auto q = reg->connection().prepare("SELECT summary FROM change_log WHERE id > ? ORDER BY occurred DESC, id DESC");
    q.bind(1, before);
    while (q.step()) summary.change_summaries.push_back(q.text(0));
  } catch (const SqlError& e) {
    summary.failures.push_back(std::string("change log: ") + e.what());
  }
  finish_run(reg->connection(), summary);
  return summary;
}

}  // namespace cscwatch
