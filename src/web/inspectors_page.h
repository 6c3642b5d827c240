// /inspectors and /inspectors/<slug>: the inspections each lead inspector led,
// by year, framework and grade, with the caveat that grade mix reflects which
// authorities were inspected; /api/inspectors[/<slug>] as JSON.
#pragma once

#include "http/page_context.h"
#include "http/web_types.h"

namespace cscwatch {

WebResponse inspectors_page(const PageContext& ctx, const WebRequest& request);
WebResponse inspector_page(const PageContext& ctx, const WebRequest& request);
WebResponse inspectors_api(const PageContext& ctx, const WebRequest& request);
WebResponse inspector_api(const PageContext& ctx, const WebRequest& request);

}  // namespace cscwatch
