#include "web/intervention_register_page.h"

#include <fmt/format.h>

#include <set>

#include "analysis/intervention_register.h"
#include "analysis/table_export.h"
#include "web/api_json.h"
#include "web/grade_badge.h"
#include "http/html_escape.h"
#include "web/intervention_source.h"
#include "web/page_layout.h"
#include "http/request_params.h"
#include "http/url_codec.h"

namespace cscwatch {

namespace {

std::vector<std::string> kind_values() {
  std::vector<std::string> out;
  for (auto k : all_intervention_kinds()) out.emplace_back(to_string(k));
  return out;
}

// The register begins with the single inspection framework (2013).
constexpr int kFirstYear = 2013;

InterventionRegisterFilter filter_from(const WebRequest& request, const Date& today) {
  InterventionRegisterFilter f;
  f.kind = choice_param(request, "kind", kind_values());
  f.region = param(request, "region", 100);
  const int year = int_param(request, "year", 0, 0, static_cast<int>(today.year()));
  if (year != 0) {
    if (year < kFirstYear) throw BadRequest("year must be " + std::to_string(kFirstYear) + " or later");
    f.year = year;
  }
  f.now = flag_param(request, "now");
  return f;
}

std::string query_of(const InterventionRegisterFilter& f) {
  std::string q;
  auto add = [&](const char* k, const std::string& v) {
    if (v.empty()) return;
    q += (q.empty() ? "?" : "&") + std::string(k) + "=" + url_encode(v);
  };
  add("kind", f.kind);
  add("region", f.region);
  add("year", f.year ? std::to_string(*f.year) : "");
  add("now", f.now ? "1" : "");
  return q;
}

std::string months(const std::optional<int>& m) { return m ? std::to_string(*m) : std::string("\u2014"); }

void filters_form(std::string& out, const std::vector<InterventionRegisterRow>& all, const InterventionRegisterFilter& f,
                  const Date& today) {
  std::set<std::string> regions;
  for (const auto& r : all)
    if (!r.region.empty()) regions.insert(r.region);
  out += "<form class=\"filters\" method=\"get\" action=\"/interventions\" id=\"intervention-filters\">";
  out += "<label>Kind <select name=\"kind\" id=\"f-kind\">";
  append_option(out, "", "Any kind", f.kind.empty());
  for (auto k : all_intervention_kinds()) append_option(out, to_string(k), label(k), f.kind == to_string(k));
  out += "</select></label><label>Region <select name=\"region\" id=\"f-region\">";
  append_option(out, "", "All regions", f.region.empty());
  for (const auto& r : regions) append_option(out, r, r, r == f.region);
  out += "</select></label><label>In force during <select name=\"year\" id=\"f-year\">";
  append_option(out, "", "Any year", !f.year);
  for (int y = static_cast<int>(today.year()); y >= kFirstYear; --y)
    append_option(out, std::to_string(y), std::to_string(y), f.year == y);
  out += "</select></label><label class=\"check\"><input type=\"checkbox\" name=\"now\" value=\"1\" id=\"f-now\"";
  if (f.now) out += " checked";
  out += "> in force now</label><button type=\"submit\">Show</button></form>";
}

void row_html(std::string& out, const InterventionRegisterRow& r) {
  const Intervention& i = r.intervention;
  out += fmt::format("<tr data-kind=\"{}\" data-in-force=\"{}\"><td><a href=\"/authority/{}#improvement\">",
                     to_string(i.kind), r.in_force ? "yes" : "no", html_escape(r.slug));
  append_escaped(out, r.authority);
  out += "</a><br><small>";
  append_escaped(out, r.region);
  out += "</small></td><td>";
  append_escaped(out, label(i.kind));
  if (!i.person.empty()) out += "<br><small>" + html_escape(i.person) + "</small>";
  out += "</td><td>" + (i.start ? to_display(*i.start) : std::string("not stated")) + "</td><td>";
  out += i.end ? to_display(*i.end) : (r.in_force ? std::string("in force") : std::string("\u2014"));
  out += "</td><td>" + (r.judged_inadequate ? to_long_form(*r.judged_inadequate) : std::string("\u2014")) +
         "</td><td class=\"num\">" + months(r.months_to_intervention) + "</td><td>";
  if (r.better_judged) out += grade_badge(to_string(*r.better_grade)) + " " + to_long_form(*r.better_judged);
  else out += "\u2014";
  out += "</td><td class=\"num\">" + months(r.months_to_better) + "</td><td>";
  if (!i.outcome.empty()) out += html_escape(i.outcome) + " ";
  out += intervention_source_html(i) + "</td></tr>";
}

std::set<std::string> authorities_in_force(const std::vector<InterventionRegisterRow>& rows) {
  std::set<std::string> out;
  for (const auto& r : rows)
    if (r.in_force) out.insert(r.urn);
  return out;
}

TextTable table_of(const std::vector<InterventionRegisterRow>& rows) {
  TextTable t;
  t.columns = intervention_register_columns();
  t.date_columns = {"judged_inadequate", "better_judged"};
  t.number_columns = {"months_to_intervention", "months_to_better"};
  for (const auto& r : rows) t.rows.push_back(intervention_register_cells(r));
  return t;
}

}  // namespace

WebResponse intervention_register_page(const PageContext& ctx, const WebRequest& request) {
  const auto f = filter_from(request, ctx.today);
  const auto all = intervention_register(ctx.db, ctx.today);
  const auto rows = filter_intervention_register(all, f);
  std::string out = "<h1>Interventions</h1>";
  std::set<std::string> ever;
  for (const auto& r : all) ever.insert(r.urn);
  out += fmt::format(
      "<p class=\"lede\">Every intervention the register records: the Department for Education's improvement "
      "notices and statutory directions, the commissioners and advisers it appoints, and the trusts and companies "
      "that run children's services instead of a council. <strong id=\"in-force-count\">{}</strong> authorities "
      "are under intervention now; <strong id=\"ever-count\">{}</strong> have a recorded intervention.</p>",
      authorities_in_force(all).size(), ever.size());
  out += "<p class=\"note\">An authority judged inadequate with nothing recorded since shows on its page as "
         "\u201cexpected, not recorded\u201d, never as having no intervention. Months are whole months: from the "
         "inadequate judgement's publication to the start (negative when the intervention came first), and from "
         "the start to the next judgement better than inadequate.</p>";
  filters_form(out, all, f, ctx.today);
  const std::string q = query_of(f);
  out += "<p class=\"downloads\">Download these rows as <a href=\"/interventions.csv" + html_escape(q) +
         "\">CSV</a>, <a href=\"/interventions.json" + html_escape(q) + "\">JSON</a> or <a href=\"/interventions.xlsx" +
         html_escape(q) + "\">XLSX</a></p>";
  out += fmt::format("<p id=\"row-count\">{} intervention{} shown.</p>", rows.size(), rows.size() == 1 ? "" : "s");
  out += "<div class=\"table-wrap\" role=\"region\" aria-label=\"Interventions\" tabindex=\"0\">"
         "<table class=\"register interventions-register\" id=\"interventions-table\"><thead><tr>"
         "<th scope=\"col\">Authority</th><th scope=\"col\">Kind</th><th scope=\"col\">Start</th>"
         "<th scope=\"col\">End</th><th scope=\"col\">Judged inadequate</th><th scope=\"col\">Months to act</th>"
         "<th scope=\"col\">Next better grade</th><th scope=\"col\">Months to improve</th>"
         "<th scope=\"col\">Outcome and source</th></tr></thead><tbody>";
  for (const auto& r : rows) row_html(out, r);
  out += "</tbody></table></div>";
  return html_response(render_page({"Interventions", "interventions", {}}, out));
}

WebResponse intervention_register_api(const PageContext& ctx, const WebRequest& request) {
  const auto f = filter_from(request, ctx.today);
  const auto all = intervention_register(ctx.db, ctx.today);
  const auto rows = filter_intervention_register(all, f);
  const auto table = table_of(rows);
  nlohmann::json items = nlohmann::json::parse(table_json(table));
  nlohmann::json j = {{"count", rows.size()},
                      {"authorities_under_intervention_now", authorities_in_force(all).size()},
                      {"filter", {{"kind", f.kind}, {"region", f.region},
                                  {"year", f.year ? nlohmann::json(*f.year) : nlohmann::json(nullptr)}, {"now", f.now}}},
                      {"interventions", items}};
  return json_response(json_body(j));
}

WebResponse intervention_register_download(const PageContext& ctx, const WebRequest& request) {
  const std::string format = request.path_args.empty() ? "" : request.path_args[0];
  const auto rows = filter_intervention_register(intervention_register(ctx.db, ctx.today), filter_from(request, ctx.today));
  const auto table = table_of(rows);
  WebResponse r;
  if (format == "csv") {
    r.content_type = "text/csv; charset=utf-8";
    r.body = table_csv(table);
  } else if (format == "json") {
    r.content_type = "application/json; charset=utf-8";
    r.body = table_json(table);
  } else {
    auto bytes = table_xlsx(table, "Interventions");
    if (!bytes) return html_response(render_page({"Download failed", "interventions", {}}, "<p>The workbook could not be made.</p>"), 500);
    r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    r.body = std::move(*bytes);
  }
  r.content_disposition = "attachment; filename=\"cscwatch-interventions." + format + "\"";
  return r;
}

}  // namespace cscwatch
