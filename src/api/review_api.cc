#include "api/review_api.h"

#include <nlohmann/json.hpp>

#include "api/api_json.h"
#include "http/json_body.h"
#include "store/inspection_rows.h"

namespace cscwatch {

namespace {

nlohmann::json nullable(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

std::string pdf_url(int64_t document_id, int page) {
  std::string url = "/report/" + std::to_string(document_id) + "/pdf";
  if (page > 0) url += "#page=" + std::to_string(page);
  return url;
}

}  // namespace

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
