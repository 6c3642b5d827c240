// The authority page's improvement panel (derived status, interventions,
// boards, plan progress with each action linked to the improvement point it
// answers, visits), the whole story as one dated list, and the printable
// board pack of one authority's plans (/authority/<slug>/board-pack).
#pragma once

#include <string>
#include <vector>

#include "analysis/authority_profile.h"
#include "analysis/improvement_overview.h"
#include "http/page_context.h"
#include "http/web_types.h"

namespace cscwatch {

// Whether the request's account (if any) may edit the authority's records.
bool may_edit_improvement_records(const WebRequest& request, const std::string& urn);

// The panel; `can_edit` adds links to the forms.
std::string improvement_panel_html(const ImprovementOverview& overview, const AuthoritySummary& authority,
                                   const Date& today, bool can_edit);

// Every dated event of the authority, oldest first: inspections and letters,
// visits, interventions starting and ending, boards and their meetings, plans
// agreed and actions due.
std::string story_html(const AuthorityProfile& profile, const ImprovementOverview* overview);

WebResponse board_pack_page(const PageContext& ctx, const WebRequest& request);

}  // namespace cscwatch
