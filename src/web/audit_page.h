// The audit trail of one authority's records (/audit/<slug>, and as JSON at
// /api/audit/<slug>), for signed-in accounts allowed to see the authority's
// restricted records; and the write that makes those records public or
// restricted (POST /authority/<slug>/visibility).
#pragma once

#include "http/page_context.h"
#include "http/web_types.h"
#include "http/write_context.h"

namespace cscwatch {

WebResponse audit_page(const PageContext& ctx, const WebRequest& request);
WebResponse audit_api(const PageContext& ctx, const WebRequest& request);

// Form fields: restricted = "1" | "0"; csrf. Admins and the authority's
// editors only.
WebResponse set_visibility(const WriteContext& ctx, const WebRequest& request);

}  // namespace cscwatch
