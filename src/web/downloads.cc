#include "web/downloads.h"

#include "analysis/export_formats.h"
#include "store/inspection_rows.h"
#include "http/html_escape.h"
#include "http/request_params.h"

namespace cscwatch {

namespace {

WebResponse file_response(const std::string& format, const std::string& name, const std::vector<InspectionRow>& latest,
                          const std::vector<InspectionRow>& history, bool latest_only) {
  WebResponse r;
  if (format == "csv") {
    r.content_type = "text/csv; charset=utf-8";
    r.body = export_csv(latest_only ? latest : history);
  } else if (format == "json") {
    r.content_type = "application/json";
    r.body = export_json(latest_only ? latest : history);
  } else {
    auto bytes = export_xlsx(latest, history);
    if (!bytes) throw std::runtime_error(bytes.error());
    r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    r.body = std::move(*bytes);
  }
  r.content_disposition = "attachment; filename=\"" + name + (latest_only && format != "xlsx" ? "-latest." : ".") + format + "\"";
  return r;
}

}  // namespace

WebResponse register_download(const PageContext& ctx, const WebRequest& request) {
  const std::string& format = request.path_args.at(0);
  const bool latest_only = flag_param(request, "latest");
  return file_response(format, "cscwatch-register", query_inspections(ctx.db, InspectionFilter::latest()),
                       query_inspections(ctx.db), latest_only);
}

WebResponse authority_download(const PageContext& ctx, const WebRequest& request) {
  const std::string& slug = request.path_args.at(0);
  const std::string& format = request.path_args.at(1);
  std::string urn;
  {
    auto q = ctx.db.prepare("SELECT urn FROM authorities WHERE slug = ?");
    q.bind(1, slug);
    if (!q.step()) throw NotFound("No authority is called '" + slug + "'. Find it in the national register.");
    urn = q.text(0);
  }
  InspectionFilter latest = InspectionFilter::latest();
  latest.authority_urn = urn;
  return file_response(format, slug, query_inspections(ctx.db, latest),
                       query_inspections(ctx.db, InspectionFilter::of_authority(urn)), flag_param(request, "latest"));
}

std::string download_links(const std::string& base, const std::string& what) {
  const std::string b = html_escape(base);
  return "<p class=\"downloads\">Download " + html_escape(what) + " as <a href=\"" + b + ".csv\">CSV</a>, <a href=\"" + b +
         ".json\">JSON</a> or <a href=\"" + b + ".xlsx\">XLSX</a> (a workbook: latest grades and full history)</p>";
}

}  // namespace cscwatch
