// Full-text search (`/search`, `/api/search`): FTS5 query syntax explained on
// the page, filters by grade, framework, years and region, bm25-ranked hits
// with highlighted snippets linking to the page, counts of hits by grade. A
// malformed query is a 400 with a message saying what to change.
#pragma once

#include "analysis/page_search.h"
#include "http/page_context.h"
#include "http/web_types.h"

namespace cscwatch {

// Validates q, grade, framework, from, to, region, page/offset, limit.
SearchRequest search_request_from(const WebRequest& request);

WebResponse search_page(const PageContext& context, const WebRequest& request);
WebResponse search_api(const PageContext& context, const WebRequest& request);

}  // namespace cscwatch
