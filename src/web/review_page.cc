#include "web/review_page.h"

#include <fmt/format.h>

#include "store/inspection_rows.h"
#include "web/api_json.h"
#include "http/html_escape.h"
#include "web/inspection_fragments.h"
#include "web/page_layout.h"

namespace cscwatch {

namespace {

nlohmann::json nullable(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

std::string pdf_url(int64_t document_id, int page) {
  std::string url = "/report/" + std::to_string(document_id) + "/pdf";
  if (page > 0) url += "#page=" + std::to_string(page);
  return url;
}

}  // namespace

WebResponse review_page(const PageContext& ctx, const WebRequest&) {
  auto rows = query_inspections(ctx.db, InspectionFilter::needing_review());
  size_t facts = 0;
  for (const auto& r : rows) facts += r.review.size();

  std::string out = "<h1>Documents needing review</h1>";
  if (rows.empty()) {
    out += "<p class=\"lede\" id=\"review-empty\">No document needs review: every stored fact meets its rules.</p>";
    return html_response(render_page({"Documents needing review", "review", {}}, out));
  }
  out += fmt::format(
      "<p class=\"lede\" id=\"review-count\">{} document{} need{} review ({} fact{}): each fact below was not read or is "
      "in doubt. Open the PDF at the page where it should be, then record the right value with "
      "<code>cscwatch correct</code>. Until then the register shows it as <q>needs review</q>, never as a blank.</p>",
      rows.size(), rows.size() == 1 ? "" : "s", rows.size() == 1 ? "s" : "", facts, facts == 1 ? "" : "s");
  out += "<nav aria-label=\"Documents needing review\"><ol class=\"review-index\">";
  for (const auto& r : rows) {
    out += fmt::format("<li><a href=\"#document-{}\">", r.document_id);
    append_escaped(out, r.authority_name.empty() ? r.source_file : r.authority_name);
    out += ": ";
    append_escaped(out, inspection_title(r));
    out += fmt::format("</a> ({})</li>", r.review.size());
  }
  out += "</ol></nav>";
  for (const auto& r : rows) {
    out += fmt::format("<section class=\"review-document\" id=\"document-{0}\" aria-labelledby=\"document-{0}-h\">"
                       "<h2 id=\"document-{0}-h\">",
                       r.document_id);
    append_escaped(out, r.authority_name.empty() ? std::string("Authority not known") : r.authority_name);
    out += ": ";
    append_escaped(out, inspection_title(r));
    out += fmt::format("</h2><p class=\"links\"><a href=\"/report/{0}\">Report page</a> \u00b7 "
                       "<a href=\"/report/{0}/pdf\">PDF</a> \u00b7 file <code>",
                       r.document_id);
    append_escaped(out, r.source_file);
    out += "</code></p>";
    // A phone's width cannot hold four columns of long reasons: the table
    // scrolls inside its own region (focusable, so the keyboard can scroll it).
    out += fmt::format("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Facts to check in document {0}\">"
                       "<table class=\"review-items\"><caption class=\"visually-hidden\">Facts to check in document {0}</caption>"
                       "<thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Value now</th><th scope=\"col\">Reason</th>"
                       "<th scope=\"col\">Where to look</th></tr></thead><tbody>",
                       r.document_id);
    for (const auto& item : r.review) {
      out += "<tr data-field=\"";
      append_escaped(out, item.field);
      out += "\"><th scope=\"row\">";
      append_escaped(out, item.field);
      out += "</th><td>";
      std::string value = field_value(r, item.field);
      if (value.empty()) out += "<span class=\"nograde\">not read</span>";
      else append_escaped(out, value);
      out += "</td><td>";
      append_escaped(out, item.reason);
      out += "</td><td>";
      std::string link = cited_page_link(r.document_id, item.page, item.field);
      out += link.empty() ? std::string("<span class=\"nograde\">page not known</span>") : link;
      out += "</td></tr>";
    }
    out += "</tbody></table></div>";
    if (!r.corrections.empty()) {
      out += "<p class=\"note\">Already corrected in this document:";
      for (const auto& c : r.corrections) {
        out += " <strong>";
        append_escaped(out, c.field);
        out += "</strong>";
        out += field_annotations_html(r, c.field);
      }
      out += "</p>";
    }
    out += "</section>";
  }
  return html_response(render_page({"Documents needing review", "review", {}}, out));
}

WebResponse review_api(const PageContext& ctx, const WebRequest&) {
  auto rows = query_inspections(ctx.db, InspectionFilter::needing_review());
  nlohmann::json documents = nlohmann::json::array();
  for (const auto& r : rows) {
    nlohmann::json review = nlohmann::json::array();
    for (const auto& item : r.review)
      review.push_back({{"field", item.field},
                        {"reason", item.reason},
                        {"page", item.page > 0 ? nlohmann::json(item.page) : nlohmann::json(nullptr)},
                        {"value", nullable(field_value(r, item.field))},
                        {"pdf_url", pdf_url(r.document_id, item.page)}});
    documents.push_back({{"document_id", r.document_id},
                         {"authority_urn", nullable(r.authority_urn)},
                         {"authority_name", nullable(r.authority_name)},
                         {"authority_slug", nullable(r.authority_slug)},
                         {"source_file", r.source_file},
                         {"sha256", r.sha256},
                         {"kind", nullable(r.kind)},
                         {"inspection_start", nullable(r.inspection_start)},
                         {"published", nullable(r.published)},
                         {"report_url", "/report/" + std::to_string(r.document_id)},
                         {"pdf_url", pdf_url(r.document_id, 0)},
                         {"review", review},
                         {"corrected", inspection_json(r)["corrected"]}});
  }
  nlohmann::json j = {{"count", rows.size()},
                      {"message", rows.empty() ? "No document needs review: every stored fact meets its rules."
                                               : "Each document's facts that were not read or are in doubt."},
                      {"documents", documents}};
  return json_response(json_body(j));
}

}  // namespace cscwatch
