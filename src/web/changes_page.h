// /changes?since=YYYY-MM-DD[&region=<region>][&authority=<slug>]: what
// changed since a date, as the feeds (feeds_page.h) carry it, newest first,
// with links to the records and to the matching feed. Without `since`, the
// last 90 days.
#pragma once

#include "http/page_context.h"
#include "http/web_types.h"

namespace cscwatch {

WebResponse changes_page(const PageContext& ctx, const WebRequest& request);

}  // namespace cscwatch
