// GET /api/review: every document needing review, each doubtful fact with its
// reason, its value and a link to the PDF at its page (the page: pages/review_page.h).
#pragma once

#include "http/page_context.h"
#include "http/web_types.h"

namespace cscwatch {

WebResponse review_api(const PageContext& context, const WebRequest& request);

}  // namespace cscwatch
