#include "web/report_page.h"

#include <fmt/format.h>

#include <charconv>

#include "analysis/fts_query.h"
#include "analysis/page_search.h"
#include "analysis/report_detail.h"
#include "web/api_json.h"
#include "http/html_escape.h"
#include "web/inspection_fragments.h"
#include "web/page_layout.h"
#include "http/request_params.h"

namespace cscwatch {

namespace {

int64_t document_id(const WebRequest& request) {
  const std::string& s = request.path_args.at(0);
  int64_t id = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || ptr != s.data() + s.size() || id <= 0) throw BadRequest("a report id is a positive whole number");
  return id;
}

ReportDetail load(const PageContext& ctx, int64_t id, bool with_pages) {
  auto d = report_detail(ctx.db, id, with_pages);
  if (!d) throw NotFound("There is no report " + std::to_string(id) + " in the register.");
  return std::move(*d);
}

}  // namespace

WebResponse report_page(const PageContext& ctx, const WebRequest& request) {
  int64_t id = document_id(request);
  std::string query = param(request, "q", kMaxSearchQueryLength);
  ReportDetail d = load(ctx, id, true);
  const InspectionRow& r = d.row;
  QueryBudget budget;
  budget.cancelled = request.client_gone;
  auto highlighted = highlight_pages(ctx.db, id, query, budget);
  // A malformed or too costly query is refused as on the search page.
  if (!highlighted) throw BadRequest(highlighted.error());
  const auto& marked = *highlighted;

  std::string out = "<p class=\"crumbs\"><a href=\"/\">National register</a> \u203a <a href=\"/authority/";
  append_escaped(out, r.authority_slug);
  out += "\">";
  append_escaped(out, r.authority_name);
  out += "</a></p><h1>";
  append_escaped(out, r.authority_name);
  out += ": ";
  append_escaped(out, inspection_title(r));
  out += "</h1><p class=\"links\">";
  if (d.has_pdf) out += fmt::format("<a href=\"/report/{}/pdf\" id=\"pdf-link\">Open the PDF</a> \u00b7 ", id);
  out += fmt::format("<a href=\"/api/reports/{}\">This report as JSON</a></p>", id);
  if (r.needs_review())
    out += fmt::format("<p class=\"note review-notice\" id=\"report-review\">{} fact{} of this document need{} review: "
                       "each is marked <q>needs review</q> below. <a href=\"/review#document-{}\">All documents needing "
                       "review</a></p>",
                       r.review.size(), r.review.size() == 1 ? "" : "s", r.review.size() == 1 ? "s" : "", id);
  if (!r.corrections.empty())
    out += fmt::format("<p class=\"note\" id=\"report-corrected\">{} fact{} of this document {} corrected by a person: "
                       "each is marked <q>corrected</q> below with when, who and why.</p>",
                       r.corrections.size(), r.corrections.size() == 1 ? "" : "s",
                       r.corrections.size() == 1 ? "was" : "were");

  out += "<section aria-labelledby=\"facts-h\"><h2 id=\"facts-h\">Extracted facts</h2>";
  out += inspection_facts_html(r);
  out += judgements_html(r);
  out += improvement_points_html(id, d.improvement_points);
  if (!r.headline.empty()) {
    out += "<h4>Summary</h4><blockquote class=\"summary\">";
    append_escaped(out, r.headline);
    out += "</blockquote> " + cited_page_link(id, r.headline_page, "headline");
  }
  out += "</section>";

  out += fmt::format("<section aria-labelledby=\"pages-h\"><h2 id=\"pages-h\">Text of each page ({} pages)</h2>", d.pages.size());
  if (!query.empty()) {
    out += "<p class=\"note\">Matches for <q>";
    append_escaped(out, query);
    out += fmt::format("</q> are marked on {} page{}. <a href=\"/report/{}\">Hide marks</a></p>", marked.size(),
                       marked.size() == 1 ? "" : "s", id);
  }
  out += "<nav class=\"page-index\" aria-label=\"Pages\">";
  for (const auto& p : d.pages)
    out += fmt::format("<a href=\"#page-{0}\"{1}>{0}</a> ", p.number, marked.count(p.number) ? " class=\"hit\"" : "");
  out += "</nav>";
  for (const auto& p : d.pages) {
    out += fmt::format("<section class=\"page-text\" id=\"page-{0}\"><h3>Page {0}</h3><p class=\"links\">"
                       "<a href=\"/report/{1}/page/{0}\">Page {0} as printed</a> \u00b7 "
                       "<a href=\"/report/{1}/pdf#page={0}\">Page {0} in the PDF</a></p><pre>",
                       p.number, id);
    auto it = marked.find(p.number);
    out += it != marked.end() ? snippet_html(it->second) : html_escape(p.text);
    out += "</pre></section>";
  }
  out += "</section>";
  return html_response(render_page({r.authority_name + " \u2014 " + inspection_title(r), "", {}}, out));
}

WebResponse report_api(const PageContext& ctx, const WebRequest& request) {
  int64_t id = document_id(request);
  bool pages = flag_param(request, "pages");
  return json_response(json_body(report_json(load(ctx, id, pages))));
}

WebResponse report_pdf_response(const PageContext& ctx, const WebRequest& request) {
  int64_t id = document_id(request);
  auto pdf = report_pdf(ctx.db, id);
  if (!pdf) throw NotFound("There is no stored PDF for report " + std::to_string(id) + ".");
  WebResponse r;
  r.content_type = "application/pdf";
  r.body = std::move(*pdf);
  r.is_pdf = true;
  r.cacheable = false;  // large, and cheap to read from SQLite
  // The name comes from our own file name column, but is still reduced to a
  // safe character set: it goes into a header.
  auto file = load(ctx, id, false).row.source_file;
  std::string safe;
  for (char c : file)
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') safe += c;
  r.content_disposition = "inline; filename=\"" + (safe.empty() ? std::string("report.pdf") : safe) + "\"";
  return r;
}

}  // namespace cscwatch
