// `/api/authorities/<slug>/context`: the statistics each SIF report of the
// authority printed about its area (domain/context_figure.h), each with the
// page it came from, oldest inspection first.
#pragma once

#include "http/page_context.h"
#include "http/web_types.h"

namespace cscwatch {

WebResponse context_figures_api(const PageContext& context, const WebRequest& request);

}  // namespace cscwatch
