#include "web/changes_page.h"

#include <chrono>

#include "store/change_log.h"
#include "web/feeds_page.h"
#include "http/html_escape.h"
#include "http/url_codec.h"
#include "web/page_layout.h"
#include "http/request_params.h"

namespace cscwatch {

namespace {

constexpr int kDefaultDays = 90;
constexpr int kMaxEntries = 1000;

struct Scope {
  ChangeFilter filter;
  std::string label = "England";  // plain text
  std::string feed;               // its feed's address
  std::string query;              // region=/authority= part of this page's address, encoded
};

Scope scope_of(const PageContext& ctx, const WebRequest& request) {
  Scope s;
  s.filter.kinds = alert_kinds();
  s.filter.limit = kMaxEntries;
  s.feed = std::string(kNationalFeedPath);
  std::string region = param(request, "region", 100), authority = param(request, "authority", 100);
  if (!region.empty() && !authority.empty()) throw BadRequest("Give a region or an authority, not both.");
  if (!authority.empty()) {
    auto q = ctx.db.prepare("SELECT urn, name FROM authorities WHERE slug = ?");
    q.bind(1, authority);
    if (!q.step()) throw NotFound("No authority has the address '" + authority + "'.");
    s.filter.authority_urn = q.text(0);
    s.label = q.text(1);
    s.feed = authority_feed_path(authority);
    s.query = "&authority=" + url_encode(authority);
  } else if (!region.empty()) {
    auto q = ctx.db.prepare("SELECT DISTINCT region_name FROM authorities WHERE region_name <> ''");
    while (q.step())
      if (region_slug(q.text(0)) == region) s.filter.region_name = q.text(0);
    if (!s.filter.region_name) throw NotFound("No region has the name '" + region + "' (e.g. west-midlands).");
    s.label = *s.filter.region_name;
    s.feed = region_feed_path(*s.filter.region_name);
    s.query = "&region=" + url_encode(region);
  }
  return s;
}

Date since_of(const PageContext& ctx, const WebRequest& request) {
  std::string since = param(request, "since", 10);
  if (since.empty()) return Date{std::chrono::sys_days(ctx.today) - std::chrono::days(kDefaultDays)};
  auto d = parse_iso_date(since);
  if (!d) throw BadRequest("since must be a date written YYYY-MM-DD, such as 2025-01-31.");
  return *d;
}

void entry_list(std::string& out, const std::vector<ChangeEntry>& entries) {
  out += "<ol class=\"changes\">";
  for (const auto& e : entries) {
    out += "<li><time datetime=\"" + html_escape(e.occurred) + "\">" + html_escape(e.occurred) + "</time> <strong>" +
           html_escape(change_kind_title(e.kind)) + "</strong>: <a href=\"" + html_escape(e.link) + "\">" +
           html_escape(e.summary) + "</a></li>";
  }
  out += "</ol>";
}

}  // namespace

WebResponse changes_page(const PageContext& ctx, const WebRequest& request) {
  ReadSnapshot snapshot(ctx.db);
  Scope scope = scope_of(ctx, request);
  Date since = since_of(ctx, request);
  scope.filter.since = to_iso(since);
  auto entries = query_changes(ctx.db, scope.filter);
  std::string title = "What changed in " + scope.label + " since " + to_long_form(since);
  std::string out = "<h1>" + html_escape(title) + "</h1>";
  out += "<form class=\"filters\" method=\"get\" action=\"/changes\"><label for=\"since\">Since</label> "
         "<input id=\"since\" name=\"since\" type=\"date\" value=\"" + html_escape(to_iso(since)) + "\">";
  if (scope.filter.authority_urn) out += "<input type=\"hidden\" name=\"authority\" value=\"" + html_escape(param(request, "authority", 100)) + "\">";
  if (scope.filter.region_name) out += "<input type=\"hidden\" name=\"region\" value=\"" + html_escape(param(request, "region", 100)) + "\">";
  out += " <button type=\"submit\">Show</button></form>";
  out += "<p>New reports and letters, grades, and visits, interventions and improvement boards recorded, by the date "
         "they happened. Follow them in a feed reader: <a href=\"" + html_escape(scope.feed) + "\">Atom feed for " +
         html_escape(scope.label) + "</a>.</p>";
  if (entries.empty()) {
    out += "<p class=\"empty\">Nothing changed in this period.</p>";
  } else {
    out += "<p>" + std::to_string(entries.size()) + (entries.size() == kMaxEntries ? "+ (the latest shown)" : "") +
           " change" + (entries.size() == 1 ? "" : "s") + ".</p>";
    entry_list(out, entries);
  }
  PageOptions options{title, "", {}};
  options.feed_path = scope.feed;
  std::string feed_title = "cscwatch: " + scope.label + " alerts";
  options.feed_title = feed_title;
  return html_response(render_page(options, out));
}

}  // namespace cscwatch
