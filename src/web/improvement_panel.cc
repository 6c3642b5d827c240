#include "web/improvement_panel.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "domain/account.h"
#include "store/improvement_visibility.h"
#include "web/grade_badge.h"
#include "http/html_escape.h"
#include "web/inspection_fragments.h"
#include "web/intervention_source.h"
#include "web/page_layout.h"

namespace cscwatch {

namespace {

std::string esc(std::string_view s) { return html_escape(s); }
std::string stated(const std::optional<StatedDate>& d) { return d ? to_display(*d) : std::string("not stated"); }
std::string day(const std::optional<Date>& d) { return d ? to_long_form(*d) : std::string("not stated"); }

std::string point_link(const PlanAction& a, const std::vector<ImprovementPointRow>& points) {
  if (!a.point_document_id || !a.point_ordinal) return "<span class=\"none\">no improvement point</span>";
  std::string label = "improvement point " + std::to_string(*a.point_ordinal);
  for (const auto& p : points)
    if (p.ordinal == *a.point_ordinal) {
      if (!p.number.empty()) label = "improvement point " + p.number;
      label += ": " + p.text.substr(0, 140) + (p.text.size() > 140 ? "\u2026" : "");
    }
  return fmt::format("<a href=\"/report/{0}#point-{0}-{1}\">{2}</a>", *a.point_document_id, *a.point_ordinal, esc(label));
}

std::string status_badge(const PlanAction& a, const Date& today) {
  std::string out = fmt::format("<span class=\"action-status s-{}\">{}</span>", to_string(a.status), label(a.status));
  if (a.rag != Rag::None)
    out += fmt::format(" <span class=\"rag rag-{}\">RAG: {}</span>", to_string(a.rag), label(a.rag));
  if (is_overdue(a, today)) out += " <span class=\"overdue\">overdue</span>";
  return out;
}

void actions_table(std::string& out, const PlanWithActions& p, const Date& today, bool can_edit, bool for_print) {
  if (p.actions.empty()) {
    out += "<p class=\"none\">No actions yet.</p>";
    return;
  }
  out += fmt::format("<div class=\"table-wrap\" role=\"region\" aria-label=\"Actions of {}\" tabindex=\"0\">",
                     esc(p.plan.title));
  out += "<table class=\"actions\"><thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Answers</th>"
         "<th scope=\"col\">Owner</th><th scope=\"col\">Due</th><th scope=\"col\">Status</th>";
  if (can_edit && !for_print) out += "<th scope=\"col\">Edit</th>";
  out += "</tr></thead><tbody>";
  for (const auto& a : p.actions) {
    out += fmt::format("<tr id=\"action-{}\" data-status=\"{}\"><td>{}", a.id, to_string(a.status), esc(a.description));
    if (!a.partner.empty()) out += "<br><small>Partner: " + esc(a.partner) + "</small>";
    if (!a.notes.empty()) out += "<br><small>" + esc(a.notes) + "</small>";
    for (const auto& link : a.evidence_links)
      out += "<br><small><a href=\"" + esc(link) + "\" rel=\"nofollow noopener\">evidence</a></small>";
    out += "</td><td>" + point_link(a, p.report_points) + "</td><td>" + esc(a.owner) + "</td><td>" + day(a.due) +
           "</td><td>" + status_badge(a, today) + "</td>";
    if (can_edit && !for_print)
      // A name of its own for each link (not a visually hidden span: absolutely
      // positioned, it would escape the table's scrolling box on a phone).
      out += fmt::format("<td><a href=\"/improvement/action/{0}/edit\" aria-label=\"Edit action {0}\">Edit</a></td>", a.id);
    out += "</tr>";
  }
  out += "</tbody></table></div>";
}

std::string progress_summary(const PlanWithActions& p, const Date& today) {
  std::map<ActionStatus, int> by_status;
  int overdue = 0;
  for (const auto& a : p.actions) {
    ++by_status[a.status];
    if (is_overdue(a, today)) ++overdue;
  }
  std::string out = "<ul class=\"progress\">";
  for (ActionStatus s : all_action_statuses())
    out += fmt::format("<li data-status=\"{}\">{}: <strong>{}</strong></li>", to_string(s), label(s), by_status[s]);
  out += fmt::format("<li class=\"overdue-count\">Overdue: <strong>{}</strong></li></ul>", overdue);
  return out;
}

void interventions_list(std::string& out, const std::vector<Intervention>& interventions, bool can_edit) {
  out += "<h3>Interventions</h3>";
  if (interventions.empty()) {
    out += "<p class=\"none\">No intervention is recorded.</p>";
    return;
  }
  out += "<ul class=\"interventions\" id=\"interventions\">";
  for (const auto& i : interventions) {
    out += fmt::format("<li id=\"intervention-{}\" data-kind=\"{}\"><strong>{}</strong>", i.id, to_string(i.kind),
                       esc(label(i.kind)));
    if (!i.person.empty()) out += " \u2014 " + esc(i.person);
    out += " (" + esc(i.issuer) + "), " + stated(i.start);
    if (i.end) out += " to " + to_display(*i.end);
    if (i.review) out += "; review " + to_display(*i.review);
    if (!i.outcome.empty()) out += ". " + esc(i.outcome);
    if (!i.source.empty()) out += " " + intervention_source_html(i);
    if (i.origin == "reference") out += " <span class=\"tag\">reference table</span>";
    if (can_edit) out += fmt::format(" <a href=\"/improvement/intervention/{}/edit\">Edit</a>", i.id);
    out += "</li>";
  }
  out += "</ul>";
}

}  // namespace

bool may_edit_improvement_records(const WebRequest& request, const std::string& urn) {
  return request.account && may_edit(*request.account, urn);
}

std::string improvement_panel_html(const ImprovementOverview& o, const AuthoritySummary& a, const Date& today,
                                   bool can_edit) {
  const ImprovementStatus& s = o.status;
  std::string out = "<section aria-labelledby=\"improvement-h\" id=\"improvement\" class=\"improvement\">"
                    "<h2 id=\"improvement-h\">Intervention and improvement</h2>";
  if (o.restricted) out += "<p class=\"note\">These records are restricted: only accounts allowed for this authority see them.</p>";
  out += "<dl class=\"facts status\" id=\"improvement-status\">";
  auto fact = [&](const char* k, const std::string& v_html) { out += "<div><dt>" + std::string(k) + "</dt><dd>" + v_html + "</dd></div>"; };
  if (s.under_intervention) {
    std::string by;
    for (const auto& i : s.in_force) {
      if (!by.empty()) by += "; ";
      by += esc(label(i.kind));
      if (!i.person.empty()) by += " (" + esc(i.person) + ")";
    }
    fact("Under intervention", "<strong data-under-intervention=\"yes\">yes</strong>, since " +
                                   (s.since ? to_long_form(*s.since) : std::string("a date not stated")) + ", by " + by);
  } else if (s.intervention_expected_but_unrecorded) {
    // Judged inadequate with nothing recorded since: the DfE intervenes in
    // every such authority, so "no intervention" would state what the
    // record does not know.
    fact("Under intervention", "<span data-under-intervention=\"expected\">expected, not recorded</span>");
    fact("Expected", "DfE intervenes in every authority judged inadequate; none is recorded here yet");
  } else {
    fact("Under intervention", "<span data-under-intervention=\"no\">no intervention in force in the record</span>");
  }
  if (s.months_since_inadequate)
    fact("Since judged inadequate", std::to_string(*s.months_since_inadequate) + " months (judgement " +
                                        to_long_form(*s.inadequate_judged) + ")");
  fact("Visits so far", fmt::format("{} monitoring, {} focused", s.monitoring_visits, s.focused_visits));
  fact("Re-inspection", esc(s.reinspection_text));
  out += "</dl>";
  for (const auto& i : s.presumed_ended)
    out += "<p class=\"note\">" + esc(label(i.kind)) + " from " + stated(i.start) +
           ": no end is stated; taken as ended by a later judgement better than inadequate.</p>";

  interventions_list(out, o.interventions, can_edit);

  out += "<h3>Improvement board</h3>";
  if (o.boards.empty()) out += "<p class=\"none\">No improvement board is recorded.</p>";
  for (const auto& b : o.boards) {
    out += fmt::format("<div class=\"board\" id=\"board-{}\"><p><strong>{}</strong>, chaired by {}{}", b.id, esc(b.name),
                       esc(b.chair), b.independent_chair ? " (independent chair)" : "");
    if (b.established) out += ", established " + to_display(*b.established);
    out += ".";
    if (can_edit) out += fmt::format(" <a href=\"/improvement/board/{}/edit\">Edit</a>", b.id);
    out += "</p>";
    if (!b.members.empty()) {
      std::map<std::string, std::vector<const BoardMember*>> by_org;
      for (const auto& m : b.members) by_org[m.organisation].push_back(&m);
      out += "<h4>Members by organisation</h4><ul class=\"members\">";
      for (const auto& [org, members] : by_org) {
        out += "<li>" + esc(org) + ": ";
        for (size_t n = 0; n < members.size(); ++n) {
          if (n) out += ", ";
          out += esc(members[n]->name);
          if (!members[n]->role.empty()) out += " (" + esc(members[n]->role) + ")";
        }
        out += "</li>";
      }
      out += "</ul>";
    }
    if (!b.meetings.empty()) {
      out += "<h4>Meetings</h4><ul class=\"meetings\">";
      for (const auto& m : b.meetings) out += "<li>" + to_long_form(m.date) + (m.note.empty() ? "" : ": " + esc(m.note)) + "</li>";
      out += "</ul>";
    }
    out += "</div>";
  }

  out += "<h3>Improvement plan</h3>";
  if (o.plans.empty()) out += "<p class=\"none\">No improvement plan is recorded.</p>";
  for (const auto& p : o.plans) {
    out += fmt::format("<div class=\"plan\" id=\"plan-{}\"><h4>{}</h4><p>", p.plan.id, esc(p.plan.title));
    if (p.plan.agreed) out += "Agreed " + to_long_form(*p.plan.agreed) + ". ";
    if (p.plan.report_document_id)
      out += fmt::format("Answers the <a href=\"/report/{}\">{}</a>. ", *p.plan.report_document_id, esc(p.report_title.empty() ? "report" : p.report_title));
    out += fmt::format("<a href=\"/authority/{}/board-pack\">Board pack (printable)</a>", esc(a.slug));
    if (can_edit)
      out += fmt::format(" \u00b7 <a href=\"/improvement/plan/{0}/edit\">Edit plan</a> \u00b7 "
                         "<a href=\"/improvement/plan/{0}/action/new\">Add an action</a>",
                         p.plan.id);
    out += "</p>" + progress_summary(p, today);
    actions_table(out, p, today, can_edit, false);
    out += "</div>";
  }

  out += "<h3>Visits</h3>";
  if (o.visits.empty()) out += "<p class=\"none\">No monitoring or focused visit is recorded.</p>";
  else {
    out += "<ul class=\"visits\" id=\"visits\">";
    for (const auto& v : o.visits) {
      out += fmt::format("<li id=\"visit-{}\" data-kind=\"{}\">{}", v.id, to_string(v.kind), esc(label(v.kind)));
      if (v.ordinal) out += fmt::format(" (number {})", *v.ordinal);
      out += ", " + day(v.start);
      if (v.end && v.start && *v.end != *v.start) out += " to " + to_long_form(*v.end);
      if (!v.theme.empty()) out += ". " + esc(v.theme.substr(0, 300));
      if (!v.priority_areas.empty()) {
        out += "<ul class=\"priority-areas\">";
        for (const auto& p : v.priority_areas) out += "<li>Area for priority action: " + esc(p) + "</li>";
        out += "</ul>";
      }
      if (v.letter_document_id) out += fmt::format(" <a href=\"/report/{}\">the letter</a>", *v.letter_document_id);
      if (can_edit) out += fmt::format(" <a href=\"/improvement/visit/{}/edit\">Edit</a>", v.id);
      out += "</li>";
    }
    out += "</ul>";
  }
  if (can_edit) {
    const std::string slug = esc(a.slug);
    out += "<p class=\"add-links\">Add: <a href=\"/authority/" + slug + "/improvement/intervention/new\">an intervention</a> \u00b7 "
           "<a href=\"/authority/" + slug + "/improvement/board/new\">a board</a> \u00b7 "
           "<a href=\"/authority/" + slug + "/improvement/plan/new\">a plan</a> \u00b7 "
           "<a href=\"/authority/" + slug + "/improvement/visit/new\">a visit</a></p>";
  }
  out += "</section>";
  return out;
}

std::string story_html(const AuthorityProfile& profile, const ImprovementOverview* o) {
  struct Event {
    std::string date, html;
  };
  std::vector<Event> events;
  for (const auto& i : profile.inspections) {
    const InspectionRow& r = i.row;
    std::string html = fmt::format("<a href=\"#inspection-{}\">{}</a>", r.document_id, esc(inspection_title(r)));
    if (!r.grade("overall").empty()) html += " " + grade_badge(r.grade("overall"));
    events.push_back({r.inspection_start, "<span class=\"ev ev-inspection\">Inspection</span> " + html});
  }
  if (o) {
    for (const auto& v : o->visits)
      if (v.start && !v.letter_document_id)  // a letter in the register is listed as an inspection already
        events.push_back({to_iso(*v.start), "<span class=\"ev ev-visit\">" + esc(label(v.kind)) + "</span>" +
                                                 (v.ordinal ? fmt::format(" (number {})", *v.ordinal) : std::string())});
      else if (v.start)
        events.push_back({to_iso(*v.start), "<span class=\"ev ev-visit\">" + esc(label(v.kind)) + "</span>" +
                                                 (v.ordinal ? fmt::format(" (number {})", *v.ordinal) : std::string()) +
                                                 fmt::format(" \u2014 <a href=\"/report/{}\">letter</a>", *v.letter_document_id)});
    for (const auto& i : o->interventions) {
      std::string who = esc(label(i.kind)) + (i.person.empty() ? "" : " (" + esc(i.person) + ")");
      if (i.start) events.push_back({to_iso(i.start->first_day), "<span class=\"ev ev-intervention\">Intervention</span> " + who + " begins (" + to_display(*i.start) + ")"});
      if (i.end) events.push_back({to_iso(i.end->first_day), "<span class=\"ev ev-intervention\">Intervention</span> " + who + " ends (" + to_display(*i.end) + ")"});
    }
    for (const auto& b : o->boards) {
      if (b.established) events.push_back({to_iso(b.established->first_day), "<span class=\"ev ev-board\">Board</span> " + esc(b.name) + " established, chair " + esc(b.chair)});
      for (const auto& m : b.meetings) events.push_back({to_iso(m.date), "<span class=\"ev ev-board\">Board</span> " + esc(b.name) + " meets" + (m.note.empty() ? "" : ": " + esc(m.note))});
    }
    for (const auto& p : o->plans) {
      if (p.plan.agreed) events.push_back({to_iso(*p.plan.agreed), "<span class=\"ev ev-plan\">Plan</span> " + esc(p.plan.title) + " agreed"});
      for (const auto& a : p.actions)
        if (a.due) events.push_back({to_iso(*a.due), "<span class=\"ev ev-plan\">Action due</span> " + esc(a.description.substr(0, 120)) + " \u2014 " + esc(label(a.status))});
    }
  }
  std::stable_sort(events.begin(), events.end(), [](const Event& x, const Event& y) { return x.date < y.date; });
  std::string out = "<section aria-labelledby=\"story-h\"><h2 id=\"story-h\">The whole story</h2><ol class=\"story\" id=\"story\">";
  for (const auto& e : events) out += "<li><time datetime=\"" + esc(e.date) + "\">" + esc(e.date) + "</time> " + e.html + "</li>";
  out += "</ol></section>";
  return out;
}

WebResponse board_pack_page(const PageContext& ctx, const WebRequest& request) {
  const std::string& slug = request.path_args.at(0);
  auto profile = authority_profile(ctx.db, slug);
  if (!profile) throw NotFound("No authority is called '" + slug + "'.");
  std::vector<InspectionRow> rows;
  for (const auto& i : profile->inspections) rows.push_back(i.row);
  ImprovementOverview o = improvement_overview(ctx.db, profile->authority.urn, rows, ctx.today);
  if (!may_view_improvement_records(ctx.db, request.account, profile->authority.urn))
    throw NotFound("No board pack is public for this authority.");
  std::string out = "<div class=\"board-pack\"><p class=\"crumbs no-print\"><a href=\"/authority/" + esc(slug) + "\">" +
                    esc(profile->authority.name) + "</a></p><h1>Board pack: " + esc(profile->authority.name) + "</h1>";
  out += "<p>Prepared " + to_long_form(ctx.today) + " from the cscwatch record.</p>";
  out += "<p class=\"no-print\"><button type=\"button\" data-print>Print</button></p>";
  for (const auto& b : o.boards)
    out += "<p>" + esc(b.name) + ", chair " + esc(b.chair) + (b.independent_chair ? " (independent)" : "") + "</p>";
  if (o.plans.empty()) out += "<p class=\"none\">No improvement plan is recorded.</p>";
  for (const auto& p : o.plans) {
    out += fmt::format("<section class=\"plan\" id=\"pack-plan-{}\" aria-labelledby=\"pack-plan-h-{}\"><h2 id=\"pack-plan-h-{}\">{}</h2>", p.plan.id, p.plan.id, p.plan.id, esc(p.plan.title));
    out += progress_summary(p, ctx.today);
    std::vector<PlanAction> overdue;
    for (const auto& a : p.actions)
      if (is_overdue(a, ctx.today)) overdue.push_back(a);
    out += "<h3>Overdue actions</h3>";
    if (overdue.empty()) out += "<p class=\"none\">None.</p>";
    else {
      out += "<ul class=\"overdue-actions\">";
      for (const auto& a : overdue) out += "<li>" + esc(a.description) + " \u2014 due " + day(a.due) + ", " + esc(a.owner) + "</li>";
      out += "</ul>";
    }
    out += "<h3>All actions</h3>";
    actions_table(out, p, ctx.today, false, true);
    out += "</section>";
  }
  out += "</div>";
  WebResponse r = html_response(render_page({"Board pack: " + profile->authority.name, "register", {}}, out));
  if (request.account) r.cacheable = false;
  return r;
}

}  // namespace cscwatch
