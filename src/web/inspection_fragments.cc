#include "web/inspection_fragments.h"

#include <fmt/format.h>

#include "domain/date.h"
#include "domain/judgement.h"
#include "web/grade_badge.h"
#include "web/html_escape.h"

namespace cscwatch {

std::string pdf_page_link(int64_t document_id, int page) {
  if (page <= 0) return {};
  return fmt::format("<a class=\"pg\" href=\"/report/{0}/pdf#page={1}\" title=\"Open the PDF at page {1}\">p.&nbsp;{1}</a>",
                     document_id, page);
}

namespace {

std::string long_date(const std::string& iso) {
  auto d = parse_iso_date(iso);
  return d ? to_long_form(*d) : iso;
}

std::string kind_label(const std::string& kind) {
  if (kind == "sif_report") return "SIF inspection";
  if (kind == "ilacs_report") return "ILACS inspection";
  if (kind == "looked_after_children_report") return "Looked after children inspection";
  if (kind == "focused_visit_letter") return "Focused visit";
  if (kind == "monitoring_visit_letter") return "Monitoring visit";
  if (kind == "joint_targeted_inspection") return "Joint targeted area inspection";
  return kind.empty() ? std::string("Document") : kind;
}

}  // namespace

std::string inspection_title(const InspectionRow& r) {
  std::string t = kind_label(r.kind);
  if (!r.inspection_start.empty()) {
    t += ", " + long_date(r.inspection_start);
    if (!r.inspection_end.empty() && r.inspection_end != r.inspection_start) t += " to " + long_date(r.inspection_end);
  } else if (!r.published.empty()) {
    t += ", published " + long_date(r.published);
  }
  return t;
}

std::string inspection_facts_html(const InspectionRow& r) {
  std::string out = "<dl class=\"facts\">";
  auto fact = [&](const char* name, const std::string& value, int page) {
    if (value.empty()) return;
    out += "<div><dt>";
    out += name;
    out += "</dt><dd>";
    append_escaped(out, value);
    std::string link = pdf_page_link(r.document_id, page);
    if (!link.empty()) out += " " + link;
    out += "</dd></div>";
  };
  fact("Authority as printed", r.authority_printed, r.authority_page);
  fact("Framework", r.framework, 0);
  fact("Type", r.inspection_type + (r.type_inferred ? " (inferred from the days on site)" : ""), 0);
  fact("Inspection start", r.inspection_start.empty() ? "" : long_date(r.inspection_start), r.start_page);
  fact("Inspection end", r.inspection_end.empty() ? "" : long_date(r.inspection_end), r.end_page);
  fact("Published", r.published.empty() ? "" : long_date(r.published) + (r.published_source.empty() || r.published_source == "report"
                                                                            ? ""
                                                                            : " (from the " + r.published_source + ")"),
       r.published_page);
  fact("Lead inspector", r.lead_inspector, r.lead_inspector_page);
  fact("Source file", r.source_file, 0);
  out += "</dl>";
  return out;
}

std::string judgements_html(const InspectionRow& r) {
  if (r.judgements.empty()) return "<p class=\"none\">No judgements: this document is not graded.</p>";
  std::string out = "<table class=\"judgements\"><thead><tr><th scope=\"col\">Judgement</th><th scope=\"col\">As printed</th>"
                    "<th scope=\"col\">Grade</th><th scope=\"col\">Page</th></tr></thead><tbody>";
  for (JudgementArea area : kAllJudgementAreas) {
    auto it = r.judgements.find(std::string(to_string(area)));
    if (it == r.judgements.end()) continue;
    const GradeCell& c = it->second;
    out += "<tr><th scope=\"row\">";
    append_escaped(out, label(area));
    out += "</th><td>";
    append_escaped(out, c.printed_label);
    if (!c.printed_grade.empty()) {
      out += ": <q>";
      append_escaped(out, c.printed_grade);
      out += "</q>";
    }
    out += "</td><td>" + (c.grade.empty() ? std::string("<span class=\"nograde\">Not judged</span>") : grade_badge(c.grade)) +
           "</td><td>" + pdf_page_link(r.document_id, c.page) + "</td></tr>";
  }
  out += "</tbody></table>";
  return out;
}

std::string improvement_points_html(int64_t document_id, const std::vector<ImprovementPointRow>& points) {
  if (points.empty()) return {};
  std::string out = "<h4>What needs to improve</h4><ol class=\"improvements\">";
  for (const auto& p : points) {
    out += "<li>";
    append_escaped(out, p.text);
    std::string link = pdf_page_link(document_id, p.page);
    if (!link.empty()) out += " " + link;
    out += "</li>";
  }
  out += "</ol>";
  return out;
}

}  // namespace cscwatch
