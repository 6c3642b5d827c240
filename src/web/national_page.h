// /national: the national picture (grade mix by year and framework, nationally
// or for a region; transitions between inspections; time to recover from
// inadequate; the hex map as at a date) and /api/national, its JSON.
#pragma once

#include "http/page_context.h"
#include "http/web_types.h"

namespace cscwatch {

WebResponse national_page(const PageContext& ctx, const WebRequest& request);
WebResponse national_api(const PageContext& ctx, const WebRequest& request);

}  // namespace cscwatch
