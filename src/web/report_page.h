// One stored report (`/report/<id>`, `/api/reports/<id>`, `/report/<id>/pdf`):
// every extracted fact with its page, the text of each page (with the search
// terms marked when arriving from a search), and the PDF itself, served from
// the database by id.
#pragma once

#include "http/page_context.h"
#include "http/web_types.h"

namespace cscwatch {

WebResponse report_page(const PageContext& context, const WebRequest& request);
WebResponse report_api(const PageContext& context, const WebRequest& request);
WebResponse report_pdf_response(const PageContext& context, const WebRequest& request);

}  // namespace cscwatch
