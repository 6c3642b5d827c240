// `cscwatch update`: fetch what Ofsted has published since the last run,
// ingest it and record what changed (update/register_update.h). Meant for
// cron or a systemd timer (contrib/): it prints one line per change and a
// summary, exits 0 when everything was fetched and read, 1 when something
// failed (named on stderr), and 75 (EX_TEMPFAIL) when another run holds the
// lock, so a timer that fires during a long run is not reported as a fault.
#include <fmt/core.h>
#include <unistd.h>

#include <thread>

#include "cli/commands.h"
#include "update/register_update.h"

namespace cscwatch {

namespace {
constexpr int kExitLocked = 75;  // sysexits.h EX_TEMPFAIL: try again later
}

void add_update_command(CLI::App& app, CliContext& ctx, int& status) {
  auto* cmd = app.add_subcommand(
      "update", "Fetch new reports and letters from Ofsted, ingest them and record what changed (for cron or a timer)");
  auto options = std::make_shared<UpdateOptions>();
  options->threads = static_cast<int>(std::max(1u, std::min(2u, std::thread::hardware_concurrency())));
  auto timeout = std::make_shared<long>(options->fetch.limits.total_timeout_seconds);
  cmd->add_option("--authority", options->fetch.authorities, "Only these authorities (name, URN or code); repeatable");
  cmd->add_option("--site", options->fetch.site, "Ofsted reports site")->capture_default_str();
  cmd->add_option("--reference-url", options->fetch.reference_url, "Authority lookup CSV")->capture_default_str();
  cmd->add_option("--timeout", *timeout, "Seconds allowed for each download")->capture_default_str()->check(
      CLI::Range(1L, 3600L));
  cmd->add_option("-j,--jobs", options->threads, "Reading threads")->capture_default_str();
  cmd->callback([&ctx, &status, options, timeout] {
    options->register_path = ctx.db_path;
    options->fetch.data_dir = ctx.data_dir;
    options->fetch.limits.total_timeout_seconds = *timeout;
    options->fetch.limits.connect_timeout_seconds = std::min(*timeout, 20L);
    if (isatty(STDERR_FILENO)) options->on_progress = [](const std::string& m) { fmt::print(stderr, "{}\n", m); };
    auto summary = run_update(*options, [&ctx] { return ctx.open_for_ingest(); });
    if (!summary) {
      bool locked = summary.error().find("another cscwatch update is running") != std::string::npos;
      status = fail(summary.error(), locked ? kExitLocked : 1);
      return;
    }
    for (const auto& c : summary->change_summaries) fmt::print("changed: {}\n", c);
    for (const auto& f : summary->failures) fmt::print(stderr, "FAILED {}\n", f);
    fmt::print("update {}: {} downloaded, {} ingested, {} unchanged, {} change(s) recorded, {} failure(s) -> {}\n",
               summary->run_id, summary->downloaded, summary->ingested, summary->unchanged, summary->changes,
               summary->failures.size(), ctx.db_path);
    status = summary->ok() ? 0 : 1;
  });
}

}  // namespace cscwatch
