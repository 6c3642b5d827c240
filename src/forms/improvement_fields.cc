#include "forms/improvement_fields.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "domain/improvement_validation.h"
#include "store/improvement_store.h"
#include "store/inspection_rows.h"

namespace cscwatch::improvement_form {

using nlohmann::json;

AuthorityRef authority_of_slug(const Connection& db, const std::string& slug) {
  auto q = db.prepare("SELECT urn, name, slug FROM authorities WHERE slug = ?");
  q.bind(1, slug);
  if (!q.step()) throw NotFound("No authority is called '" + slug + "'.");
  return {q.text(0), q.text(1), q.text(2)};
}
AuthorityRef authority_of_urn(const Connection& db, const std::string& urn) {
  auto q = db.prepare("SELECT urn, name, slug FROM authorities WHERE urn = ?");
  q.bind(1, urn);
  if (!q.step()) throw NotFound("The record's authority is not in the register.");
  return {q.text(0), q.text(1), q.text(2)};
}

std::int64_t id_arg(const WebRequest& r, size_t index) {
  const std::string& s = r.path_args.at(index);
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) throw BadRequest("not a record number: " + s);
  return v;
}

bool is_api(const WebRequest& r) { return r.path.rfind("/api/", 0) == 0; }

// The submitted fields: the form's, or the JSON body's for the API (arrays
// become one value a line, true/false become 1/0).
Fields submitted(const WebRequest& r, const std::vector<FieldSpec>& specs) {
  Fields f;
  if (is_api(r)) {
    json body = json::parse(r.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) throw BadRequest("The body must be a JSON object of the record's fields.");
    for (const auto& s : specs) {
      auto it = body.find(s.name);
      if (it == body.end() || it->is_null()) continue;
      if (it->is_string()) f[s.name] = it->get<std::string>();
      else if (it->is_boolean()) f[s.name] = it->get<bool>() ? "1" : "0";
      else if (it->is_number_integer()) f[s.name] = std::to_string(it->get<std::int64_t>());
      else if (it->is_array()) {
        std::string joined;
        for (const auto& e : *it)
          if (e.is_string()) joined += (joined.empty() ? "" : "\n") + e.get<std::string>();
        f[s.name] = joined;
      } else throw BadRequest("Field '" + s.name + "' has a value of the wrong type.");
    }
    if (auto v = body.find("version"); v != body.end() && v->is_number_integer()) f["version"] = std::to_string(v->get<std::int64_t>());
  } else {
    for (const auto& s : specs) {
      auto range = r.params.equal_range(s.name);
      if (range.first == range.second) continue;
      if (std::next(range.first) != range.second) throw BadRequest("Field '" + s.name + "' was given more than once.");
      f[s.name] = range.first->second;
    }
    if (auto v = r.params.find("version"); v != r.params.end()) f["version"] = v->second;
  }
  for (auto& [k, v] : f) {
    if (v.size() > kMaxFieldBytes) throw BadRequest("Field '" + k + "' is too long.");
    // Forms send CRLF line breaks; store one kind.
    std::string clean;
    for (char c : v)
      if (c != '\r') clean += c;
    v = clean;
  }
  return f;
}

std::string trimmed(const std::string& s) {
  auto b = s.find_first_not_of(" \t\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\n") - b + 1);
}
std::string get(const Fields& f, const std::string& k) {
  auto it = f.find(k);
  return it == f.end() ? std::string{} : trimmed(it->second);
}
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t e = text.find('\n', pos);
    if (e == std::string::npos) e = text.size();
    std::string line = trimmed(text.substr(pos, e - pos));
    if (!line.empty()) out.push_back(line);
    pos = e + 1;
  }
  return out;
}
std::vector<std::string> split_bar(const std::string& line) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    size_t e = line.find('|', pos);
    out.push_back(trimmed(line.substr(pos, e == std::string::npos ? std::string::npos : e - pos)));
    if (e == std::string::npos) break;
    pos = e + 1;
  }
  return out;
}

