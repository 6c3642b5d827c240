#include "pages/authority_page.h"

#include <fmt/format.h>

#include "analysis/authority_profile.h"
#include "analysis/context_figures_history.h"
#include "analysis/improvement_overview.h"
#include "analysis/national_register.h"
#include "api/api_json.h"
#include "pages/authority_peers_section.h"
#include "pages/context_figures_section.h"
#include "api/downloads.h"
#include "pages/grade_badge.h"
#include "http/html_escape.h"
#include "pages/improvement_panel.h"
#include "pages/inspection_fragments.h"
#include "pages/feeds_page.h"
#include "pages/page_layout.h"
#include "pages/persistence_section.h"
#include "http/static_assets.h"
#include "pages/timeline_svg.h"
#include "store/improvement_visibility.h"

namespace cscwatch {

namespace {

AuthorityProfile load(const PageContext& ctx, const WebRequest& request) {
  const std::string& slug = request.path_args.at(0);
  if (slug.size() > 100) throw BadRequest("authority name too long");
  auto p = authority_profile(ctx.db, slug);
  if (!p) throw NotFound("No authority is called '" + slug + "'. Find it in the national register.");
  return std::move(*p);
}

void authority_link(std::string& out, const AuthoritySummary& a) {
  out += "<a href=\"/authority/";
  append_escaped(out, a.slug);
  out += "\">";
  append_escaped(out, a.name);
  out += "</a>";
}

void heading_and_facts(std::string& out, const AuthorityProfile& p) {
  const AuthoritySummary& a = p.authority;
  out += "<p class=\"crumbs\"><a href=\"/\">National register</a> \u203a ";
  append_escaped(out, a.region_name);
  out += "</p><h1>";
  append_escaped(out, a.name);
  out += "</h1><dl class=\"facts inline\">";
  auto fact = [&](const char* k, const std::string& v) {
    if (v.empty()) return;
    out += "<div><dt>";
    out += k;
    out += "</dt><dd>";
    append_escaped(out, v);
    out += "</dd></div>";
  };
  fact("Region", a.region_name);
  fact("Type", a.la_type);
  fact("Ofsted URN", a.urn);
  fact("DfE LA code", a.la_code);
  fact("ONS code", a.ons_code);
  out += "</dl>";
  if (a.legacy) out += "<p class=\"note\">This authority no longer exists: see its successors below.</p>";

  auto reorg = [&](const std::vector<ReorganisationLink>& links, const char* heading, const char* id) {
    if (links.empty()) return;
    out += fmt::format("<section class=\"reorg\" id=\"{}\"><h2>{}</h2><ul>", id, heading);
    for (const auto& l : links) {
      out += "<li>";
      authority_link(out, l.authority);
      out += " \u2014 ";
      append_escaped(out, l.effective);
      out += ": ";
      append_escaped(out, l.note);
      out += "</li>";
    }
    out += "</ul></section>";
  };
  reorg(p.predecessors, "Predecessor authorities", "predecessors");
  reorg(p.successors, "Successor authorities", "successors");

}

void grades_section(std::string& out, const PageContext& ctx, const AuthorityProfile& p) {
  // Grades over time.
  std::vector<const InspectionRow*> rows;
  for (const auto& i : p.inspections) rows.push_back(&i.row);
  out += "<section aria-labelledby=\"grades-h\"><h2 id=\"grades-h\">Grades over time</h2>";
  if (p.inspections.empty()) {
    out += "<p class=\"none\">No report of this authority is in the register yet.</p>";
  } else {
    out += "<figure class=\"chart\">" + grades_timeline_svg(rows, ctx.today) + judgement_key_html() + "</figure>";
    out += "<ol class=\"timeline\" id=\"timeline\">";
    for (auto it = p.inspections.rbegin(); it != p.inspections.rend(); ++it) {
      const InspectionRow& r = it->row;
      out += fmt::format("<li data-document=\"{}\"><a href=\"#inspection-{}\">", r.document_id, r.document_id);
      append_escaped(out, inspection_title(r));
      out += "</a> ";
      CountedGrade counted = counted_grade(r);
      if (counted.overall_absent_by_framework && r.grade("overall").empty()) {
        out += "<span class=\"absent\">";
        out += kNoOverall2026;
        out += "</span>";
        if (counted.by_lowest_judgement)
          out += ", <span class=\"counted\"><span aria-hidden=\"true\">\u25c6</span> counted as</span> " +
                 grade_badge(counted.grade) + " (its lowest judgement)";
      } else {
        out += r.grade("overall").empty() ? "<span class=\"nograde\">not graded</span>" : grade_badge(r.grade("overall"));
      }
      if (r.needs_review()) out += " <span class=\"needs-review\">needs review</span>";
      out += "</li>";
    }
    out += "</ol>";
  }
  out += "</section>";

}

void improvement_section(std::string& out, const PageContext& ctx, const WebRequest& request, const AuthorityProfile& p) {
  const AuthoritySummary& a = p.authority;
  // What the grades set in motion: shown to those who may see the records
  // (public unless restricted for this authority).
  {
    std::vector<InspectionRow> history;
    for (const auto& i : p.inspections) history.push_back(i.row);
    ImprovementOverview improvement = improvement_overview(ctx.db, a.urn, history, ctx.today);
    const bool visible = may_view_improvement_records(ctx.db, request.account, a.urn);
    const bool can_edit = may_edit_improvement_records(request, a.urn);
    if (visible && (!improvement.empty() || can_edit || improvement.status.intervention_expected_but_unrecorded))
      out += improvement_panel_html(improvement, a, ctx.today, can_edit);
    if (!p.inspections.empty() || (visible && !improvement.empty())) out += story_html(p, visible ? &improvement : nullptr);
  }

}

void inspections_section(std::string& out, const AuthorityProfile& p) {
  if (!p.inspections.empty()) {
    out += "<section aria-labelledby=\"insp-h\"><h2 id=\"insp-h\">Inspections</h2>";
    for (auto it = p.inspections.rbegin(); it != p.inspections.rend(); ++it) {
      const InspectionRow& r = it->row;
      out += fmt::format("<article class=\"inspection\" id=\"inspection-{}\"><h3>", r.document_id);
      append_escaped(out, inspection_title(r));
      out += "</h3><p class=\"links\">" +
             fmt::format("<a href=\"/report/{0}\">Report page: every fact and page text</a> \u00b7 "
                         "<a href=\"/report/{0}/pdf\">PDF</a>",
                         r.document_id) +
             "</p>";
      out += inspection_facts_html(r);
      out += judgements_html(r);
      out += improvement_points_html(r.document_id, it->improvement_points);
      if (!r.headline.empty()) {
        out += "<h4>Summary</h4><blockquote class=\"summary\">";
        append_escaped(out, r.headline);
        out += "</blockquote> " + cited_page_link(r.document_id, r.headline_page, "headline");
      }
      out += "</article>";
    }
    out += "</section>";
  }

}

void neighbours_section(std::string& out, const AuthorityProfile& p) {
  out += "<section aria-labelledby=\"nb-h\"><h2 id=\"nb-h\">Statistical neighbours</h2>";
  if (p.neighbours.empty()) {
    out += "<p class=\"none\">No statistical neighbours are listed for this authority.</p>";
  } else {
    out += "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"nb-h\" tabindex=\"0\">"
           "<table class=\"neighbours\"><thead><tr><th scope=\"col\">Authority</th><th scope=\"col\">Latest overall grade</th>"
           "<th scope=\"col\">Inspection start</th></tr></thead><tbody>";
    for (const auto& n : p.neighbours) {
      out += "<tr><th scope=\"row\">";
      if (n.authority) authority_link(out, *n.authority);
      else out += "DfE code " + html_escape(n.la_code) + " (not in the reference table)";
      out += "</th><td>" + grade_badge(n.overall) + "</td><td>" + html_escape(n.inspection_start) + "</td></tr>";
    }
    out += "</tbody></table></div>";
  }
  out += "</section>";
}

}  // namespace

WebResponse authority_page(const PageContext& ctx, const WebRequest& request) {
  AuthorityProfile p = load(ctx, request);
  const AuthoritySummary& a = p.authority;
  std::string out;
  heading_and_facts(out, p);
  grades_section(out, ctx, p);
  improvement_section(out, ctx, request, p);
  inspections_section(out, p);
  out += context_figures_section_html(context_figures_history(ctx.db, a.urn));
  out += persistence_section_html(authority_persistence(ctx.db, a.urn));

  neighbours_section(out, p);
  out += authority_peers_section(ctx, a.slug);
  out += download_links("/authority/" + a.slug, "this authority's inspections");
  out += "<p><a href=\"/api/authorities/" + html_escape(a.slug) + "\">This authority as JSON</a> \u00b7 <a href=\"" +
         html_escape(authority_feed_path(a.slug)) + "\">Alerts for this authority (Atom feed)</a></p>";

  PageOptions options{a.name, "register", {}};
  std::string feed = authority_feed_path(a.slug), feed_title = "cscwatch: " + a.name + " alerts";
  options.feed_path = feed;
  options.feed_title = feed_title;
  if (charts_available() && !p.inspections.empty()) options.scripts = {"/static/chart.umd.js", "/static/context_chart.js"};
  WebResponse response = html_response(render_page(options, out));
  if (request.account) response.cacheable = false;  // may hold restricted records and edit links
  return response;
}

WebResponse authority_api(const PageContext& ctx, const WebRequest& request) {
  return json_response(json_body(authority_profile_json(load(ctx, request))));
}

}  // namespace cscwatch
