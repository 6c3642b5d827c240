#include <fmt/core.h>

#include "analysis/phrase_contrast.h"
#include "cli/commands.h"
#include "cli/table_printer.h"

namespace cscwatch {

void add_phrases_command(CLI::App& app, CliContext& ctx, int& status) {
  auto* cmd = app.add_subcommand("phrases", "Recurring weaknesses: phrases used more in inadequate reports than in good or "
                                            "outstanding ones, and the reverse (weighted log-odds, informative prior)");
  static std::string framework;
  static int top = 25;
  cmd->add_option("--framework", framework, "SIF or ILACS (default: every framework)")->check(CLI::IsMember({"SIF", "ILACS"}));
  cmd->add_option("--top", top, "phrases each way")->check(CLI::Range(1, kPhraseContrastTop));
  cmd->callback([&ctx, &status] {
    auto reg = ctx.open_existing();
    if (!reg) {
      status = fail(reg.error());
      return;
    }
    const PhraseContrast c = compute_phrase_contrast(reg->connection(), framework, top);
    fmt::print("{} inadequate reports ({} words) against {} good or outstanding ({} words); {} requires improvement "
               "reports in the prior only; {} phrases used in at least {} reports\n",
               c.reports_inadequate, c.words_inadequate, c.reports_good, c.words_good, c.reports_other, c.phrases_scored,
               kMinPhraseReports);
    auto print = [](const char* title, const std::vector<PhraseScore>& phrases) {
      fmt::print("\n{}\n", title);
      TablePrinter table({"Phrase", "z", "In inadequate (reports)", "In good/outstanding (reports)"});
      for (const auto& p : phrases)
        table.add({p.phrase, fmt::format("{:.2f}", p.z), fmt::format("{} ({})", p.count_inadequate, p.reports_inadequate),
                       fmt::format("{} ({})", p.count_good, p.reports_good)});
      fmt::print("{}", table.render());
    };
    print("More in inadequate reports", c.inadequate_markers);
    print("More in good or outstanding reports", c.good_markers);
  });
}

}  // namespace cscwatch
