#include <fmt/core.h>

#include "analysis/weakness_persistence.h"
#include "cli/commands.h"
#include "cli/table_printer.h"

#include <set>

namespace cscwatch {

void add_persistence_command(CLI::App& app, CliContext& ctx, int& status) {
  auto* cmd = app.add_subcommand("persistence", "Persistence of weaknesses: each improvement point matched against the "
                                                "next graded report of the same authority (one authority, or the themes nationally)");
  auto query = std::make_shared<std::string>();
  cmd->add_option("authority", *query, "Name, slug, URN, DfE or ONS code (omit for the national themes)");
  auto list = std::make_shared<bool>(false);
  cmd->add_flag("--list", *list, "nationally: every point with its score and best next point, tab-separated");
  cmd->callback([&ctx, &status, query, list] {
    auto reg = ctx.open_existing();
    if (!reg) {
      status = fail(reg.error());
      return;
    }
    const auto& db = reg->connection();
    if (query->empty() && *list) {
      InspectionFilter f;
      f.graded_only = true;
      std::set<std::string> urns;
      for (const auto& r : query_inspections(db, f)) urns.insert(r.authority_urn);
      fmt::print("score\tverdict\tauthority\tpoint\tbest_next_point\tpassage_score\tpassage\n");
      for (const auto& urn : urns)
        for (const auto& p : authority_persistence(db, urn))
          for (const auto& m : p.points)
            fmt::print("{:.3f}\t{}\t{}\t{}\t{}\t{:.3f}\t{}\n", m.point_score, m.recurring ? "recurring" : "not repeated",
                       p.earlier.authority_name, m.point.text, m.best_point ? m.best_point->text : "", m.passage_score, m.passage);
      status = 0;
      return;
    }
    if (query->empty()) {
      const NationalPersistence n = compute_national_persistence(db);
      fmt::print("{} pairs of consecutive graded reports; {} improvement points, {} recurring ({:.0f}%) at similarity >= {:.2f}\n\n",
                 n.pairs, n.points, n.recurring, n.points ? 100.0 * n.recurring / n.points : 0.0, kRecurringThreshold);
      TablePrinter table({"Theme", "Points", "Recurring", "Share"});
      for (const auto& t : n.themes)
        table.add({t.theme, std::to_string(t.points), std::to_string(t.recurring),
                   t.points ? fmt::format("{:.0f}%", 100.0 * t.recurring / t.points) : "-"});
      fmt::print("{}", table.render());
      status = 0;
      return;
    }
    AuthorityDirectory directory = directory_of(*reg);
    auto found = directory.find(*query);
    if (!found) {
      status = fail(found.error());
      return;
    }
    const Authority& a = **found;
    const auto pairs = compute_authority_persistence(db, a.urn);
    fmt::print("{}: {} pairs of consecutive graded reports with improvement points\n", a.name, pairs.size());
    for (const auto& p : pairs) {
      fmt::print("\n{} ({}) -> {} ({}): {} of {} points recurring\n", p.earlier.inspection_start, p.earlier.source_file,
                 p.later.inspection_start, p.later.source_file, p.recurring(), p.points.size());
      for (const auto& m : p.points) {
        fmt::print("  [{}] {:.2f} p.{} {}\n", m.recurring ? "recurring" : "not repeated", m.point_score, m.point.page, m.point.text);
        if (m.best_point) fmt::print("      next point p.{}: {}\n", m.best_point->page, m.best_point->text);
        fmt::print("      best passage {:.2f} p.{}: {}\n", m.passage_score, m.passage_page, m.passage);
      }
    }
    status = 0;
  });
}

}  // namespace cscwatch
