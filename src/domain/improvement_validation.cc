#include "domain/improvement_validation.h"

#include <algorithm>
#include <chrono>

namespace cscwatch {

namespace {

std::string trimmed(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

bool before(const Date& a, const Date& b) { return std::chrono::sys_days(a) < std::chrono::sys_days(b); }

void require(std::vector<FieldError>& errors, const std::string& value, const char* field, const char* what) {
  if (trimmed(value).empty()) errors.push_back({field, std::string(what) + " is required."});
}

void limit(std::vector<FieldError>& errors, const std::string& value, const char* field, const char* what,
           std::size_t max) {
  if (value.size() > max)
    errors.push_back({field, std::string(what) + " is too long: " + std::to_string(value.size()) +
                                 " characters, at most " + std::to_string(max) + "."});
}

}  // namespace

bool is_web_address(std::string_view text) {
  std::string_view rest;
  if (text.rfind("https://", 0) == 0) rest = text.substr(8);
  else if (text.rfind("http://", 0) == 0) rest = text.substr(7);
  else return false;
  if (rest.empty() || rest.front() == '/' || text.size() > 2000) return false;
  return std::none_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>';
  });
}

std::vector<FieldError> validate(const Intervention& i) {
  std::vector<FieldError> e;
  require(e, i.issuer, "issuer", "Who issued or made the intervention (for example DfE)");
  limit(e, i.issuer, "issuer", "The issuer", kMaxShortText);
  limit(e, i.person, "person", "The person's name", kMaxShortText);
  limit(e, i.outcome, "outcome", "The outcome", kMaxLongText);
  limit(e, i.source, "source", "The source", kMaxLongText);
  limit(e, i.source_title, "source_title", "The source's title", kMaxLongText);
  // The reference table records what sources state, and some state no start;
  // a person entering an intervention knows when it began.
  if (!i.start && i.origin != "reference") e.push_back({"start", "The start date is required (YYYY-MM-DD, or YYYY-MM or YYYY when only that is known)."});
  if (i.start && i.end && before(i.end->first_day, i.start->first_day))
    e.push_back({"end", "The end date (" + to_iso(*i.end) + ") is before the start (" + to_iso(*i.start) + ")."});
  if (i.start && i.review && before(i.review->first_day, i.start->first_day))
    e.push_back({"review", "The review date (" + to_iso(*i.review) + ") is before the start (" + to_iso(*i.start) + ")."});
  if (trimmed(i.source).empty() && i.origin == "reference")
    e.push_back({"source", "Every reference intervention needs its source."});
  return e;
}

std::vector<FieldError> validate(const ImprovementBoard& b) {
  std::vector<FieldError> e;
  require(e, b.name, "name", "The board's name");
  limit(e, b.name, "name", "The board's name", kMaxShortText);
  require(e, b.chair, "chair", "The chair");
  limit(e, b.chair, "chair", "The chair's name", kMaxShortText);
  if (b.members.size() > 100) e.push_back({"members", "At most 100 members."});
  for (size_t n = 0; n < b.members.size(); ++n) {
    const auto& m = b.members[n];
    const std::string where = "Member " + std::to_string(n + 1);
    if (trimmed(m.name).empty()) e.push_back({"members", where + " has no name."});
    if (trimmed(m.organisation).empty())
      e.push_back({"members", where + " (" + m.name + ") has no organisation: write \"name | organisation | role\"."});
    if (m.name.size() + m.organisation.size() + m.role.size() > 3 * kMaxShortText)
      e.push_back({"members", where + " is too long."});
  }
  if (b.meetings.size() > 500) e.push_back({"meetings", "At most 500 meetings."});
  for (const auto& m : b.meetings) {
    if (b.established && before(m.date, b.established->first_day))
      e.push_back({"meetings", "The meeting on " + to_iso(m.date) + " is before the board was established (" +
                                   to_iso(*b.established) + ")."});
    if (m.note.size() > kMaxShortText) e.push_back({"meetings", "The note of the meeting on " + to_iso(m.date) + " is too long."});
  }
  return e;
}

std::vector<FieldError> validate(const ImprovementPlan& p) {
  std::vector<FieldError> e;
  require(e, p.title, "title", "The plan's title");
  limit(e, p.title, "title", "The plan's title", kMaxShortText);
  return e;
}

std::vector<FieldError> validate(const PlanAction& a, const std::vector<int>& report_points) {
  std::vector<FieldError> e;
  require(e, a.description, "description", "A description of the action");
  limit(e, a.description, "description", "The description", kMaxLongText);
  require(e, a.owner, "owner", "The action's owner");
  limit(e, a.owner, "owner", "The owner", kMaxShortText);
  limit(e, a.partner, "partner", "The partner organisation", kMaxShortText);
  limit(e, a.notes, "notes", "The notes", kMaxLongText);
  if (!a.due) e.push_back({"due", "A due date is required (YYYY-MM-DD)."});
  if (a.point_ordinal) {
    if (report_points.empty())
      e.push_back({"point", "The plan names no report, so the action cannot answer one of its improvement points."});
    else if (std::find(report_points.begin(), report_points.end(), *a.point_ordinal) == report_points.end())
      e.push_back({"point", "The report has no improvement point " + std::to_string(*a.point_ordinal) + " (it has " +
                                std::to_string(report_points.size()) + ")."});
  }
  if (a.evidence_links.size() > 50) e.push_back({"evidence", "At most 50 evidence links."});
  for (const auto& link : a.evidence_links)
    if (!is_web_address(link))
      e.push_back({"evidence", "\"" + link.substr(0, 100) + "\" is not a web address (it must start http:// or https://)."});
  return e;
}

std::vector<FieldError> validate(const Visit& v) {
  std::vector<FieldError> e;
  if (!v.start) e.push_back({"start", "The first day of the visit is required (YYYY-MM-DD)."});
  if (v.start && v.end && before(*v.end, *v.start))
    e.push_back({"end", "The last day (" + to_iso(*v.end) + ") is before the first (" + to_iso(*v.start) + ")."});
  if (v.start && v.end && days_between(*v.start, *v.end) > 31)
    e.push_back({"end", "A visit lasts days, not " + std::to_string(days_between(*v.start, *v.end)) + " days: check the dates."});
  if (v.ordinal && (*v.ordinal < 1 || *v.ordinal > 30))
    e.push_back({"ordinal", "The visit number must be between 1 and 30."});
  limit(e, v.theme, "theme", "The theme", kMaxLongText);
  if (v.priority_areas.size() > 30) e.push_back({"priority_areas", "At most 30 areas for priority action."});
  for (const auto& a : v.priority_areas) limit(e, a, "priority_areas", "An area for priority action", kMaxLongText);
  if (v.kind == VisitKind::Monitoring && !v.priority_areas.empty())
    e.push_back({"priority_areas", "Areas for priority action come from focused visits, not monitoring visits."});
  return e;
}

}  // namespace cscwatch
