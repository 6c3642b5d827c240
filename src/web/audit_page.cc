#include "web/audit_page.h"

#include <nlohmann/json.hpp>

#include "store/audit_log.h"
#include "store/improvement_visibility.h"
#include "web/api_json.h"
#include "http/html_escape.h"
#include "http/url_codec.h"
#include "web/page_layout.h"

namespace cscwatch {

namespace {

struct AuthorityRef {
  std::string urn, name, slug;
};

AuthorityRef authority_by_slug(const Connection& db, const std::string& slug) {
  auto q = db.prepare("SELECT urn, name, slug FROM authorities WHERE slug = ?");
  q.bind(1, slug);
  if (!q.step()) throw NotFound("No authority is called '" + slug.substr(0, 100) + "'.");
  return {q.text(0), q.text(1), q.text(2)};
}

// The audit trail tells who worked on what: signed-in accounts allowed to see
// the authority's restricted records only.
AuthorityRef authority_for_audit(const PageContext& ctx, const WebRequest& request) {
  AuthorityRef a = authority_by_slug(ctx.db, request.path_args.at(0));
  if (!request.account) throw Forbidden("Sign in to read the audit trail.");
  if (!may_view_restricted(*request.account, a.urn))
    throw Forbidden("Your account may not read the audit trail of " + a.name + ".");
  return a;
}

nlohmann::json parse_or_null(const std::string& text) {
  if (text.empty()) return nullptr;
  auto j = nlohmann::json::parse(text, nullptr, false);
  return j.is_discarded() ? nlohmann::json(text) : j;
}

// The fields that differ between before and after (all of them for a create
// or a delete), as "field: old → new" lines.
std::vector<std::string> differences(const AuditChange& c) {
  nlohmann::json before = parse_or_null(c.before_json), after = parse_or_null(c.after_json);
  std::vector<std::string> out;
  auto show = [](const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); };
  if (!before.is_object() || !after.is_object()) {
    if (!before.is_null()) out.push_back("before: " + show(before));
    if (!after.is_null()) out.push_back("after: " + show(after));
    return out;
  }
  for (auto it = after.begin(); it != after.end(); ++it) {
    auto old = before.find(it.key());
    if (old == before.end())
      out.push_back(it.key() + ": " + show(*it));
    else if (*old != *it)
      out.push_back(it.key() + ": " + show(*old) + " \u2192 " + show(*it));
  }
  for (auto it = before.begin(); it != before.end(); ++it)
    if (!after.contains(it.key())) out.push_back(it.key() + ": " + show(*it) + " \u2192 (removed)");
  return out;
}

}  // namespace

WebResponse audit_page(const PageContext& ctx, const WebRequest& request) {
  AuthorityRef a = authority_for_audit(ctx, request);
  auto rows = audit_for_authority(ctx.db, a.urn);
  std::string body = "<h1>Audit trail: " + html_escape(a.name) + "</h1><p><a href=\"/authority/" + html_escape(a.slug) +
                     "\">Back to " + html_escape(a.name) + "</a>. Every change to this authority's improvement records, "
                     "newest first.</p>";
  if (rows.empty()) {
    body += "<p>No changes have been recorded.</p>";
  } else {
    body += "<div class=\"table-scroll\"><table class=\"audit\"><caption class=\"visually-hidden\">Changes</caption><thead><tr>"
            "<th scope=\"col\">When (UTC)</th><th scope=\"col\">Who</th><th scope=\"col\">Record</th>"
            "<th scope=\"col\">Change</th><th scope=\"col\">What changed</th></tr></thead><tbody>";
    for (const auto& r : rows) {
      std::string when = r.at.substr(0, 19);  // to the second: 2026-11-26 05:01:05
      if (when.size() > 10 && when[10] == 'T') when[10] = ' ';
      body += "<tr><td><time datetime=\"" + html_escape(r.at) + "\">" + html_escape(when) + "</time></td><td>" + html_escape(r.change.actor) + "</td><td>" +
              html_escape(r.change.entity) + (r.change.entity_id ? " " + std::to_string(r.change.entity_id) : std::string()) +
              "</td><td>" + html_escape(r.change.action) + "</td><td><ul class=\"diff\">";
      for (const auto& line : differences(r.change)) body += "<li>" + html_escape(line) + "</li>";
      body += "</ul></td></tr>";
    }
    body += "</tbody></table></div>";
  }
  WebResponse out = html_response(render_page({"Audit trail: " + a.name, "", {}}, body));
  out.cacheable = false;
  return out;
}

WebResponse audit_api(const PageContext& ctx, const WebRequest& request) {
  AuthorityRef a = authority_for_audit(ctx, request);
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : audit_for_authority(ctx.db, a.urn)) {
    rows.push_back({{"id", r.id},
                    {"at", r.at},
                    {"actor", r.change.actor},
                    {"authority_urn", r.change.authority_urn},
                    {"entity", r.change.entity},
                    {"entity_id", r.change.entity_id},
                    {"action", r.change.action},
                    {"before", parse_or_null(r.change.before_json)},
                    {"after", parse_or_null(r.change.after_json)}});
  }
  WebResponse out = json_response(json_body({{"authority_urn", a.urn}, {"authority_slug", a.slug}, {"changes", rows}}));
  out.cacheable = false;
  return out;
}

WebResponse set_visibility(const WriteContext& ctx, const WebRequest& request) {
  AuthorityRef a = authority_by_slug(ctx.db, request.path_args.at(0));
  if (!may_edit(ctx.account, a.urn)) throw Forbidden("Your account may not change the records of " + a.name + ".");
  auto field = request.params.find("restricted");
  if (field == request.params.end() || (field->second != "0" && field->second != "1"))
    throw BadRequest("restricted must be 1 (only accounts allowed to see them) or 0 (public).");
  bool restricted = field->second == "1";
  set_improvement_records_restricted(ctx.db, ctx.account.name, a.urn, restricted);
  if (request.path.rfind("/api/", 0) == 0 || request.params.count("json"))
    return json_response(json_body({{"authority_urn", a.urn}, {"restricted", restricted}}));
  WebResponse out;
  out.status = 303;
  out.location = "/authority/" + url_encode(a.slug);
  out.cacheable = false;
  return out;
}

}  // namespace cscwatch
