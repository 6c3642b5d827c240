#include "web/inspection_fragments.h"

#include <fmt/format.h>

#include <algorithm>

#include "analysis/national_register.h"
#include "domain/date.h"
#include "domain/judgement.h"
#include "domain/judgement_scheme.h"
#include "web/grade_badge.h"
#include "http/html_escape.h"
#include "web/cited_fact.h"
#include "web/page_image_page.h"

namespace cscwatch {

std::string cited_page_link(int64_t document_id, int page, std::string_view fact) {
  if (page <= 0) return {};
  std::string url = page_image_url(document_id, page, is_cited_fact_key(fact) ? fact : std::string_view());
  return fmt::format("<a class=\"pg\" href=\"{}\" title=\"See page {} as printed, with this fact highlighted\">p.&nbsp;{}</a>",
                     html_escape(url), page, page);
}

std::string field_annotations_html(const InspectionRow& r, std::string_view field) {
  std::string out;
  if (const Correction* c = r.correction(field)) {
    out += " <span class=\"corrected\" data-field=\"";
    append_escaped(out, field);
    out += "\">";
    out += c->value == "confirmed" ? "confirmed by a person" : "corrected";
    if (!c->corrected_at.empty()) {
      out += " <time datetime=\"";
      append_escaped(out, c->corrected_at);
      out += "\">";
      append_escaped(out, c->corrected_at);
      out += "</time>";
    }
    if (!c->corrected_by.empty()) {
      out += " by ";
      append_escaped(out, c->corrected_by);
    }
    if (c->value != "confirmed") {
      out += " (read as ";
      if (c->extracted.empty()) {
        out += "nothing";
      } else {
        out += "<q>";
        append_escaped(out, c->extracted);
        out += "</q>";
      }
      out += ")";
    }
    if (!c->note.empty()) {
      out += ": ";
      append_escaped(out, c->note);
    }
    std::string link = cited_page_link(r.document_id, c->page, field);
    if (!link.empty()) out += " " + link;
    out += "</span>";
  }
  for (const auto& item : r.review) {
    if (item.field != field) continue;
    out += " <span class=\"needs-review\" data-field=\"";
    append_escaped(out, field);
    out += "\">needs review: ";
    append_escaped(out, item.reason);
    std::string link = cited_page_link(r.document_id, item.page, field);
    if (!link.empty()) out += " " + link;
    out += "</span>";
  }
  return out;
}

namespace {

// Fields shown with their own fact or judgement row; the rest are listed
// together so that none is left out.
bool shown_inline(std::string_view field) {
  static constexpr std::string_view kInline[] = {"authority", "inspection_start", "inspection_end", "published",
                                                 "lead_inspector"};
  return std::find(std::begin(kInline), std::end(kInline), field) != std::end(kInline) ||
         parse_judgement_area(field).has_value();
}

std::string long_date(const std::string& iso) {
  auto d = parse_iso_date(iso);
  return d ? to_long_form(*d) : iso;
}

std::string kind_label(const std::string& kind) {
  if (kind == "sif_report") return "SIF inspection";
  if (kind == "ilacs_report") return "ILACS inspection";
  if (kind == "looked_after_children_report") return "Looked after children inspection";
  if (kind == "focused_visit") return "Focused visit";
  if (kind == "monitoring_visit") return "Monitoring visit";
  if (kind == "joint_targeted_inspection") return "Joint targeted area inspection";
  if (kind == "lscb_review") return "Review of the Local Safeguarding Children Board";
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
  // A fact with a review item or a correction is shown even when blank: a
  // blank is never silent.
  auto fact = [&](const char* name, const std::string& value, int page, std::string_view field) {
    std::string notes = field.empty() ? std::string{} : field_annotations_html(r, field);
    if (value.empty() && notes.empty()) return;
    out += "<div><dt>";
    out += name;
    out += "</dt><dd>";
    if (value.empty()) {
      out += "<span class=\"nograde\">not read</span>";
    } else {
      append_escaped(out, value);
      std::string link = cited_page_link(r.document_id, page, field);
      if (!link.empty()) out += " " + link;
    }
    out += notes;
    out += "</dd></div>";
  };
  fact("Authority as printed", r.authority_printed, r.authority_page, "authority");
  fact("Framework", r.framework, 0, "");
  fact("Type", r.inspection_type + (r.type_inferred ? " (inferred from the days on site)" : ""), 0, "");
  fact("Inspection start", r.inspection_start.empty() ? "" : long_date(r.inspection_start), r.start_page, "inspection_start");
  fact("Inspection end", r.inspection_end.empty() ? "" : long_date(r.inspection_end), r.end_page, "inspection_end");
  fact("Published", r.published.empty() ? "" : long_date(r.published) + (r.published_source.empty() || r.published_source == "report"
                                                                            ? ""
                                                                            : " (from the " + r.published_source + ")"),
       r.published_page, "published");
  fact("Lead inspector", r.lead_inspector, r.lead_inspector_page, "lead_inspector");
  fact("Source file", r.source_file, 0, "");
  // Everything else a person checked or should check (kind, judgements as a
  // whole, improvement points, ...).
  std::vector<std::string> others;
  for (const auto& c : r.corrections)
    if (!shown_inline(c.field) && std::find(others.begin(), others.end(), c.field) == others.end()) others.push_back(c.field);
  for (const auto& item : r.review)
    if (!shown_inline(item.field) && std::find(others.begin(), others.end(), item.field) == others.end())
      others.push_back(item.field);
  for (const auto& field : others) {
    out += "<div><dt>";
    append_escaped(out, field == "kind" ? std::string("Kind of document")
                        : field == "judgements" ? std::string("Judgements")
                        : field == "improvement_points" ? std::string("Improvement points")
                                                        : field);
    out += "</dt><dd>";
    std::string value = field_value(r, field);
    if (!value.empty()) append_escaped(out, value);
    out += field_annotations_html(r, field);
    out += "</dd></div>";
  }
  out += "</dl>";
  return out;
}

std::string judgements_html(const InspectionRow& r) {
  auto scheme = row_scheme(r);
  CountedGrade counted = counted_grade(r);
  // Every judgement read, every judgement the document's scheme should have,
  // and any a person corrected or should check.
  std::vector<JudgementArea> areas;
  for (JudgementArea area : kAllJudgementAreas) {
    std::string name(to_string(area));
    bool show = r.judgements.count(name) > 0 || r.correction(name) != nullptr ||
                std::any_of(r.review.begin(), r.review.end(), [&](const ReviewItem& i) { return i.field == name; });
    if (scheme) {
      auto required = required_judgements(*scheme, false);
      show = show || std::find(required.begin(), required.end(), area) != required.end();
      show = show || (area == JudgementArea::Overall && overall_absent_by_framework(*scheme));
    }
    if (show) areas.push_back(area);
  }
  if (areas.empty()) return "<p class=\"none\">No judgements: this document is not graded.</p>";
  // The table scrolls inside its own region on a narrow screen (focusable, so
  // that a keyboard can scroll it) rather than widening the page.
  std::string out = "<div class=\"table-wrap\" role=\"region\" aria-label=\"Judgements: " + html_escape(inspection_title(r)) +
                    "\" tabindex=\"0\"><table class=\"judgements\"><thead><tr><th scope=\"col\">Judgement</th><th scope=\"col\">As printed</th>"
                    "<th scope=\"col\">Grade</th><th scope=\"col\">Page</th></tr></thead><tbody>";
  for (JudgementArea area : areas) {
    std::string name(to_string(area));
    auto it = r.judgements.find(name);
    out += "<tr data-area=\"" + name + "\"><th scope=\"row\">";
    append_escaped(out, label(area));
    out += "</th>";
    if (it != r.judgements.end()) {
      const GradeCell& c = it->second;
      out += "<td>";
      append_escaped(out, c.printed_label);
      if (!c.printed_grade.empty()) {
        out += ": <q>";
        append_escaped(out, c.printed_grade);
        out += "</q>";
      }
      out += "</td><td>" + (c.grade.empty() ? std::string("<span class=\"nograde\">Not judged</span>") : grade_badge(c.grade)) +
             field_annotations_html(r, name) + "</td><td>" + cited_page_link(r.document_id, c.page, name) + "</td></tr>";
    } else if (area == JudgementArea::Overall && counted.overall_absent_by_framework) {
      out += "<td><span class=\"nograde\">not printed: the April 2026 framework gives no overall grade</span></td><td>"
             "<span class=\"absent\">";
      out += kNoOverall2026;
      out += "</span>";
      if (counted.by_lowest_judgement)
        out += "<br><span class=\"counted\"><span aria-hidden=\"true\">\u25c6</span> counted as</span> " +
               grade_badge(counted.grade) + " <span class=\"note-inline\">(its lowest judgement)</span>";
      out += field_annotations_html(r, name) + "</td><td></td></tr>";
    } else {
      const Correction* c = r.correction(name);
      out += "<td></td><td>";
      if (c) {
        out += c->value.empty() || c->value == "confirmed" ? std::string("<span class=\"nograde\">Not judged</span>")
                                                           : grade_badge(c->value);
      } else {
        out += "<span class=\"needs-review missing\">not read \u2014 needs review</span>";
      }
      out += field_annotations_html(r, name) + "</td><td></td></tr>";
    }
  }
  out += "</tbody></table></div>";
  return out;
}

std::string improvement_points_html(int64_t document_id, const std::vector<ImprovementPointRow>& points) {
  if (points.empty()) return {};
  bool numbered = std::any_of(points.begin(), points.end(), [](const auto& p) { return !p.number.empty(); });
  std::string out = "<h4>What needs to improve</h4>";
  std::string current_section = "\x01";
  bool open = false;
  for (const auto& p : points) {
    if (p.section != current_section) {
      if (open) out += numbered ? "</ul>" : "</ol>";
      current_section = p.section;
      if (p.section == "priority_action") out += "<h5>Priority and immediate action</h5>";
      else if (p.section == "area_for_improvement") out += "<h5>Area for improvement</h5>";
      // The report's own numbers are printed, so the list adds none.
      out += numbered ? "<ul class=\"improvements numbered\">" : "<ol class=\"improvements\">";
      open = true;
    }
    // An anchor per point, so an improvement plan's action links to the point it answers.
    out += fmt::format("<li id=\"point-{}-{}\"", document_id, p.ordinal);
    if (!p.section.empty()) out += " data-section=\"" + html_escape(p.section) + "\"";
    out += ">";
    if (!p.number.empty()) {
      out += "<span class=\"point-number\">";
      append_escaped(out, p.number);
      out += "</span> ";
    }
    append_escaped(out, p.text);
    std::string link = cited_page_link(document_id, p.page, "point-" + std::to_string(p.ordinal));
    if (!link.empty()) out += " " + link;
    out += "</li>";
  }
  if (open) out += numbered ? "</ul>" : "</ol>";
  return out;
}

}  // namespace cscwatch
