// The national intervention register (issue 19), in new files so the shared
// routing needs only its lines:
//   /interventions                       the page: every authority under intervention now and since 2013,
//                                        filterable by kind, region and year (?kind=&region=&year=&now=1)
//   /api/interventions                   the same rows as JSON, with the counts
//   /interventions.csv, .json, .xlsx     downloads of the filtered rows (analysis/table_export.h)
// Each row shows the months from the inadequate judgement to the intervention
// and from the intervention to the next better grade
// (analysis/intervention_register.h), and its source as a link.
#pragma once

#include "http/page_context.h"
#include "http/web_types.h"

namespace cscwatch {

WebResponse intervention_register_page(const PageContext& ctx, const WebRequest& request);
WebResponse intervention_register_api(const PageContext& ctx, const WebRequest& request);
// path_args: {format}
WebResponse intervention_register_download(const PageContext& ctx, const WebRequest& request);

}  // namespace cscwatch
