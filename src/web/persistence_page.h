// Persistence of weaknesses nationally (`/national/persistence`,
// `/api/national/persistence`): how many improvement points recur in the next
// graded report, by theme and by authority (analysis/weakness_persistence.h).
// The API takes `authority=<slug>` for one authority's pairs, point by point.
#pragma once

#include "http/page_context.h"
#include "http/web_types.h"

namespace cscwatch {

WebResponse persistence_page(const PageContext& context, const WebRequest& request);
WebResponse persistence_api(const PageContext& context, const WebRequest& request);

}  // namespace cscwatch