std::optional<Date> day_field(const Fields& f, const char* name, const char* what, std::vector<FieldError>& errors) {
  const std::string v = get(f, name);
  if (v.empty()) return std::nullopt;
  auto d = parse_iso_date(v);
  if (!d) errors.push_back({name, std::string(what) + " \"" + v.substr(0, 40) + "\" is not a date: write YYYY-MM-DD."});
  return d;
}
std::optional<StatedDate> stated_field(const Fields& f, const char* name, const char* what, std::vector<FieldError>& errors) {
  const std::string v = get(f, name);
  if (v.empty()) return std::nullopt;
  auto d = parse_stated_date(v);
  if (!d) errors.push_back({name, std::string(what) + " \"" + v.substr(0, 40) + "\" is not a date: write YYYY-MM-DD, or YYYY-MM or YYYY when only that is known."});
  return d;
}
std::optional<std::int64_t> int_field(const Fields& f, const char* name, const char* what, std::vector<FieldError>& errors) {
  const std::string v = get(f, name);
  if (v.empty()) return std::nullopt;
  std::int64_t n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size()) {
    errors.push_back({name, std::string(what) + " must be a whole number."});
    return std::nullopt;
  }
  return n;
}
std::int64_t version_of(const Fields& f) {
  std::vector<FieldError> ignored;
  auto v = int_field(f, "version", "The version", ignored);
  if (!v) throw BadRequest("The form lacks the version of the record it edits: reload the record and edit again.");
  return *v;
}

// ---- each record's fields ----

std::vector<FieldSpec> intervention_specs() {
  FieldSpec kind{"kind", "Kind", Type::Select, {}, ""};
  for (auto k : all_intervention_kinds()) kind.options.emplace_back(std::string(to_string(k)), std::string(label(k)));
  return {kind,
          {"issuer", "Issued or made by", Type::Text, {}, "For example DfE"},
          {"person", "Commissioner, adviser or body", Type::Text, {}, "When named"},
          {"start", "Start", Type::Text, {}, "YYYY-MM-DD, or YYYY-MM or YYYY when only that is known"},
          {"review", "Review date", Type::Text, {}, "Optional"},
          {"end", "End", Type::Text, {}, "Empty while in force"},
          {"outcome", "Outcome", Type::Area, {}, ""},
          {"source", "Source", Type::Text, {}, "A web address or a citation"},
          {"source_title", "Source's title", Type::Text, {}, "The headline or document title, shown as the link"},
          {"source_date", "Source's date", Type::Text, {}, "YYYY-MM-DD, or YYYY-MM or YYYY"}};
}
Fields fields_of(const Intervention& i) {
  return {{"kind", std::string(to_string(i.kind))}, {"issuer", i.issuer}, {"person", i.person},
          {"start", i.start ? to_iso(*i.start) : ""}, {"review", i.review ? to_iso(*i.review) : ""},
          {"end", i.end ? to_iso(*i.end) : ""}, {"outcome", i.outcome}, {"source", i.source},
          {"source_title", i.source_title}, {"source_date", i.source_date ? to_iso(*i.source_date) : ""}};
}
void read_into(Intervention& i, const Fields& f, std::vector<FieldError>& e) {
  if (auto k = parse_intervention_kind(get(f, "kind"))) i.kind = *k;
  else e.push_back({"kind", "Choose the kind of intervention from the list."});
  i.issuer = get(f, "issuer");
  i.person = get(f, "person");
  i.start = stated_field(f, "start", "The start", e);
  i.review = stated_field(f, "review", "The review date", e);
  i.end = stated_field(f, "end", "The end", e);
  i.outcome = get(f, "outcome");
  i.source = get(f, "source");
  i.source_title = get(f, "source_title");
  i.source_date = stated_field(f, "source_date", "The source's date", e);
}

