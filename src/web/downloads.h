// Downloads of the register as files, the same bytes as `cscwatch export`:
//   /export.csv, /export.json, /export.xlsx                every inspection (?latest=1: each
//                                                          authority's latest graded one; csv, json)
//   /authority/<slug>.csv, .json, .xlsx                    one authority's inspections
// The workbook always has both sheets, "Latest grades" and "Full history".
#pragma once

#include "http/page_context.h"
#include "http/web_types.h"

namespace cscwatch {

// path_args: {format}
WebResponse register_download(const PageContext& ctx, const WebRequest& request);
// path_args: {slug, format}
WebResponse authority_download(const PageContext& ctx, const WebRequest& request);

// "CSV · JSON · XLSX" links for a base path ("/export", "/authority/leeds").
std::string download_links(const std::string& base, const std::string& what);

}  // namespace cscwatch
