// Documents needing review (`/review` and `/api/review`): every document that
// falls short of its completeness rules, grouped by document, each doubtful
// fact with its reason and a link to the PDF at the page where it should be.
// Nothing the extractor could not read is left as a silent blank.
#pragma once

#include "http/page_context.h"
#include "http/web_types.h"

namespace cscwatch {

WebResponse review_page(const PageContext& context, const WebRequest& request);
WebResponse review_api(const PageContext& context, const WebRequest& request);

}  // namespace cscwatch
