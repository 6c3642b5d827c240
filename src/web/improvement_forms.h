// Forms and write API for the improvement records: create and edit
// interventions, boards, plans, actions and visits. Writes go through the
// server's route_write (signed-in account, CSRF token, one transaction); each
// handler checks may_edit for the record's authority (403 otherwise),
// validates every field with specific messages (422, the form shown again
// with the input kept), and saves against the version the editor started
// from: a stale version answers 409 with a page showing what changed and the
// editor's input kept. The API takes the same fields as JSON.
#pragma once

#include "http/page_context.h"
#include "http/web_types.h"
#include "http/write_context.h"

namespace cscwatch {

// GET /authority/<slug>/improvement/<entity>/new, /improvement/<entity>/<id>/edit,
// /improvement/plan/<id>/action/new.
WebResponse improvement_new_form(const PageContext& ctx, const WebRequest& request);
WebResponse improvement_edit_form(const PageContext& ctx, const WebRequest& request);
WebResponse action_new_form(const PageContext& ctx, const WebRequest& request);

// POST (route_write) to the same paths, and the API:
// /api/authorities/<slug>/improvement/<entity>, /api/improvement/plan/<id>/actions,
// /api/improvement/<entity>/<id>.
WebResponse improvement_create(const WriteContext& ctx, const WebRequest& request);
WebResponse improvement_save(const WriteContext& ctx, const WebRequest& request);
WebResponse action_create(const WriteContext& ctx, const WebRequest& request);

// GET /api/authorities/<slug>/improvement: the overview as JSON.
WebResponse improvement_api(const PageContext& ctx, const WebRequest& request);

}  // namespace cscwatch
