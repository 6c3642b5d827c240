#include <fmt/core.h>

#include "cli/commands.h"
#include "domain/judgement.h"
#include "store/corrections.h"
#include "store/inspection_rows.h"

namespace cscwatch {

namespace {

std::string at_page(int page) { return page > 0 ? fmt::format("p. {}", page) : std::string("listing"); }

}  // namespace

void add_show_command(CLI::App& app, CliContext& ctx, int& status) {
  auto* cmd = app.add_subcommand("show", "Every fact extracted from one document, with its page");
  auto key = std::make_shared<std::string>();
  cmd->add_option("document", *key, "Document id, file name or sha256 prefix")->required();
  cmd->callback([&ctx, &status, key] {
    auto reg = ctx.open_existing();
    if (!reg) {
      status = fail(reg.error());
      return;
    }
    auto id = find_document(reg->connection(), *key);
    if (!id) {
      status = fail(id.error());
      return;
    }
    auto rows = query_inspections(reg->connection(), InspectionFilter::of_document(*id));
    if (rows.empty()) {
      status = fail("document " + *key + " has no inspection record");
      return;
    }
    const auto& r = rows.front();
    fmt::print("{}\n  document id {}, {} pages, sha256 {}\n", r.source_file, r.document_id, r.page_count, r.sha256);
    fmt::print("  {:<18} {} / {}\n", "kind", r.kind, r.framework);
    fmt::print("  {:<18} {}{}\n", "inspection type", r.inspection_type, r.type_inferred ? " (inferred from on-site days)" : "");
    fmt::print("  {:<18} {} -> {} (URN {}) [{}]\n", "authority", r.authority_printed, r.authority_name,
               r.authority_urn, at_page(r.authority_page));
    if (!r.inspection_start.empty())
      fmt::print("  {:<18} {} [{}]\n", "inspection start", r.inspection_start, at_page(r.start_page));
    if (!r.inspection_end.empty())
      fmt::print("  {:<18} {} [{}]\n", "inspection end", r.inspection_end, at_page(r.end_page));
    if (!r.published.empty())
      fmt::print("  {:<18} {} [{}, source: {}]\n", "published", r.published, at_page(r.published_page),
                 r.published_source);
    if (!r.lead_inspector.empty())
      fmt::print("  {:<18} {} [{}]\n", "lead inspector", r.lead_inspector, at_page(r.lead_inspector_page));
    fmt::print("  judgements:\n");
    for (JudgementArea area : kAllJudgementAreas) {
      auto it = r.judgements.find(std::string(to_string(area)));
      if (it == r.judgements.end()) continue;
      fmt::print("    {:<16} {:<22} printed \"{}\": \"{}\" [{}]\n", to_string(area),
                 it->second.grade.empty() ? "(not judged)" : it->second.grade, it->second.printed_label,
                 it->second.printed_grade, at_page(it->second.page));
    }
    if (!r.headline.empty()) fmt::print("  headline [{}]:\n    {}\n", at_page(r.headline_page), r.headline);
    auto points = query_improvement_points(reg->connection(), r.inspection_id);
    if (!points.empty()) fmt::print("  improvement points:\n");
    for (const auto& p : points)
      fmt::print("    {}. {}{} [{}]\n", p.number.empty() ? std::to_string(p.ordinal) : p.number,
                 p.section == "priority_action" ? "(priority) " : "", p.text, at_page(p.page));
    for (const auto& c : r.corrections)
      fmt::print("  corrected {:<16} '{}' (extracted '{}') by {} at {}{}{}\n", c.field, c.value, c.extracted,
                 c.corrected_by, c.corrected_at, c.page > 0 ? ", p. " + std::to_string(c.page) : "",
                 c.note.empty() ? "" : ": " + c.note);
    if (!r.review.empty()) fmt::print("  needs review:\n");
    for (const auto& item : r.review) fmt::print("    {:<18} {} [{}]\n", item.field, item.reason, at_page(item.page));
    status = 0;
  });
}

}  // namespace cscwatch
