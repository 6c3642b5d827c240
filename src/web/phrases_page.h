// Recurring weaknesses (`/national/phrases`, `/api/national/phrases`): the
// phrases inadequate reports use more than good or outstanding ones and the
// reverse (analysis/phrase_contrast.h), each linked to the search for its
// evidence. `framework` (SIF, ILACS) narrows the corpus; `top` (1-200,
// default 50) phrases are listed each way.
#pragma once

#include "http/page_context.h"
#include "http/web_types.h"

namespace cscwatch {

WebResponse phrases_page(const PageContext& context, const WebRequest& request);
WebResponse phrases_api(const PageContext& context, const WebRequest& request);

}  // namespace cscwatch
