#include <fmt/core.h>
#include <unistd.h>

#include <thread>

#include "cli/commands.h"
#include "store/inspection_rows.h"
#include "ingest/ingest.h"

namespace cscwatch {

namespace {

// A one-line progress bar, redrawn in place on a terminal.
void draw_progress(int done, int total) {
  constexpr int kWidth = 40;
  int filled = total ? done * kWidth / total : kWidth;
  fmt::print(stderr, "\r[{:=<{}}{:<{}}] {}/{}", "", filled, "", kWidth - filled, done, total);
  if (done == total) fmt::print(stderr, "\n");
  std::fflush(stderr);
}

}  // namespace

void add_ingest_command(CLI::App& app, CliContext& ctx, int& status) {
  auto* cmd = app.add_subcommand("ingest", "Read inspection reports (files or folders of PDFs) into the register");
  auto paths = std::make_shared<std::vector<std::string>>();
  auto threads = std::make_shared<int>(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  auto quiet = std::make_shared<bool>(false);
  cmd->add_option("paths", *paths, "PDF files or folders (default: <data-dir>/corpus/pdf)");
  cmd->add_option("-j,--jobs", *threads, "Reading threads")->capture_default_str();
  cmd->add_flag("-q,--quiet", *quiet, "No progress bar");
  cmd->callback([&ctx, &status, paths, threads, quiet] {
    auto reg = ctx.open_for_ingest();
    if (!reg) {
      status = fail(reg.error());
      return;
    }
    std::vector<std::string> inputs = *paths;
    if (inputs.empty()) inputs.push_back(ctx.corpus_dir());
    std::vector<IngestFailure> missing;
    auto files = collect_pdf_files(inputs, missing);
    AuthorityDirectory directory = directory_of(*reg);
    IngestOptions options;
    options.threads = *threads;
    if (!*quiet && isatty(STDERR_FILENO) && !files.empty()) {
      options.on_progress = [](int done, int total, const std::string&) { draw_progress(done, total); };
    }
    IngestSummary summary = ingest_files(*reg, directory, files, options);
    summary.failures.insert(summary.failures.begin(), missing.begin(), missing.end());
    summary.failed += static_cast<int>(missing.size());
    for (const auto& f : summary.failures) fmt::print(stderr, "FAILED {}: {}\n", f.path, f.reason);
    for (const auto& f : summary.flagged) fmt::print(stderr, "REVIEW {}: {}\n", f.path, f.reason);
    fmt::print("{} files: {} ingested, of which {} need review; {} unchanged; {} failed ({:.1f} s) -> {}\n",
               summary.files + missing.size(), summary.ingested, summary.needs_review, summary.unchanged,
               summary.failed, summary.seconds, ctx.db_path);
    const auto waiting = query_inspections(reg->connection(), InspectionFilter::needing_review());
    if (!waiting.empty())
      fmt::print("The register holds {} document(s) needing review: cscwatch review\n", waiting.size());
    status = summary.failed > 0 ? 1 : 0;
  });
}

}  // namespace cscwatch
