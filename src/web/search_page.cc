#include "web/search_page.h"

#include <fmt/format.h>

#include "analysis/fts_query.h"
#include "web/api_json.h"
#include "web/grade_badge.h"
#include "http/html_escape.h"
#include "http/url_codec.h"
#include "web/page_layout.h"
#include "http/request_params.h"
#include "web/filter_values.h"

namespace cscwatch {

namespace {
constexpr int kPageSize = 20;
}

SearchRequest search_request_from(const WebRequest& request) {
  SearchRequest s;
  s.query = param(request, "q", kMaxSearchQueryLength);
  s.grade = choice_param(request, "grade", grade_filter_values());
  s.framework = choice_param(request, "framework", framework_filter_values());
  s.year_from = int_param(request, "from", 0, 2000, 2100);
  s.year_to = int_param(request, "to", 0, 2000, 2100);
  if (s.year_from && s.year_to && s.year_from > s.year_to) throw BadRequest("'from' year is after the 'to' year");
  s.region = param(request, "region", 100);
  s.limit = int_param(request, "limit", kPageSize, 1, 100);
  int page = int_param(request, "page", 1, 1, 500);
  s.offset = int_param(request, "offset", (page - 1) * s.limit, 0, 50000);
  s.budget.cancelled = request.client_gone;  // stop the query when the client has gone
  return s;
}

namespace {

std::string query_string(const SearchRequest& s, int page) {
  std::string q = "q=" + url_encode(s.query);
  if (!s.grade.empty()) q += "&grade=" + url_encode(s.grade);
  if (!s.framework.empty()) q += "&framework=" + url_encode(s.framework);
  if (s.year_from) q += "&from=" + std::to_string(s.year_from);
  if (s.year_to) q += "&to=" + std::to_string(s.year_to);
  if (!s.region.empty()) q += "&region=" + url_encode(s.region);
  if (page > 1) q += "&page=" + std::to_string(page);
  return q;
}

std::string search_form(const PageContext& ctx, const SearchRequest& s) {
  std::string out = "<form class=\"search\" method=\"get\" action=\"/search\" role=\"search\" id=\"search-form\">"
                    "<label for=\"q\">Words or phrases</label><input id=\"q\" name=\"q\" type=\"search\" maxlength=\"500\" value=\"";
  append_escaped(out, s.query);
  out += "\" autofocus><div class=\"filters\"><label>Overall grade <select name=\"grade\">";
  append_option(out, "", "Any", s.grade.empty());
  for (const auto& g : grade_filter_values()) append_option(out, g, grade_label(g), g == s.grade);
  out += "</select></label><label>Framework <select name=\"framework\">";
  append_option(out, "", "Any", s.framework.empty());
  for (const auto& f : framework_filter_values()) append_option(out, f, f, f == s.framework);
  out += "</select></label><label>From year <input name=\"from\" type=\"number\" min=\"2000\" max=\"2100\" value=\"";
  if (s.year_from) out += std::to_string(s.year_from);
  out += "\"></label><label>To year <input name=\"to\" type=\"number\" min=\"2000\" max=\"2100\" value=\"";
  if (s.year_to) out += std::to_string(s.year_to);
  out += "\"></label><label>Region <select name=\"region\">";
  append_option(out, "", "All regions", s.region.empty());
  auto regions = ctx.db.prepare("SELECT DISTINCT region_name FROM authorities WHERE region_name <> '' ORDER BY 1");
  while (regions.step()) append_option(out, regions.text(0), regions.text(0), regions.text(0) == s.region);
  out += "</select></label></div><button type=\"submit\">Search</button></form>";
  out += R"(<details class="syntax" id="syntax"><summary>How to write a search</summary><ul>
<li><code>neglect</code>: pages containing the word (any form of case and accents).</li>
<li><code>"serious and widespread"</code>: the exact phrase, in double quotes.</li>
<li><code>supervision AND caseloads</code>, or just <code>supervision caseloads</code>: both words on the page.</li>
<li><code>exploitation OR trafficking</code>: either word.</li>
<li><code>neglect NOT "domestic abuse"</code>: the first but not the second. NOT needs a word before it.</li>
<li><code>safeguard*</code>: any word starting with <em>safeguard</em>.</li>
<li><code>(drift OR delay) AND permanence</code>: parentheses group.</li>
</ul><p>AND, OR and NOT must be in capitals (lower-case <em>and</em> is an ordinary word). Other punctuation is
ignored. Results are ranked by relevance (bm25): pages where the terms are frequent and rare elsewhere come first.</p></details>)";
  return out;
}

}  // namespace

