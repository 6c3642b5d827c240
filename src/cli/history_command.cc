#include <fmt/core.h>

#include "cli/commands.h"
#include "domain/judgement.h"
#include "analysis/national_register.h"
#include "store/improvement_store.h"
#include "store/inspection_rows.h"

namespace cscwatch {

namespace {

void print_inspection(const InspectionRow& r) {
  fmt::print("\n{} {} {}: {} to {}", r.framework, r.kind == "sif_report" || r.kind == "ilacs_report" ? "inspection" : r.kind,
             r.inspection_type.empty() ? "" : "(" + r.inspection_type + (r.type_inferred ? ", inferred" : "") + ")",
             r.inspection_start.empty() ? "?" : r.inspection_start, r.inspection_end.empty() ? "?" : r.inspection_end);
  fmt::print("   published {}{}\n", r.published.empty() ? "-" : r.published,
             r.published_source == "report" || r.published.empty() ? "" : " (from the " + r.published_source + ")");
  if (!r.lead_inspector.empty()) fmt::print("  lead inspector: {}\n", r.lead_inspector);
  if (counted_grade(r).overall_absent_by_framework)
    fmt::print("  {:<22} {}\n", label(JudgementArea::Overall), kNoOverall2026);
  for (JudgementArea area : kAllJudgementAreas) {
    const std::string field(to_string(area));
    auto it = r.judgements.find(field);
    if (it == r.judgements.end()) {
      // A judgement the document should print but lacks: said, never blank.
      for (const auto& item : r.review)
        if (item.field == field) fmt::print("  {:<22} {:<22} (needs review)\n", label(area), "not read");
      continue;
    }
    fmt::print("  {:<22} {:<22} (p. {}){}\n", label(area), it->second.grade.empty() ? "not judged" : it->second.grade,
               it->second.page, r.correction(field) ? " corrected" : "");
  }
  for (const auto& item : r.review)
    fmt::print("  needs review: {}: {}{}\n", item.field, item.reason,
               item.page > 0 ? " (p. " + std::to_string(item.page) + ")" : "");
  fmt::print("  document: {} [id {}]\n", r.source_file, r.document_id);
}

// What the judgements set in motion: interventions (the reference table's and
// those people recorded) and monitoring or focused visits. The command line
// reads the register file itself, so restricted records are shown too.
void print_improvement_record(const Connection& db, const std::string& urn) {
  auto stated = [](const std::optional<StatedDate>& d) { return d ? to_display(*d) : std::string("?"); };
  auto interventions = interventions_for(db, urn);
  if (!interventions.empty()) fmt::print("\nInterventions:\n");
  for (const auto& i : interventions) {
    fmt::print("  {}{}{}: {} to {}{}\n", label(i.kind), i.issuer.empty() ? "" : " (" + i.issuer + ")",
               i.person.empty() ? "" : ", " + i.person, stated(i.start), i.end ? to_display(*i.end) : "no end stated",
               i.outcome.empty() ? "" : "; " + i.outcome);
    if (!i.source.empty())
      fmt::print("    source: {}{}{}\n", i.source_title.empty() ? "" : i.source_title + ", ",
                 i.source_date ? to_display(*i.source_date) + ", " : "", i.source);
  }
  auto visits = visits_for(db, urn);
  if (!visits.empty()) fmt::print("\nVisits:\n");
  for (const auto& v : visits) {
    fmt::print("  {}{}: {} to {}{}\n", label(v.kind), v.ordinal ? " " + std::to_string(*v.ordinal) : "",
               v.start ? to_iso(*v.start) : "?", v.end ? to_iso(*v.end) : "?", v.theme.empty() ? "" : " \u2014 " + v.theme);
  }
}

}  // namespace

void add_history_command(CLI::App& app, CliContext& ctx, int& status) {
  auto* cmd = app.add_subcommand("history", "All inspections of one authority, oldest first, with every judgement");
  auto query = std::make_shared<std::string>();
  cmd->add_option("authority", *query, "Name (case-insensitive, partial if unique), slug, URN, DfE or ONS code")
      ->required();
  cmd->callback([&ctx, &status, query] {
    auto reg = ctx.open_existing();
    if (!reg) {
      status = fail(reg.error());
      return;
    }
    AuthorityDirectory directory = directory_of(*reg);
    auto found = directory.find(*query);
    if (!found) {
      status = fail(found.error());
      return;
    }
    const Authority& a = **found;
    fmt::print("{} (URN {}, DfE {}, ONS {}, {})\n", a.name, a.urn, a.la_code, a.ons_code.empty() ? "-" : a.ons_code,
               a.region_name);
    auto rows = query_inspections(reg->connection(), InspectionFilter::of_authority(a.urn));
    if (rows.empty()) fmt::print("\nNo inspection reports of {} in the register.\n", a.name);
    for (const auto& r : rows) print_inspection(r);
    print_improvement_record(reg->connection(), a.urn);
    // Reorganisations: where this authority's history continues or began.
    auto links = reg->connection().prepare(R"sql(
        SELECT 'predecessor', a.name, r.effective FROM reorganisations r JOIN authorities a ON a.urn = r.predecessor_urn
        WHERE r.successor_urn = ?1
        UNION ALL
        SELECT 'successor', a.name, r.effective FROM reorganisations r JOIN authorities a ON a.urn = r.successor_urn
        WHERE r.predecessor_urn = ?1)sql");
    links.bind(1, a.urn);
    bool first = true;
    while (links.step()) {
      if (first) fmt::print("\nReorganisation:\n");
      first = false;
      fmt::print("  {} {} (from {}): cscwatch history \"{}\"\n", links.text(0), links.text(1), links.text(2),
                 links.text(1));
    }
    status = 0;
  });
}

}  // namespace cscwatch
