#include "web/register_page.h"

#include <fmt/format.h>

#include <set>

#include "store/inspection_rows.h"
#include "web/api_json.h"
#include "web/downloads.h"
#include "web/grade_badge.h"
#include "http/html_escape.h"
#include "http/url_codec.h"
#include "web/page_layout.h"
#include "http/request_params.h"
#include "web/filter_values.h"
#include "analysis/improvement_overview.h"

namespace cscwatch {

RegisterView register_view_from(const WebRequest& request) {
  RegisterView v;
  v.filter.region = param(request, "region", 100);
  v.filter.grade = choice_param(request, "grade", grade_filter_values());
  v.filter.grade_ever = flag_param(request, "ever");
  v.filter.framework = choice_param(request, "framework", framework_filter_values());
  v.filter.include_legacy = flag_param(request, "legacy");
  v.filter.under_intervention = flag_param(request, "intervention");
  std::string sort = choice_param(request, "sort", register_sort_columns());
  if (!sort.empty()) v.sort = sort;
  std::string dir = choice_param(request, "dir", {"asc", "desc"});
  v.descending = dir == "desc";
  return v;
}

namespace {

struct Column {
  const char* key;    // sort key (export field name)
  const char* label;
};

constexpr Column kColumns[] = {
    {"authority_name", "Authority"},   {"region", "Region"},
    {"overall", "Overall"},            {"leadership", "Leadership"},
    {"help_protection", "Help and protection"}, {"in_care", "Children in care"},
    {"care_leavers", "Care leavers"},  {"adoption", "Adoption"},
    {"lscb", "LSCB"},                  {"framework", "Framework"},
    {"inspection_start", "Inspection start"}, {"inspection_end", "Inspection end"},
    {"published", "Published"},        {"lead_inspector", "Lead inspector"},
    {"months_since", "Months since"},  {"next_window", "Next inspection window"},
};

// The filter part of the query string, for links that change only the sort.
std::string filter_query(const RegisterFilter& f) {
  std::string q;
  auto add = [&](const char* k, const std::string& v) {
    if (v.empty()) return;
    q += q.empty() ? "" : "&";
    q += k;
    q += '=';
    q += url_encode(v);
  };
  add("region", f.region);
  add("grade", f.grade);
  if (f.grade_ever) add("ever", "1");
  add("framework", f.framework);
  if (f.include_legacy) add("legacy", "1");
  if (f.under_intervention) add("intervention", "1");
  return q;
}

// Keeps the authorities under intervention whose improvement records are
// public. The register is the same page for everyone (shared and cached, the
// read path's speed), so restricted records never count here; those allowed
// to see them find them on the authority's own page.
void keep_under_intervention(const PageContext& ctx, std::vector<RegisterEntry>& rows) {
  const std::set<std::string> urns =
      authorities_under_intervention(ctx.db, ctx.today, [](const std::string&, bool restricted) { return !restricted; });
  std::erase_if(rows, [&](const RegisterEntry& e) { return !urns.count(e.urn); });
}

void cell_text(std::string& out, const std::string& text) {
  out += "<td>";
  append_escaped(out, text);
  out += "</td>";
}

}  // namespace

WebResponse register_page(const PageContext& ctx, const WebRequest& request) {
  RegisterView view = register_view_from(request);
  auto all = national_register(ctx.db, ctx.today);
  auto rows = filter_register(all, view.filter);
  if (view.filter.under_intervention) keep_under_intervention(ctx, rows);
  sort_register(rows, view.sort, view.descending);

  RegisterFilter current_only;  // counts cover every current authority
  auto counts = count_by_current_grade(filter_register(all, current_only));
  int current_total = 0;
  for (auto& [g, n] : counts) current_total += n;

  std::string out;
  out.reserve(160 * 1024);
  out += "<h1>National register</h1>";
  out += fmt::format(
      "<p class=\"lede\">Every local authority in England responsible for children's services ({} authorities), "
      "with the grades of its latest graded inspection. Authorities with no report in the register are listed too.</p>",
      current_total);

  // Documents that fall short of their completeness rules: never a silent gap.
  size_t flagged = query_inspections(ctx.db, InspectionFilter::needing_review()).size();
  if (flagged > 0) {
    out += fmt::format("<p class=\"note review-notice\" id=\"review-notice\"><a href=\"/review\">{} document{} need{} "
                       "review</a>: some facts were not read or are in doubt, and are shown as such until a person "
                       "checks them.</p>",
                       flagged, flagged == 1 ? "" : "s", flagged == 1 ? "s" : "");
  }

  auto by_lowest = count_by_lowest_judgement(filter_register(all, current_only));
  out += "<section aria-labelledby=\"counts-h\" class=\"counts\"><h2 id=\"counts-h\">Authorities by current grade</h2><ul>";
  for (auto g : {"outstanding", "good", "requires_improvement", "adequate", "inadequate", "none"}) {
    auto it = counts.find(g);
    if (it == counts.end()) continue;
    out += fmt::format("<li><a href=\"/?grade={}\" data-grade=\"{}\">", g, g);
    out += std::string(g) == "none" ? "<span class=\"nograde\">No graded report</span>" : grade_badge(g);
    out += fmt::format(" <strong class=\"count\">{}</strong>", it->second);
    if (auto lo = by_lowest.find(g); lo != by_lowest.end())
      out += fmt::format(" <span class=\"counted-note\" data-counted=\"{}\">(<span aria-hidden=\"true\">\u25c6</span> "
                         "{} counted by lowest judgement)</span>",
                         lo->second, lo->second);
    out += "</a></li>";
  }
  out += "</ul>";
  if (!by_lowest.empty()) {
    out += "<p class=\"note\" id=\"counting-rule\"><span aria-hidden=\"true\">\u25c6</span> ";
    append_escaped(out, kCountingRule);
    out += " The grade filter uses the same counted grade.</p>";
  }
  out += "</section>";

  // Filters: a plain GET form, so it works without JavaScript.
  std::set<std::string> regions;
  for (const auto& e : all)
    if (!e.region_name.empty()) regions.insert(e.region_name);
  out += "<form class=\"filters\" method=\"get\" action=\"/\" id=\"register-filters\">";
  out += "<label>Region <select name=\"region\" id=\"f-region\">";
  append_option(out, "", "All regions", view.filter.region.empty());
  for (const auto& r : regions) append_option(out, r, r, r == view.filter.region);
  out += "</select></label><label>Grade <select name=\"grade\" id=\"f-grade\">";
  append_option(out, "", "Any grade", view.filter.grade.empty());
  for (const auto& g : grade_filter_values()) append_option(out, g, grade_label(g), g == view.filter.grade);
  out += "</select></label><label class=\"check\"><input type=\"checkbox\" name=\"ever\" value=\"1\" id=\"f-ever\"";
  if (view.filter.grade_ever) out += " checked";
  out += "> at any inspection, not only the latest</label><label>Framework <select name=\"framework\" id=\"f-framework\">";
  append_option(out, "", "Any framework", view.filter.framework.empty());
  for (const auto& f : framework_filter_values()) append_option(out, f, f, f == view.filter.framework);
  out += "</select></label><label class=\"check\"><input type=\"checkbox\" name=\"legacy\" value=\"1\"";
  if (view.filter.include_legacy) out += " checked";
  out += "> include abolished authorities</label><label class=\"check\"><input type=\"checkbox\" name=\"intervention\" "
         "value=\"1\" id=\"f-intervention\"";
  if (view.filter.under_intervention) out += " checked";
  out += "> under intervention</label>";
  if (view.sort != "authority_name" || view.descending) {
    out += "<input type=\"hidden\" name=\"sort\" value=\"" + html_escape(view.sort) + "\">";
    if (view.descending) out += "<input type=\"hidden\" name=\"dir\" value=\"desc\">";
  }
  out += "<button type=\"submit\">Apply</button> <a href=\"/\">Clear</a></form>";

  std::string fq = filter_query(view.filter);
  out += fmt::format("<p class=\"result-count\" id=\"register-count\">{} authorit{} shown. "
                     "<a href=\"/api/register{}{}\">This list as JSON</a></p>",
                     rows.size(), rows.size() == 1 ? "y" : "ies", fq.empty() ? "" : "?", html_escape(fq));
  out += download_links("/export", "every inspection in the register");

  out += "<div class=\"table-wrap\"><table class=\"register\" id=\"register\"><thead><tr>";
  for (const auto& c : kColumns) {
    bool active = view.sort == c.key;
    bool next_desc = active && !view.descending;
    out += "<th scope=\"col\"";
    if (active) out += view.descending ? " aria-sort=\"descending\"" : " aria-sort=\"ascending\"";
    out += fmt::format("><a href=\"/?{}{}sort={}{}\">{}</a></th>", html_escape(fq), fq.empty() ? "" : "&amp;", c.key,
                       next_desc ? "&amp;dir=desc" : "", c.label);
  }
  out += "</tr></thead><tbody>";
  for (const auto& e : rows) {
    out += "<tr data-grade=\"";
    append_escaped(out, e.current_grade().empty() ? "none" : e.current_grade());
    out += "\"><th scope=\"row\"><a href=\"/authority/";
    append_escaped(out, e.slug);
    out += "\">";
    append_escaped(out, e.name);
    out += "</a>";
    if (e.legacy) out += " <span class=\"tag\">abolished</span>";
    if (e.latest && e.latest->needs_review())
      out += fmt::format(" <a class=\"tag review\" href=\"/review#document-{}\">needs review</a>", e.latest->document_id);
    out += "</th>";
    cell_text(out, e.region_name);
    if (e.latest) {
      const auto& r = *e.latest;
      for (auto area : {"overall", "leadership", "help_protection", "in_care", "care_leavers", "adoption", "lscb"}) {
        if (std::string_view(area) == "overall" && e.counted.overall_absent_by_framework && r.grade("overall").empty()) {
          out += "<td class=\"no-overall\"><span class=\"absent\">";
          out += kNoOverall2026;
          out += "</span>";
          if (e.counted.by_lowest_judgement)
            out += "<br><span class=\"counted\" title=\"Counted at its lowest judgement\"><span aria-hidden=\"true\">"
                   "\u25c6</span> counted as</span> " + grade_badge(e.current_grade());
          out += "</td>";
          continue;
        }
        out += "<td>";
        out += grade_badge(r.grade(area));
        out += "</td>";
      }
      cell_text(out, r.framework);
      out += "<td><a href=\"/report/" + std::to_string(r.document_id) + "\">";
      append_escaped(out, r.inspection_start.empty() ? "report" : r.inspection_start);
      out += "</a></td>";
      cell_text(out, r.inspection_end);
      cell_text(out, r.published);
      cell_text(out, r.lead_inspector);
    } else {
      out += "<td colspan=\"12\" class=\"none\">No graded report in the register</td>";
    }
    out += e.months_since ? "<td class=\"num\">" + std::to_string(*e.months_since) + "</td>" : "<td></td>";
    out += "<td>";
    if (e.forecast && e.forecast->opens) {
      out += to_iso(*e.forecast->opens) + " to " + to_iso(*e.forecast->closes) + "<br>";
    }
    append_escaped(out, e.forecast_status);
    if (e.forecast && e.counted.overall_absent_by_framework) {
      out += "<br><span class=\"counted\">";
      append_escaped(out, e.forecast->basis);
      out += "</span>";
    }
    out += "</td></tr>";
  }
  out += "</tbody></table></div>";
  return html_response(render_page({"National register", "register", {}}, out));
}

WebResponse register_api(const PageContext& ctx, const WebRequest& request) {
  RegisterView view = register_view_from(request);
  auto all = national_register(ctx.db, ctx.today);
  auto rows = filter_register(all, view.filter);
  if (view.filter.under_intervention) keep_under_intervention(ctx, rows);
  sort_register(rows, view.sort, view.descending);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : rows) items.push_back(register_entry_json(e));
  RegisterFilter current_only;
  nlohmann::json j = {{"count", rows.size()},
                      {"counts_by_current_grade", count_by_current_grade(filter_register(all, current_only))},
                      {"counted_by_lowest_judgement", count_by_lowest_judgement(filter_register(all, current_only))},
                      {"counting_rule", kCountingRule},
                      {"sort", view.sort},
                      {"dir", view.descending ? "desc" : "asc"},
                      {"authorities", items}};
  return json_response(json_body(j));
}

}  // namespace cscwatch
