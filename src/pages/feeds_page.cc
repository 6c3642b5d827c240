#include "pages/feeds_page.h"

#include <cctype>

#include "pages/atom_feed.h"

namespace cscwatch {

namespace {

// The log's last write: a feed with no entries is still dated, and dated the
// same on every request until the log changes.
std::string log_updated(const Connection& db) {
  auto q = db.prepare("SELECT COALESCE(MAX(recorded_at), '') FROM change_log");
  q.step();
  return q.text(0);
}

WebResponse atom_response(const Connection& db, AtomFeed feed, const ChangeFilter& filter) {
  feed.fallback_updated = log_updated(db);
  WebResponse r;
  r.content_type = "application/atom+xml; charset=utf-8";
  r.body = render_atom_feed(feed, query_changes(db, filter));
  return r;
}

ChangeFilter alerts() {
  ChangeFilter f;
  f.kinds = alert_kinds();
  f.limit = kFeedEntries;
  return f;
}

}  // namespace

std::string region_slug(std::string_view region_name) {
  std::string out;
  for (char c : region_name) {
    if (std::isalnum(static_cast<unsigned char>(c))) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    else if (!out.empty() && out.back() != '-') out.push_back('-');
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string authority_feed_path(std::string_view authority_slug) {
  return "/feeds/authority/" + std::string(authority_slug) + ".atom";
}

std::string region_feed_path(std::string_view region_name) { return "/feeds/region/" + region_slug(region_name) + ".atom"; }

WebResponse national_feed(const PageContext& ctx, const WebRequest&) {
  ReadSnapshot snapshot(ctx.db);
  return atom_response(ctx.db, {"national", "cscwatch: Ofsted children's services in England", std::string(kNationalFeedPath), "/changes", ""},
                       alerts());
}

WebResponse region_feed(const PageContext& ctx, const WebRequest& request) {
  ReadSnapshot snapshot(ctx.db);
  const std::string& wanted = request.path_args.at(0);
  auto q = ctx.db.prepare("SELECT DISTINCT region_name FROM authorities WHERE region_name <> '' ORDER BY region_name");
  while (q.step()) {
    std::string name = q.text(0);
    if (region_slug(name) != wanted) continue;
    ChangeFilter f = alerts();
    f.region_name = name;
    return atom_response(ctx.db,
                         {"region/" + wanted, "cscwatch: Ofsted children's services in " + name, region_feed_path(name),
                          "/changes?region=" + wanted, ""},
                         f);
  }
  throw NotFound("No region has the feed name '" + wanted + "'. Regions are named as Ofsted names them, e.g. west-midlands.");
}

WebResponse authority_feed(const PageContext& ctx, const WebRequest& request) {
  ReadSnapshot snapshot(ctx.db);
  const std::string& slug = request.path_args.at(0);
  auto q = ctx.db.prepare("SELECT urn, name FROM authorities WHERE slug = ?");
  q.bind(1, slug);
  if (!q.step()) throw NotFound("No authority has the address '" + slug + "'.");
  ChangeFilter f = alerts();
  f.authority_urn = q.text(0);
  return atom_response(ctx.db,
                       {"authority/" + slug, "cscwatch: " + q.text(1) + " children's services", authority_feed_path(slug),
                        "/authority/" + slug, ""},
                       f);
}

}  // namespace cscwatch
