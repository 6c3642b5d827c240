// `cscwatch update`: brings the register up to date with what Ofsted has
// published since the last run, in one locked pass:
//   1. take the update lock (update_lock.h): a second run at the same time
//      stops at once and says so;
//   2. fetch the reference table and every report or letter not yet in the
//      data folder (fetch/report_fetcher.h; each file written whole or not
//      at all);
//   3. ingest the data folder's reports (unchanged files are skipped by
//      their hash, so files fetched by a run that failed before ingesting
//      are taken up by the next one: the update resumes);
//   4. record what changed in the change log (store/change_log.h), in one
//      transaction.
// Each run is recorded in update_runs with its outcome and failures.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "domain/result.h"
#include "fetch/report_fetcher.h"
#include "store/register.h"

namespace cscwatch {

struct UpdateOptions {
  std::string register_path;
  FetchOptions fetch;  // data_dir, site, authorities, limits
  int threads = 2;     // ingest's reading threads
  std::function<void(const std::string&)> on_progress;
};

struct UpdateSummary {
  int64_t run_id = 0;
  int downloaded = 0;  // files fetched this run (the reference table included)
  int ingested = 0;    // documents newly stored or re-read
  int unchanged = 0;
  int changes = 0;     // entries added to the change log
  std::vector<std::string> failures;  // "<what>: <why>", fetch and ingest alike
  std::vector<std::string> change_summaries;  // the added changes, newest first
  bool ok() const { return failures.empty(); }
};

// Opens the register for writing with the reference tables loaded (the CLI's
// open_for_ingest); called after the fetch, which may refresh them.
using RegisterOpener = std::function<Result<Register>()>;

// Runs one update. An Error means the run could not start or could not reach
// the register (the lock is held, the register cannot be opened); failures of
// single downloads or files are in the summary and do not stop the rest.
Result<UpdateSummary> run_update(const UpdateOptions& options, const RegisterOpener& open_register);

}  // namespace cscwatch
