// Every URL and its handler, in the order they are tried. get() routes answer
// HEAD too; their Audience says whether the answer is cached (http/route.h).
#include "routing/routes.h"

#include <string>

#include "http/sign_in_routes.h"
#include "http/static_assets.h"
#include "web/audit_page.h"
#include "web/authority_page.h"
#include "web/changes_page.h"
#include "web/context_figures_api.h"
#include "web/downloads.h"
#include "web/feeds_page.h"
#include "web/improvement_forms.h"
#include "web/improvement_panel.h"
#include "web/inspectors_page.h"
#include "web/intervention_register_page.h"
#include "web/national_page.h"
#include "web/news_page.h"
#include "web/openapi.h"
#include "web/page_image_page.h"
#include "web/persistence_page.h"
#include "web/phrases_page.h"
#include "web/register_page.h"
#include "web/report_page.h"
#include "web/review_page.h"
#include "web/search_page.h"

namespace cscwatch {

namespace {

// The URL parts routes capture (as path_args).
const std::string kSlug = "([a-z0-9][a-z0-9-]{0,99})";           // an authority, region or inspector
const std::string kId = "([0-9]{1,12})";                         // a document or record id
const std::string kKind = "(intervention|board|plan|visit)";     // an improvement record made from an authority
const std::string kRecord = "(intervention|board|plan|action|visit)";  // any improvement record

constexpr Audience kEveryone = Audience::kEveryone, kUncached = Audience::kEveryoneUncached,
                   kAnonymousCached = Audience::kAnonymousCached, kEachRequest = Audience::kEachRequest;

WebResponse static_file(const PageContext&, const WebRequest& r) { return static_asset(r); }
WebResponse openapi(const PageContext&, const WebRequest&) { return json_response(openapi_document()); }
WebResponse healthz(const WebRequest&) {
  WebResponse r;
  r.content_type = "text/plain";
  r.body = "ok\n";
  r.cacheable = false;
  return r;
}

}  // namespace

std::vector<Route> site_routes() {
  return {
      get("/", register_page),
      get("/authority/" + kSlug, authority_page, kAnonymousCached),
      get("/report/" + kId, report_page),
      get("/report/" + kId + "/pdf", report_pdf_response, kUncached),
      get("/report/" + kId + "/page/([0-9]{1,5})", page_image_page),
      get("/report/" + kId + "/page/([0-9]{1,5})\\.png", page_image_png, kUncached),  // own image cache
      get("/search", search_page),
      get("/review", review_page),
      get("/news", news_form_page),
      get("/national", national_page),
      get("/inspectors", inspectors_page),
      get("/inspectors/" + kSlug, inspector_page),
      get("/export\\.(csv|json|xlsx)", register_download),
      get("/authority/" + kSlug + "\\.(csv|json|xlsx)", authority_download),
      get("/api/national", national_api),
      get("/api/inspectors", inspectors_api),
      get("/api/inspectors/" + kSlug, inspector_api),
      get("/national/phrases", phrases_page),
      get("/national/persistence", persistence_page),
      get("/changes", changes_page),
      get("/feeds/national\\.atom", national_feed),
      get("/feeds/region/" + kSlug + "\\.atom", region_feed),
      get("/feeds/authority/" + kSlug + "\\.atom", authority_feed),
      post_read("/news", news_post_page),
      get("/static/([A-Za-z0-9][A-Za-z0-9._-]{0,99})", static_file),
      get("/api/register", register_api),
      get("/interventions", intervention_register_page),
      get("/api/interventions", intervention_register_api),
      get("/interventions\\.(csv|json|xlsx)", intervention_register_download),
      get("/api/authorities/" + kSlug, authority_api, kAnonymousCached),
      get("/api/reports/" + kId, report_api),
      get("/api/search", search_api),
      get("/api/review", review_api),
      get("/api/authorities/" + kSlug + "/context", context_figures_api),
      get("/api/national/phrases", phrases_api),
      get("/api/national/persistence", persistence_api),
      post_read("/api/news", news_api),
      // Accounts: sign in and out, who is signed in; the audit trail.
      session_route("GET", "/login", sign_in_form),
      session_route("POST", "/login", sign_in),
      session_route("POST", "/logout", sign_out),
      session_route("GET", "/api/session", session_api),
      get("/audit/" + kSlug, audit_page, kEachRequest),
      get("/api/audit/" + kSlug, audit_api, kEachRequest),
      post_write("/authority/" + kSlug + "/visibility", set_visibility),
      // Improvement records: the board pack, forms (never cached: they carry
      // a CSRF token), writes, and the JSON API.
      get("/authority/" + kSlug + "/board-pack", board_pack_page, kAnonymousCached),
      get("/authority/" + kSlug + "/improvement/" + kKind + "/new", improvement_new_form, kEachRequest),
      post_write("/authority/" + kSlug + "/improvement/" + kKind + "/new", improvement_create),
      get("/improvement/" + kRecord + "/" + kId + "/edit", improvement_edit_form, kEachRequest),
      post_write("/improvement/" + kRecord + "/" + kId + "/edit", improvement_save),
      get("/improvement/plan/" + kId + "/action/new", action_new_form, kEachRequest),
      post_write("/improvement/plan/" + kId + "/action/new", action_create),
      get("/api/authorities/" + kSlug + "/improvement", improvement_api, kAnonymousCached),
      post_write("/api/authorities/" + kSlug + "/improvement/" + kKind, improvement_create),
      post_write("/api/improvement/plan/" + kId + "/actions", action_create),
      post_write("/api/improvement/" + kRecord + "/" + kId, improvement_save),
      get("/api/openapi.json", openapi, kAnonymousCached),
      get("/api/?", openapi, kAnonymousCached),  // the API's root describes the API
      plain_get("/healthz", healthz),
  };
}

}  // namespace cscwatch