WebResponse search_page(const PageContext& ctx, const WebRequest& request) {
  SearchRequest s = search_request_from(request);
  std::string out = "<h1>Search every report</h1>";
  out += search_form(ctx, s);
  if (s.query.empty()) {
    out += "<p class=\"lede\">Search the full text of every page of every report in the register.</p>";
    return html_response(render_page({"Search", "search", {}}, out));
  }
  auto results = search_pages(ctx.db, s);
  if (!results) {
    out += "<div class=\"error\" role=\"alert\" id=\"search-error\"><p><strong>This search could not be run.</strong> ";
    append_escaped(out, results.error());
    out += "</p></div>";
    return html_response(render_page({"Search", "search", {}}, out), 400);
  }
  const SearchResults& r = *results;
  out += "<section aria-labelledby=\"res-h\" id=\"results\"><h2 id=\"res-h\">";
  out += fmt::format("{} page{} in {} report{}", r.total_hits, r.total_hits == 1 ? "" : "s", r.total_reports,
                     r.total_reports == 1 ? "" : "s");
  out += "</h2>";
  if (!r.hits_by_grade.empty()) {
    out += "<ul class=\"counts\" id=\"hits-by-grade\" aria-label=\"Pages found, by the report's overall grade\">";
    for (auto g : {"outstanding", "good", "requires_improvement", "adequate", "inadequate", "none"}) {
      auto it = r.hits_by_grade.find(g);
      if (it == r.hits_by_grade.end()) continue;
      SearchRequest narrowed = s;
      narrowed.grade = g;
      out += "<li><a href=\"/search?" + html_escape(query_string(narrowed, 1)) + "\">";
      out += std::string(g) == "none" ? "<span class=\"nograde\">Not graded</span>" : grade_badge(g);
      out += fmt::format(" <strong class=\"count\">{}</strong></a></li>", it->second);
    }
    out += "</ul>";
  }
  out += "<ol class=\"hits\" start=\"" + std::to_string(s.offset + 1) + "\">";
  for (const auto& h : r.hits) {
    std::string report_url = fmt::format("/report/{}?q={}#page-{}", h.document_id, url_encode(s.query), h.page);
    out += "<li class=\"hit\"><h3><a class=\"hit-link\" href=\"" + html_escape(report_url) + "\">";
    append_escaped(out, h.authority_name);
    std::string year = (h.inspection_start.empty() ? h.published : h.inspection_start).substr(0, 4);
    out += fmt::format(" {} \u00b7 {} \u00b7 page {}</a></h3>", html_escape(year), html_escape(h.framework), h.page);
    out += "<p class=\"meta\">" + grade_badge(h.overall) + " ";
    append_escaped(out, h.source_file);
    out += fmt::format(" \u00b7 <a class=\"page-image-link\" href=\"/report/{0}/page/{1}?hl={2}#highlight\">Page {1} as printed</a>"
                       " \u00b7 <a href=\"/report/{0}/pdf#page={1}\">PDF at page {1}</a></p>",
                       h.document_id, h.page, html_escape(url_encode(s.query.substr(0, kMaxParamLength))));
    out += "<p class=\"snippet\">" + snippet_html(h.snippet) + "</p></li>";
  }
  out += "</ol>";
  int page = s.offset / s.limit + 1;
  out += "<nav class=\"pager\" aria-label=\"Result pages\">";
  if (s.offset > 0) out += "<a rel=\"prev\" href=\"/search?" + html_escape(query_string(s, page - 1)) + "\">Previous</a> ";
  if (s.offset + s.limit < r.total_hits)
    out += "<a rel=\"next\" href=\"/search?" + html_escape(query_string(s, page + 1)) + "\">Next</a>";
  out += "</nav></section>";
  return html_response(render_page({"Search: " + s.query, "search", {}}, out));
}

WebResponse search_api(const PageContext& ctx, const WebRequest& request) {
  SearchRequest s = search_request_from(request);
  if (s.query.empty()) throw BadRequest("parameter 'q' is required: the words or phrases to search for");
  auto results = search_pages(ctx.db, s);
  if (!results) return json_response(json_body({{"error", results.error()}, {"status", 400}}), 400);
  return json_response(json_body(search_results_json(*results, s)));
}

}  // namespace cscwatch