std::vector<FieldSpec> board_specs() {
  return {{"name", "Name", Type::Text, {}, "For example Children's Improvement Board"},
          {"chair", "Chair", Type::Text, {}, ""},
          {"independent_chair", "The chair is independent", Type::Check, {}, ""},
          {"established", "Established", Type::Text, {}, "YYYY-MM-DD, YYYY-MM or YYYY"},
          {"members", "Members", Type::Area, {}, "One a line: name | organisation | role"},
          {"meetings", "Meetings", Type::Area, {}, "One a line: YYYY-MM-DD | note"}};
}
Fields fields_of(const ImprovementBoard& b) {
  std::string members, meetings;
  for (const auto& m : b.members) members += m.name + " | " + m.organisation + (m.role.empty() ? "" : " | " + m.role) + "\n";
  for (const auto& m : b.meetings) meetings += to_iso(m.date) + (m.note.empty() ? "" : " | " + m.note) + "\n";
  return {{"name", b.name}, {"chair", b.chair}, {"independent_chair", b.independent_chair ? "1" : ""},
          {"established", b.established ? to_iso(*b.established) : ""}, {"members", members}, {"meetings", meetings}};
}
void read_into(ImprovementBoard& b, const Fields& f, std::vector<FieldError>& e) {
  b.name = get(f, "name");
  b.chair = get(f, "chair");
  const std::string ic = get(f, "independent_chair");
  b.independent_chair = ic == "1" || ic == "on" || ic == "true";
  b.established = stated_field(f, "established", "The date established", e);
  b.members.clear();
  for (const auto& line : lines_of(get(f, "members"))) {
    auto parts = split_bar(line);
    b.members.push_back({parts[0], parts.size() > 1 ? parts[1] : "", parts.size() > 2 ? parts[2] : ""});
  }
  b.meetings.clear();
  for (const auto& line : lines_of(get(f, "meetings"))) {
    auto parts = split_bar(line);
    auto d = parse_iso_date(parts[0]);
    if (!d) {
      e.push_back({"meetings", "\"" + parts[0].substr(0, 40) + "\" is not a date: start each meeting's line with YYYY-MM-DD."});
      continue;
    }
    b.meetings.push_back({*d, parts.size() > 1 ? parts[1] : ""});
  }
}

std::vector<FieldSpec> plan_specs(const Connection& db, const std::string& urn) {
  FieldSpec report{"report_document_id", "The report it answers", Type::Select, {{"", "None"}}, ""};
  for (const auto& r : query_inspections(db, InspectionFilter::of_authority(urn)))
    if (!r.judgements.empty())
      report.options.emplace_back(std::to_string(r.document_id),
                                  r.inspection_start + " " + r.framework + " (" + r.grade("overall") + ")");
  return {{"title", "Title", Type::Text, {}, ""}, {"agreed", "Agreed", Type::Date, {}, "YYYY-MM-DD"}, report};
}
Fields fields_of(const ImprovementPlan& p) {
  return {{"title", p.title}, {"agreed", p.agreed ? to_iso(*p.agreed) : ""},
          {"report_document_id", p.report_document_id ? std::to_string(*p.report_document_id) : ""}};
}
void read_into(ImprovementPlan& p, const Fields& f, std::vector<FieldError>& e) {
  p.title = get(f, "title");
  p.agreed = day_field(f, "agreed", "The date agreed", e);
  p.report_document_id = int_field(f, "report_document_id", "The report", e);
}
// The report a plan names must be a graded report of the same authority.
void check_plan_report(const Connection& db, const ImprovementPlan& p, std::vector<FieldError>& e) {
  if (!p.report_document_id) return;
  for (const auto& r : query_inspections(db, InspectionFilter::of_authority(p.authority_urn)))
    if (r.document_id == *p.report_document_id && !r.judgements.empty()) return;
  e.push_back({"report_document_id", "Report " + std::to_string(*p.report_document_id) + " is not a graded report of this authority."});
}

