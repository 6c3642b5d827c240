// GET /api/authorities/<slug>/improvement: an authority's interventions,
// boards, plans with their actions, visits, and the status derived from
// them, as JSON (the records' forms and writes: pages/improvement_forms.h).
#pragma once

#include "http/page_context.h"
#include "http/web_types.h"

namespace cscwatch {

WebResponse improvement_api(const PageContext& ctx, const WebRequest& request);

}  // namespace cscwatch
