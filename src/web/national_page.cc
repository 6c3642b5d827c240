#include "web/national_page.h"

#include <fmt/format.h>

#include "analysis/hex_map.h"
#include "analysis/national_statistics.h"
#include "analysis/national_statistics_json.h"
#include "web/api_json.h"
#include "web/grade_badge.h"
#include "web/hex_map_svg.h"
#include "http/html_escape.h"
#include "web/page_layout.h"
#include "http/request_params.h"
#include "http/static_assets.h"

namespace cscwatch {

namespace {

// The as-at date: ?as_at=YYYY-MM-DD, today when absent; never after today.
Date as_at_of(const PageContext& ctx, const WebRequest& request) {
  const std::string text = param(request, "as_at", 10);
  if (text.empty()) return ctx.today;
  auto d = parse_iso_date(text);
  if (!d) throw BadRequest("as_at must be a date written YYYY-MM-DD, for example 2020-03-31.");
  return *d > ctx.today ? ctx.today : *d;
}

std::string months_cell(const std::optional<double>& m) {
  return m ? fmt::format("{:.1f}", *m) : std::string("not reached");
}

// A stacked-bar chart (drawn from the table beside it by app.js) and the table
// itself: the figures are there without JavaScript.
void grade_mix_section(std::string& out, const std::string& id, const std::string& heading, const std::string& key_name,
                       const std::map<std::string, GradeCounts>& rows, bool charts) {
  out += "<section aria-labelledby=\"" + id + "-h\"><h2 id=\"" + id + "-h\">";
  append_escaped(out, heading);
  out += "</h2>";
  if (rows.empty()) {
    out += "<p class=\"none\">No graded inspection was published by this date.</p></section>";
    return;
  }
  if (charts)
    out += "<figure class=\"chart stacked\"><canvas class=\"stacked-chart\" id=\"" + id + "-chart\" data-table=\"" + id +
           "-table\" role=\"img\" aria-label=\"Stacked bar chart of the table below: inspections by grade, by " +
           html_escape(key_name) + "\"></canvas></figure>";
  out += "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"" + id + "-h\" tabindex=\"0\"><table class=\"stats\" id=\"" +
         id + "-table\"><thead><tr><th scope=\"col\">";
  append_escaped(out, key_name);
  out += "</th>";
  for (const char* g : kStatsGrades) out += fmt::format("<th scope=\"col\" data-grade=\"{}\">{}</th>", g, grade_badge(g));
  out += "<th scope=\"col\">Total</th><th scope=\"col\"><span aria-hidden=\"true\">\u25c6</span> 2026 framework, "
         "counted at lowest judgement</th></tr></thead><tbody>";
  for (const auto& [key, c] : rows) {
    out += "<tr><th scope=\"row\">";
    append_escaped(out, key);
    out += "</th>";
    for (const char* g : kStatsGrades) {
      auto it = c.by_grade.find(g);
      out += fmt::format("<td>{}</td>", it == c.by_grade.end() ? 0 : it->second);
    }
    out += fmt::format("<td>{}</td><td>{}</td></tr>", c.total, c.by_lowest_judgement);
  }
  out += "</tbody></table></div></section>";
}

void transitions_section(std::string& out, const TransitionMatrix& t) {
  out += "<section aria-labelledby=\"tr-h\"><h2 id=\"tr-h\">From one full inspection to the next</h2>";
  out += fmt::format("<p>{} pairs of consecutive full inspections of the same authority. Each row is the earlier "
                     "grade; each cell the number of times the next inspection gave the column's grade, and its share "
                     "of the row.</p>",
                     t.total);
  out += "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"tr-h\" tabindex=\"0\"><table class=\"stats\" "
         "id=\"transitions\"><thead><tr><th scope=\"col\">Earlier grade</th>";
  for (const char* g : kStatsGrades) out += "<th scope=\"col\">Next: " + grade_badge(g) + "</th>";
  out += "<th scope=\"col\">Pairs</th></tr></thead><tbody>";
  for (const char* from : kStatsGrades) {
    const int n = t.row_total(from);
    if (n == 0) continue;
    out += "<tr><th scope=\"row\">" + grade_badge(from) + "</th>";
    for (const char* to : kStatsGrades) {
      const auto& row = t.counts.at(from);
      const int c = row.count(to) ? row.at(to) : 0;
      out += fmt::format("<td>{} <span class=\"share\">({:.0f}%)</span></td>", c, 100 * t.share(from, to));
    }
    out += fmt::format("<td>{}</td></tr>", n);
  }
  out += "</tbody></table></div></section>";
}

void recovery_section(std::string& out, const NationalStatistics& s) {
  out += "<section aria-labelledby=\"rec-h\"><h2 id=\"rec-h\">Time to recover from inadequate</h2>"
         "<p>For every inadequate judgement: the months from the last day on site of that inspection to the last day "
         "on site of the authority's next inspection judged better. Authorities still inadequate at the as-at date "
         "have not recovered <em>yet</em>: they are <strong>censored</strong> at that date, counted as not recovered "
         "for as long as they have been observed and no longer. The quartiles are Kaplan\u2013Meier (product-limit) "
         "estimates: the months by which an estimated quarter, half and three quarters of inadequate judgements had "
         "been followed by a better one; \u201cnot reached\u201d where the record does not get that far.</p>";
  out += "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"rec-h\" tabindex=\"0\"><table class=\"stats\" "
         "id=\"recovery\"><thead><tr><th scope=\"col\">Area</th><th scope=\"col\">Inadequate judgements</th>"
         "<th scope=\"col\">Recovered</th><th scope=\"col\">Still inadequate (censored)</th><th scope=\"col\">"
         "Quarter recovered by (months)</th><th scope=\"col\">Median (months)</th><th scope=\"col\">Three quarters "
         "by (months)</th></tr></thead><tbody>";
  auto row = [&](const std::string& label, const RecoveryTimes& r) {
    out += "<tr><th scope=\"row\">";
    append_escaped(out, label);
    out += fmt::format("</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", r.inadequate,
                       r.recovered, r.censored, months_cell(r.q1), months_cell(r.median), months_cell(r.q3));
  };
  row("England", s.recovery);
  for (const auto& [region, r] : s.recovery_by_region) row(region.empty() ? "Region not recorded" : region, r);
  out += "</tbody></table></div></section>";
}

void map_section(std::string& out, const HexMapPicture& picture) {
  out += "<section aria-labelledby=\"map-h\"><h2 id=\"map-h\">Map: each authority's latest grade as at " +
         html_escape(to_long_form(picture.as_at)) + "</h2>";
  if (picture.hexes.empty()) {
    out += "<p class=\"note\" id=\"map-unavailable\">The map is unavailable: this register was made without the hex "
           "map (reference/upper_tier_hexmap.hexjson in the data folder). Run <code>cscwatch ingest</code> with "
           "<code>--data-dir</code> naming a folder that has it.</p></section>";
    return;
  }
  out += "<ul class=\"legend\">";
  for (const char* g : {"outstanding", "good", "requires_improvement", "inadequate"}) out += "<li>" + grade_badge(g) + "</li>";
  out += "<li><span class=\"badge g-none\">No graded inspection yet</span></li></ul>";
  out += "<figure class=\"hexmap\">" + hex_map_svg(picture) +
         "<figcaption>One hexagon per authority, roughly where it lies; select one to open its page. A hexagon "
         "split in two is a county replaced by two authorities (Northamptonshire in 2021, Cumbria in 2023), the "
         "western successor on the left; before the change the whole hexagon is the county. Bournemouth, "
         "Christchurch and Poole shows Poole before 2019. An inspection under the April 2026 framework shows its "
         "lowest judgement.</figcaption></figure>";
  if (!picture.unplaced.empty()) {
    out += "<p class=\"note\">Not on the map (no hexagon for them): ";
    for (size_t i = 0; i < picture.unplaced.size(); ++i) {
      if (i) out += ", ";
      append_escaped(out, picture.unplaced[i]);
    }
    out += ".</p>";
  }
  out += "</section>";
}

std::vector<std::string> regions_of(const Connection& db) {
  std::vector<std::string> out;
  auto q = db.prepare("SELECT DISTINCT region_name FROM authorities WHERE region_name <> '' ORDER BY region_name");
  while (q.step()) out.push_back(q.text(0));
  return out;
}

}  // namespace

WebResponse national_page(const PageContext& ctx, const WebRequest& request) {
  const Date as_at = as_at_of(ctx, request);
  const std::vector<std::string> regions = regions_of(ctx.db);
  const std::string region = choice_param(request, "region", regions);
  const NationalStatistics s = national_statistics(ctx.db, as_at);
  const bool charts = charts_available();
  const std::string as_at_iso = to_iso(as_at);

  std::string out = "<h1>The national picture</h1>";
  out += "<form class=\"filters\" id=\"national-filters\" method=\"get\" action=\"/national\">"
         "<div><label for=\"as-at\">Picture as at</label><input type=\"date\" id=\"as-at\" name=\"as_at\" value=\"" +
         as_at_iso + "\" min=\"2009-01-01\" max=\"" + to_iso(ctx.today) +
         "\"></div><div><label for=\"region\">Grade mix for</label><select id=\"region\" name=\"region\">"
         "<option value=\"\">England</option>";
  for (const auto& r : regions) {
    out += "<option";
    if (r == region) out += " selected";
    out += ">";
    append_escaped(out, r);
    out += "</option>";
  }
  out += "</select></div><button type=\"submit\">Show</button></form>";
  out += "<p>Figures as at " + html_escape(to_long_form(as_at)) +
         ": only inspections published by then count.</p><details class=\"rules\"><summary>How these figures are "
         "counted</summary><p>" + html_escape(std::string(kStatisticsRules)) + "</p></details>";
  out += "<p class=\"links\">More: <a href=\"/national/phrases\">recurring weaknesses (phrases)</a> \u00b7 "
         "<a href=\"/national/persistence\">weaknesses that persist</a> \u00b7 <a href=\"/inspectors\">lead "
         "inspectors</a></p>";
  out += "<p class=\"downloads\">Download: the register (every inspection) as <a href=\"/export.csv\">CSV</a>, "
         "<a href=\"/export.json\">JSON</a> or <a href=\"/export.xlsx\">XLSX</a> \u00b7 these figures as "
         "<a href=\"/api/national?as_at=" + as_at_iso + "\">JSON</a></p>";

  map_section(out, hex_map(ctx.db, as_at));

  const GradeMix* mix = &s.national;
  static const GradeMix kEmpty;
  if (!region.empty()) {
    auto it = s.by_region.find(region);
    mix = it == s.by_region.end() ? &kEmpty : &it->second;
  }
  const std::string where = region.empty() ? std::string("England") : region;
  grade_mix_section(out, "mix-year", "Grades by year of publication: " + where, "Year", mix->by_year, charts);
  grade_mix_section(out, "mix-framework", "Grades by framework: " + where, "Framework", mix->by_framework, charts);
  transitions_section(out, s.transitions);
  recovery_section(out, s);

  PageOptions options{"The national picture", "national", {}};
  if (charts) options.scripts = {"/static/chart.umd.js"};
  return html_response(render_page(options, out));
}

WebResponse national_api(const PageContext& ctx, const WebRequest& request) {
  const Date as_at = as_at_of(ctx, request);
  nlohmann::json j = national_statistics_json(national_statistics(ctx.db, as_at));
  nlohmann::json map = nlohmann::json::array();
  for (const auto& h : hex_map(ctx.db, as_at).hexes) {
    nlohmann::json occupants = nlohmann::json::array();
    for (const auto& o : h.occupants)
      occupants.push_back({{"slug", o.slug}, {"name", o.name}, {"grade", o.grade.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.grade)},
                           {"counted_by_lowest_judgement", o.by_lowest_judgement}, {"published", o.published}});
    map.push_back({{"hex", h.code}, {"q", h.q}, {"r", h.r}, {"authorities", occupants}});
  }
  j["map"] = map;
  return json_response(json_body(j));
}

}  // namespace cscwatch
