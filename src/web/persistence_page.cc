#include "web/persistence_page.h"

#include <fmt/format.h>

#include "analysis/authority_profile.h"
#include "analysis/weakness_persistence.h"
#include "web/api_json.h"
#include "http/html_escape.h"
#include "web/page_layout.h"
#include "http/request_params.h"

namespace cscwatch {

namespace {

std::string share(int part, int whole) { return whole ? fmt::format("{:.0f}%", 100.0 * part / whole) : "\u2013"; }

nlohmann::json point_row_json(const ImprovementPointRow& p) {
  return {{"ordinal", p.ordinal}, {"text", p.text}, {"page", p.page}, {"number", p.number}, {"section", p.section}};
}

}  // namespace

WebResponse persistence_page(const PageContext& ctx, const WebRequest&) {
  const auto n = national_persistence(ctx.db);
  std::string out = "<p class=\"crumbs\"><a href=\"/\">National register</a> \u203a Persistence of weaknesses</p>"
                    "<h1>Do weaknesses persist? Improvement points and the next inspection</h1>";
  out += fmt::format(
      "<p id=\"persistence-totals\">Across {} pairs of consecutive graded reports of the same authority, {} of {} "
      "improvement points ({}) were asked for again by the next report.</p>",
      n->pairs, n->recurring, n->points, share(n->recurring, n->points));
  out += fmt::format(
      "<details class=\"note\"><summary>How points are matched</summary><p>Each improvement point is compared with "
      "every point of the authority's next graded report by the similarity of their words (TF-IDF cosine over word "
      "stems, with word weights from every improvement point in the register, so wording every point shares counts "
      "for little). A point is recurring when its closest next point scores at least {:.2f}: in random samples of "
      "real pairs, the two points asked for the same thing in 10 of 12 pairs scoring 0.25\u20130.30 and in all 12 "
      "scoring 0.35 or more, against 8 of 12 at 0.20\u20130.25. The count is therefore conservative. Themes are a "
      "fixed list of subjects matched by their words; a point can have several or none. Each authority's page shows "
      "every point with its closest match and the closest sentence of the next report.</p></details>",
      kRecurringThreshold);
  out += "<section aria-labelledby=\"themes-h\"><h2 id=\"themes-h\">Themes that most often persist</h2>"
         "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"themes-h\" tabindex=\"0\"><table id=\"persistence-themes\">"
         "<thead><tr><th scope=\"col\">Theme</th><th scope=\"col\">Points</th><th scope=\"col\">Recurring</th>"
         "<th scope=\"col\">Share recurring</th></tr></thead><tbody>";
  for (const auto& t : n->themes) {
    out += "<tr><th scope=\"row\">";
    append_escaped(out, t.theme);
    out += fmt::format("</th><td>{}</td><td>{}</td><td>{}</td></tr>", t.points, t.recurring, share(t.recurring, t.points));
  }
  out += "</tbody></table></div></section>";
  out += "<section aria-labelledby=\"auth-h\"><h2 id=\"auth-h\">By authority</h2>"
         "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"auth-h\" tabindex=\"0\"><table id=\"persistence-authorities\">"
         "<thead><tr><th scope=\"col\">Authority</th><th scope=\"col\">Pairs of reports</th><th scope=\"col\">Points</th>"
         "<th scope=\"col\">Recurring</th></tr></thead><tbody>";
  for (const auto& a : n->authorities) {
    out += "<tr><th scope=\"row\"><a href=\"/authority/";
    append_escaped(out, a.slug);
    out += "#persistence\">";
    append_escaped(out, a.name);
    out += fmt::format("</a></th><td>{}</td><td>{}</td><td>{}</td></tr>", a.pairs, a.points, a.recurring);
  }
  out += "</tbody></table></div></section>";
  out += "<p><a href=\"/api/national/persistence\">These figures as JSON</a></p>";
  return html_response(render_page({"Persistence of weaknesses", "national", {}}, out));
}

WebResponse persistence_api(const PageContext& ctx, const WebRequest& request) {
  const std::string slug = param(request, "authority", 100);
  if (!slug.empty()) {
    auto profile = authority_profile(ctx.db, slug);
    if (!profile) throw NotFound("No authority is called '" + slug + "'.");
    nlohmann::json pairs = nlohmann::json::array();
    for (const auto& p : authority_persistence(ctx.db, profile->authority.urn)) {
      nlohmann::json points = nlohmann::json::array();
      for (const auto& m : p.points)
        points.push_back({{"point", point_row_json(m.point)},
                          {"verdict", m.recurring ? "recurring" : "not_repeated"},
                          {"similarity", m.point_score},
                          {"closest_next_point", m.best_point ? point_row_json(*m.best_point) : nlohmann::json(nullptr)},
                          {"closest_passage", m.passage},
                          {"closest_passage_page", m.passage_page},
                          {"closest_passage_similarity", m.passage_score},
                          {"themes", m.themes}});
      pairs.push_back({{"earlier", inspection_json(p.earlier)}, {"later", inspection_json(p.later)},
                       {"recurring", p.recurring()}, {"points", points}});
    }
    return json_response(json_body({{"authority", authority_summary_json(profile->authority)},
                                    {"threshold", kRecurringThreshold},
                                    {"pairs", pairs}}));
  }
  const auto n = national_persistence(ctx.db);
  nlohmann::json themes = nlohmann::json::array(), authorities = nlohmann::json::array();
  for (const auto& t : n->themes) themes.push_back({{"theme", t.theme}, {"points", t.points}, {"recurring", t.recurring}});
  for (const auto& a : n->authorities)
    authorities.push_back({{"authority_urn", a.urn}, {"authority_name", a.name}, {"authority_slug", a.slug},
                           {"pairs", a.pairs}, {"points", a.points}, {"recurring", a.recurring}});
  return json_response(json_body({{"threshold", kRecurringThreshold},
                                  {"pairs", n->pairs},
                                  {"points", n->points},
                                  {"recurring", n->recurring},
                                  {"themes", themes},
                                  {"authorities", authorities}}));
}

}  // namespace cscwatch
