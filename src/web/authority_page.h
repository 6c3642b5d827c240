// One authority (`/authority/<slug>`, `/api/authorities/<slug>`): grades over
// time, every inspection with its judgements, improvement points and summary,
// statistical neighbours with their latest grades, and reorganisations.
#pragma once

#include "http/page_context.h"
#include "http/web_types.h"

namespace cscwatch {

WebResponse authority_page(const PageContext& context, const WebRequest& request);
WebResponse authority_api(const PageContext& context, const WebRequest& request);

}  // namespace cscwatch
