// One page of a stored report as printed (`/report/<id>/page/<n>`): the page
// drawn by MuPDF with the cited fact's words highlighted where they stand,
// and the page's extracted text below it (for search, copying and screen
// readers), with links to the pages either side, the report and the PDF.
// `/report/<id>/page/<n>.png` is the picture itself, drawn once and kept in a
// bounded in-memory cache.
//
// Which words are highlighted comes from the link: `?fact=KEY` names a fact of
// the report (see cited_fact.h) and the server derives its words, so a link
// cannot make a report appear to say something it does not; `?hl=` carries a
// search query (from the search results), whose words are highlighted
// wherever they occur (bounded in length and number).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "http/page_context.h"
#include "http/web_types.h"

namespace cscwatch {

WebResponse page_image_page(const PageContext& context, const WebRequest& request);
WebResponse page_image_png(const PageContext& context, const WebRequest& request);

// The address of a page's image view, highlighting `fact` (a cited_fact key;
// empty: none), with the fragment that scrolls to the highlight.
std::string page_image_url(int64_t document_id, int page, std::string_view fact = {});

}  // namespace cscwatch
