#include "web/inspectors_page.h"

#include <fmt/format.h>

#include "analysis/lead_inspectors.h"
#include "analysis/national_register.h"
#include "analysis/national_statistics.h"
#include "web/api_json.h"
#include "web/grade_badge.h"
#include "http/html_escape.h"
#include "web/inspection_fragments.h"
#include "web/page_layout.h"

namespace cscwatch {

namespace {

const char* kGradeColumns[] = {"outstanding", "good", "requires_improvement", "adequate", "inadequate", ""};

std::string caveat_html() { return "<p class=\"note caveat\"><strong>Caveat.</strong> " + html_escape(std::string(kInspectorCaveat)) + "</p>"; }

int count_of(const std::map<std::string, int>& m, const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? 0 : it->second;
}

void count_table(std::string& out, const std::string& id, const std::string& caption, const std::string& key_name,
                 const std::map<std::string, int>& counts, bool grades) {
  out += "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"" + id + "-c\" tabindex=\"0\"><table class=\"stats\" id=\"" +
         id + "\"><caption id=\"" + id + "-c\">" + html_escape(caption) + "</caption><thead><tr><th scope=\"col\">" +
         html_escape(key_name) + "</th><th scope=\"col\">Inspections</th></tr></thead><tbody>";
  for (const auto& [k, n] : counts) {
    out += "<tr><th scope=\"row\">";
    if (grades) out += k.empty() ? std::string("Not graded (letter or no grade)") : grade_badge(k);
    else append_escaped(out, k);
    out += fmt::format("</th><td>{}</td></tr>", n);
  }
  out += "</tbody></table></div>";
}

nlohmann::json inspector_json(const LeadInspector& l) {
  nlohmann::json by_grade = nlohmann::json::object();
  for (const auto& [g, n] : l.by_grade) by_grade[g.empty() ? "not_graded" : g] = n;
  return {{"name", l.name}, {"slug", l.slug}, {"inspections", l.inspections}, {"by_year", l.by_year},
          {"by_framework", l.by_framework}, {"by_grade", by_grade}};
}

LeadInspector load(const PageContext& ctx, const WebRequest& request) {
  auto l = lead_inspector(ctx.db, request.path_args.at(0));
  if (!l) throw NotFound("No lead inspector has the name '" + request.path_args.at(0) + "'. See the list of lead inspectors.");
  return std::move(*l);
}

}  // namespace

WebResponse inspectors_page(const PageContext& ctx, const WebRequest&) {
  const auto all = lead_inspectors(ctx.db);
  std::string out = "<p class=\"crumbs\"><a href=\"/national\">The national picture</a> \u203a</p><h1>Lead inspectors</h1>";
  out += caveat_html();
  out += fmt::format("<p>{} lead inspectors named in the register, with the inspections each led (every kind of "
                     "document, letters included) and their grades. Under the 2026 framework an inspection counts at "
                     "its lowest judgement.</p>",
                     all.size());
  out += "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"insp-c\" tabindex=\"0\"><table class=\"stats\" "
         "id=\"inspectors\"><caption id=\"insp-c\">Lead inspectors, most inspections first</caption><thead><tr>"
         "<th scope=\"col\">Lead inspector</th><th scope=\"col\">Inspections</th><th scope=\"col\">Years</th>";
  for (const char* g : kGradeColumns)
    out += std::string("<th scope=\"col\">") + (*g ? grade_badge(g) : std::string("Not graded")) + "</th>";
  out += "</tr></thead><tbody>";
  for (const auto& l : all) {
    out += "<tr><th scope=\"row\"><a href=\"/inspectors/";
    append_escaped(out, l.slug);
    out += "\">";
    append_escaped(out, l.name);
    out += fmt::format("</a></th><td>{}</td><td>", l.inspections);
    if (!l.by_year.empty()) {
      append_escaped(out, l.by_year.begin()->first);
      if (l.by_year.size() > 1) {
        out += "\u2013";
        append_escaped(out, l.by_year.rbegin()->first);
      }
    }
    out += "</td>";
    for (const char* g : kGradeColumns) out += fmt::format("<td>{}</td>", count_of(l.by_grade, g));
    out += "</tr>";
  }
  out += "</tbody></table></div><p><a href=\"/api/inspectors\">This list as JSON</a></p>";
  return html_response(render_page({"Lead inspectors", "national", {}}, out));
}

WebResponse inspector_page(const PageContext& ctx, const WebRequest& request) {
  const LeadInspector l = load(ctx, request);
  std::string out = "<p class=\"crumbs\"><a href=\"/national\">The national picture</a> \u203a <a href=\"/inspectors\">"
                    "Lead inspectors</a> \u203a</p><h1>";
  append_escaped(out, l.name);
  out += "</h1>" + caveat_html();
  out += fmt::format("<p>Led {} inspection{} in the register.</p>", l.inspections, l.inspections == 1 ? "" : "s");
  out += "<div class=\"count-tables\">";
  count_table(out, "by-year", "By year (first day on site)", "Year", l.by_year, false);
  count_table(out, "by-framework", "By framework", "Framework", l.by_framework, false);
  count_table(out, "by-grade", "By grade", "Grade", l.by_grade, true);
  out += "</div><h2 id=\"led-h\">Inspections led</h2><div class=\"table-wrap\" role=\"region\" aria-labelledby=\"led-h\" "
         "tabindex=\"0\"><table class=\"stats\" id=\"led\"><thead><tr><th scope=\"col\">Authority</th><th scope=\"col\">"
         "Inspection</th><th scope=\"col\">Grade</th><th scope=\"col\">Report</th></tr></thead><tbody>";
  for (const auto& r : l.rows) {
    out += "<tr><th scope=\"row\"><a href=\"/authority/";
    append_escaped(out, r.authority_slug);
    out += "\">";
    append_escaped(out, r.authority_name);
    out += "</a></th><td>";
    append_escaped(out, inspection_title(r));
    const CountedGrade counted = counted_grade(r);
    out += "</td><td>" + grade_badge(counted.grade);
    if (counted.by_lowest_judgement) out += " <span class=\"counted\"><span aria-hidden=\"true\">\u25c6</span> lowest judgement</span>";
    out += fmt::format("</td><td><a href=\"/report/{}\">Report</a></td></tr>", r.document_id);
  }
  out += "</tbody></table></div><p><a href=\"/api/inspectors/" + html_escape(l.slug) + "\">As JSON</a></p>";
  return html_response(render_page({l.name, "national", {}}, out));
}

WebResponse inspectors_api(const PageContext& ctx, const WebRequest&) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& l : lead_inspectors(ctx.db)) list.push_back(inspector_json(l));
  return json_response(json_body({{"caveat", kInspectorCaveat}, {"inspectors", list}}));
}

WebResponse inspector_api(const PageContext& ctx, const WebRequest& request) {
  const LeadInspector l = load(ctx, request);
  nlohmann::json j = inspector_json(l);
  j["caveat"] = kInspectorCaveat;
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : l.rows)
    rows.push_back({{"document_id", r.document_id}, {"authority_slug", r.authority_slug}, {"authority_name", r.authority_name},
                    {"framework", r.framework}, {"inspection_start", r.inspection_start}, {"published", r.published},
                    {"counted_as", counted_grade(r).grade}});
  j["inspections"] = rows;
  return json_response(json_body(j));
}

}  // namespace cscwatch