std::vector<int> plan_points(const Connection& db, const ImprovementPlan& plan, std::vector<ImprovementPointRow>* rows) {
  std::vector<int> out;
  if (!plan.report_document_id) return out;
  for (const auto& r : query_inspections(db, InspectionFilter::of_document(*plan.report_document_id)))
    for (const auto& p : query_improvement_points(db, r.inspection_id)) {
      out.push_back(p.ordinal);
      if (rows) rows->push_back(p);
    }
  return out;
}
std::vector<FieldSpec> action_specs(const Connection& db, const ImprovementPlan& plan) {
  FieldSpec point{"point", "Improvement point it answers", Type::Select, {{"", "None"}}, ""};
  std::vector<ImprovementPointRow> rows;
  plan_points(db, plan, &rows);
  for (const auto& p : rows)
    point.options.emplace_back(std::to_string(p.ordinal),
                               (p.number.empty() ? std::to_string(p.ordinal) : p.number) + ". " + p.text.substr(0, 110));
  FieldSpec status{"status", "Status", Type::Select, {}, ""};
  for (auto s : all_action_statuses()) status.options.emplace_back(std::string(to_string(s)), std::string(label(s)));
  FieldSpec rag{"rag", "RAG rating", Type::Select, {}, ""};
  for (auto r : {Rag::None, Rag::Red, Rag::Amber, Rag::Green}) rag.options.emplace_back(std::string(to_string(r)), std::string(label(r)));
  return {{"description", "Action", Type::Area, {}, ""},
          point,
          {"owner", "Owner", Type::Text, {}, ""},
          {"partner", "Partner organisation", Type::Text, {}, "Optional"},
          {"due", "Due", Type::Date, {}, "YYYY-MM-DD"},
          status,
          rag,
          {"evidence", "Evidence links", Type::Area, {}, "One web address a line"},
          {"notes", "Notes", Type::Area, {}, ""}};
}
Fields fields_of(const PlanAction& a) {
  std::string evidence;
  for (const auto& l : a.evidence_links) evidence += l + "\n";
  return {{"description", a.description}, {"point", a.point_ordinal ? std::to_string(*a.point_ordinal) : ""},
          {"owner", a.owner}, {"partner", a.partner}, {"due", a.due ? to_iso(*a.due) : ""},
          {"status", std::string(to_string(a.status))}, {"rag", std::string(to_string(a.rag))},
          {"evidence", evidence}, {"notes", a.notes}};
}
void read_into(PlanAction& a, const Fields& f, std::vector<FieldError>& e) {
  a.description = get(f, "description");
  if (auto p = int_field(f, "point", "The improvement point", e)) a.point_ordinal = static_cast<int>(*p);
  else a.point_ordinal.reset();
  a.owner = get(f, "owner");
  a.partner = get(f, "partner");
  a.due = day_field(f, "due", "The due date", e);
  if (auto s = parse_action_status(get(f, "status"))) a.status = *s;
  else e.push_back({"status", "Choose a status from the list (not started, in progress, done, blocked, dropped)."});
  if (auto r = parse_rag(get(f, "rag"))) a.rag = *r;
  else e.push_back({"rag", "The RAG rating must be red, amber, green or none."});
  a.evidence_links = lines_of(get(f, "evidence"));
  a.notes = get(f, "notes");
}

std::vector<FieldSpec> visit_specs() {
  return {{"kind", "Kind", Type::Select, {{"monitoring", "Monitoring visit"}, {"focused", "Focused visit"}}, ""},
          {"start", "First day", Type::Date, {}, "YYYY-MM-DD"},
          {"end", "Last day", Type::Date, {}, "YYYY-MM-DD"},
          {"ordinal", "Number", Type::Number, {}, "3 for the third monitoring visit"},
          {"theme", "Theme", Type::Area, {}, ""},
          {"priority_areas", "Areas for priority action", Type::Area, {}, "Focused visits: one a line"}};
}
Fields fields_of(const Visit& v) {
  std::string areas;
  for (const auto& a : v.priority_areas) areas += a + "\n";
  return {{"kind", std::string(to_string(v.kind))}, {"start", v.start ? to_iso(*v.start) : ""},
          {"end", v.end ? to_iso(*v.end) : ""}, {"ordinal", v.ordinal ? std::to_string(*v.ordinal) : ""},
          {"theme", v.theme}, {"priority_areas", areas}};
}
void read_into(Visit& v, const Fields& f, std::vector<FieldError>& e) {
  if (auto k = parse_visit_kind(get(f, "kind"))) v.kind = *k;
  else e.push_back({"kind", "Choose monitoring or focused."});
  v.start = day_field(f, "start", "The first day", e);
  v.end = day_field(f, "end", "The last day", e);
  if (auto o = int_field(f, "ordinal", "The number", e)) v.ordinal = static_cast<int>(std::clamp<std::int64_t>(*o, -1, 1000));
  else v.ordinal.reset();
  v.theme = get(f, "theme");
  v.priority_areas = lines_of(get(f, "priority_areas"));
}

}  // namespace cscwatch::improvement_form
