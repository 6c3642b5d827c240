#include <fmt/core.h>
#include <unistd.h>

#include "cli/commands.h"
#include "fetch/report_fetcher.h"

namespace cscwatch {

void add_fetch_command(CLI::App& app, CliContext& ctx, int& status) {
  auto* cmd = app.add_subcommand(
      "fetch", "Download the reference tables and the published reports into the data folder (--data-dir)");
  auto options = std::make_shared<FetchOptions>();
  cmd->add_option("--authority", options->authorities, "Only these authorities (name, URN or code); repeatable");
  cmd->add_option("--site", options->site, "Ofsted reports site")->capture_default_str();
  cmd->add_option("--reference-url", options->reference_url, "Authority lookup CSV")->capture_default_str();
  cmd->add_flag("--reference-only", options->reference_only, "Only the reference table");
  cmd->callback([&ctx, &status, options] {
    options->data_dir = ctx.data_dir;
    if (isatty(STDERR_FILENO)) options->on_progress = [](const std::string& m) { fmt::print(stderr, "{}\n", m); };
    FetchSummary s = fetch_reports(*options);
    for (const auto& f : s.failures) fmt::print(stderr, "FAILED {}\n", f);
    fmt::print("fetched {} files, {} already present, {} failed -> {}\n", s.downloaded, s.already_present, s.failed,
               ctx.data_dir);
    status = s.failed > 0 ? 1 : 0;
  });
}

}  // namespace cscwatch
