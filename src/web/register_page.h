// The national register (`/` and `/api/register`): every authority with its
// latest grades, filterable by region, grade and framework, sortable by any
// column, with counts of authorities by current grade.
#pragma once

#include <string>

#include "analysis/national_register.h"
#include "http/page_context.h"
#include "web/review_page.h"  // linked from the register (its notice of documents needing review)
#include "http/web_types.h"

namespace cscwatch {

struct RegisterView {
  RegisterFilter filter;
  std::string sort = "authority_name";
  bool descending = false;
};

// Validates the query parameters (region, grade, ever, framework, legacy,
// sort, dir); throws BadRequest.
RegisterView register_view_from(const WebRequest& request);

WebResponse register_page(const PageContext& context, const WebRequest& request);
WebResponse register_api(const PageContext& context, const WebRequest& request);

}  // namespace cscwatch
