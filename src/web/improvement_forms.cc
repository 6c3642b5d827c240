#include "web/improvement_forms.h"

#include <fmt/format.h>

#include <charconv>
#include <map>
#include <nlohmann/json.hpp>

#include "analysis/improvement_overview.h"
#include "domain/account.h"
#include "domain/improvement_validation.h"
#include "store/improvement_store.h"
#include "store/improvement_visibility.h"
#include "web/api_json.h"
#include "http/html_escape.h"
#include "web/page_layout.h"

namespace cscwatch {

namespace {

using Fields = std::map<std::string, std::string>;
using nlohmann::json;

// Longest value any field takes: the validation gives the specific message
// for each field's own limit; this only bounds the work.
constexpr size_t kMaxFieldBytes = 20000;

struct FieldSpec {
  std::string name, label;
  enum class Type { Text, Area, Date, Select, Check, Number } type = Type::Text;
  std::vector<std::pair<std::string, std::string>> options;  // value, label (Select)
  std::string hint;
};
using Type = FieldSpec::Type;

struct AuthorityRef {
  std::string urn, name, slug;
};

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

std::vector<int> plan_points(const Connection& db, const ImprovementPlan& plan, std::vector<ImprovementPointRow>* rows = nullptr) {
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

// ---- rendering ----

struct Form {
  std::string heading;
  std::string action;  // where it posts
  std::string back;    // the authority page
  std::vector<FieldSpec> specs;
  Fields values;
  std::vector<FieldError> errors;
  std::optional<std::int64_t> version;
  std::string csrf;
  std::optional<Fields> current;  // 409: the record as it now is
};

std::string render_form(const Form& f) {
  std::string out = "<p class=\"crumbs\"><a href=\"" + html_escape(f.back) + "\">Back to the authority</a></p><h1>" +
                    html_escape(f.heading) + "</h1>";
  if (f.current) {
    out += "<div class=\"error conflict\" id=\"conflict\" role=\"alert\"><h2>Someone else saved this record first</h2>"
           "<p>Your changes are not saved yet. What is saved now differs from your input here:</p><ul>";
    for (const auto& s : f.specs) {
      const std::string now = get(*f.current, s.name), yours = get(f.values, s.name);
      if (now != yours)
        out += "<li><strong>" + html_escape(s.label) + "</strong>: saved now \u201c" + html_escape(now) +
               "\u201d; yours \u201c" + html_escape(yours) + "\u201d</li>";
    }
    out += "</ul><p>Your input is kept below. Save again to replace what is saved now, or go back to keep it.</p></div>";
  }
  if (!f.errors.empty()) {
    out += "<div class=\"error\" id=\"form-errors\" role=\"alert\"><h2>Please correct " +
           std::to_string(f.errors.size()) + (f.errors.size() == 1 ? " problem" : " problems") + "</h2><ul>";
    for (const auto& e : f.errors)
      out += "<li><a href=\"#f-" + html_escape(e.field) + "\">" + html_escape(e.message) + "</a></li>";
    out += "</ul></div>";
  }
  out += "<form method=\"post\" class=\"record-form\" action=\"" + html_escape(f.action) + "\">";
  out += "<input type=\"hidden\" name=\"csrf\" value=\"" + html_escape(f.csrf) + "\">";
  if (f.version) out += "<input type=\"hidden\" name=\"version\" value=\"" + std::to_string(*f.version) + "\">";
  for (const auto& s : f.specs) {
    const std::string id = "f-" + s.name;
    const std::string value = [&] {
      auto it = f.values.find(s.name);
      return it == f.values.end() ? std::string{} : it->second;
    }();
    std::string messages;
    for (const auto& e : f.errors)
      if (e.field == s.name) messages += "<span class=\"field-error\" id=\"" + id + "-error\">" + html_escape(e.message) + "</span>";
    const std::string described = messages.empty() ? (s.hint.empty() ? "" : " aria-describedby=\"" + id + "-hint\"")
                                                   : " aria-describedby=\"" + id + "-error\" aria-invalid=\"true\"";
    out += "<div class=\"field\">";
    if (s.type == Type::Check) {
      out += "<label for=\"" + id + "\"><input type=\"checkbox\" id=\"" + id + "\" name=\"" + s.name + "\" value=\"1\"" +
             (value == "1" || value == "on" ? " checked" : "") + "> " + html_escape(s.label) + "</label>" + messages + "</div>";
      continue;
    }
    out += "<label for=\"" + id + "\">" + html_escape(s.label) + "</label>";
    if (!s.hint.empty()) out += "<span class=\"hint\" id=\"" + id + "-hint\">" + html_escape(s.hint) + "</span>";
    out += messages;
    switch (s.type) {
      case Type::Area:
        out += "<textarea id=\"" + id + "\" name=\"" + s.name + "\" rows=\"4\"" + described + ">" + html_escape(value) + "</textarea>";
        break;
      case Type::Select:
        out += "<select id=\"" + id + "\" name=\"" + s.name + "\"" + described + ">";
        for (const auto& [v, l] : s.options)
          out += "<option value=\"" + html_escape(v) + "\"" + (v == value ? " selected" : "") + ">" + html_escape(l) + "</option>";
        out += "</select>";
        break;
      default: {
        const char* type = s.type == Type::Date ? "date" : s.type == Type::Number ? "number" : "text";
        out += std::string("<input type=\"") + type + "\" id=\"" + id + "\" name=\"" + s.name + "\" value=\"" +
               html_escape(value) + "\"" + described + ">";
      }
    }
    out += "</div>";
  }
  out += "<button type=\"submit\">Save</button></form>";
  return out;
}

WebResponse form_page(const Form& f, int status) {
  WebResponse r = html_response(render_page({f.heading, "register", {}}, render_form(f)), status);
  r.cacheable = false;
  return r;
}

json errors_json(const std::vector<FieldError>& errors) {
  json out = json::array();
  for (const auto& e : errors) out.push_back({{"field", e.field}, {"message", e.message}});
  return out;
}

WebResponse invalid(const WebRequest& r, Form form, std::vector<FieldError> errors) {
  if (is_api(r)) {
    WebResponse out = json_response(json_body({{"error", "validation failed"}, {"errors", errors_json(errors)}}), 422);
    out.cacheable = false;
    return out;
  }
  form.errors = std::move(errors);
  form.csrf = r.csrf_token;
  return form_page(form, 422);
}

WebResponse conflict(const WebRequest& r, Form form, const StaleVersion& stale, const Fields& current) {
  if (is_api(r)) {
    WebResponse out = json_response(json_body({{"error", stale.what()}, {"current", stale.current}}), 409);
    out.cacheable = false;
    return out;
  }
  form.current = current;
  form.version = stale.current_version;  // saving again is a deliberate overwrite of what is shown
  form.csrf = r.csrf_token;
  return form_page(form, 409);
}

WebResponse saved(const WebRequest& r, const std::string& slug, const std::string& anchor, const json& record, int status) {
  if (is_api(r)) {
    WebResponse out = json_response(json_body(record), status);
    out.cacheable = false;
    return out;
  }
  WebResponse out;
  out.status = 303;
  out.location = "/authority/" + slug + "#" + anchor;
  out.cacheable = false;
  return out;
}

void require_edit(const Account& account, const AuthorityRef& a) {
  if (!may_edit(account, a.urn)) throw Forbidden("Your account may not change the records of " + a.name + ".");
}
void require_edit(const WebRequest& r, const AuthorityRef& a) {
  if (!r.account) throw Forbidden("Sign in to change the records of " + a.name + ".");
  require_edit(*r.account, a);
}

void append(std::vector<FieldError>& into, const std::vector<FieldError>& more) {
  into.insert(into.end(), more.begin(), more.end());
}

// The entity named in a path, and its specs for an authority.
std::vector<FieldSpec> specs_for(const std::string& entity, const Connection& db, const std::string& urn) {
  if (entity == "intervention") return intervention_specs();
  if (entity == "board") return board_specs();
  if (entity == "plan") return plan_specs(db, urn);
  if (entity == "visit") return visit_specs();
  throw NotFound("No such kind of record: " + entity);
}
const char* entity_title(const std::string& entity) {
  if (entity == "intervention") return "intervention";
  if (entity == "board") return "improvement board";
  if (entity == "plan") return "improvement plan";
  if (entity == "visit") return "visit";
  if (entity == "action") return "action";
  return "record";
}

}  // namespace

// ---- GET forms ----

WebResponse improvement_new_form(const PageContext& ctx, const WebRequest& r) {
  AuthorityRef a = authority_of_slug(ctx.db, r.path_args.at(0));
  require_edit(r, a);
  const std::string entity = r.path_args.at(1);
  Form f{"New " + std::string(entity_title(entity)) + ": " + a.name,
         "/authority/" + a.slug + "/improvement/" + entity + "/new", "/authority/" + a.slug, specs_for(entity, ctx.db, a.urn),
         {}, {}, std::nullopt, r.csrf_token, std::nullopt};
  if (entity == "intervention") f.values = {{"issuer", "DfE"}};
  if (entity == "visit") f.values = {{"kind", "monitoring"}};
  // Prefilled from the query string (a fact proposed from a news article,
  // accepted by an editor who then checks and saves it).
  for (const auto& s : f.specs)
    if (auto it = r.params.find(s.name); it != r.params.end()) f.values[s.name] = it->second.substr(0, kMaxLongText);
  return form_page(f, 200);
}

WebResponse action_new_form(const PageContext& ctx, const WebRequest& r) {
  auto plan = find_plan(ctx.db, id_arg(r, 0));
  if (!plan) throw NotFound("No such improvement plan.");
  AuthorityRef a = authority_of_urn(ctx.db, plan->authority_urn);
  require_edit(r, a);
  Form f{"New action: " + plan->title, fmt::format("/improvement/plan/{}/action/new", plan->id), "/authority/" + a.slug,
         action_specs(ctx.db, *plan), {{"status", "not_started"}}, {}, std::nullopt, r.csrf_token, std::nullopt};
  return form_page(f, 200);
}

WebResponse improvement_edit_form(const PageContext& ctx, const WebRequest& r) {
  const std::string entity = r.path_args.at(0);
  const std::int64_t id = id_arg(r, 1);
  Form f;
  std::string urn;
  if (entity == "intervention") {
    auto i = find_intervention(ctx.db, id);
    if (!i) throw NotFound("No such intervention.");
    urn = i->authority_urn;
    f.specs = intervention_specs();
    f.values = fields_of(*i);
    f.version = i->version;
  } else if (entity == "board") {
    auto b = find_board(ctx.db, id);
    if (!b) throw NotFound("No such improvement board.");
    urn = b->authority_urn;
    f.specs = board_specs();
    f.values = fields_of(*b);
    f.version = b->version;
  } else if (entity == "plan") {
    auto p = find_plan(ctx.db, id);
    if (!p) throw NotFound("No such improvement plan.");
    urn = p->authority_urn;
    f.specs = plan_specs(ctx.db, urn);
    f.values = fields_of(*p);
    f.version = p->version;
  } else if (entity == "action") {
    auto act = find_action(ctx.db, id);
    if (!act) throw NotFound("No such action.");
    auto plan = find_plan(ctx.db, act->plan_id);
    urn = plan->authority_urn;
    f.specs = action_specs(ctx.db, *plan);
    f.values = fields_of(*act);
    f.version = act->version;
  } else if (entity == "visit") {
    auto v = find_visit(ctx.db, id);
    if (!v) throw NotFound("No such visit.");
    urn = v->authority_urn;
    f.specs = visit_specs();
    f.values = fields_of(*v);
    f.version = v->version;
  } else {
    throw NotFound("No such kind of record: " + entity);
  }
  AuthorityRef a = authority_of_urn(ctx.db, urn);
  require_edit(r, a);
  f.heading = "Edit " + std::string(entity_title(entity)) + ": " + a.name;
  f.action = fmt::format("/improvement/{}/{}/edit", entity, id);
  f.back = "/authority/" + a.slug;
  f.csrf = r.csrf_token;
  return form_page(f, 200);
}

// ---- writes ----

WebResponse improvement_create(const WriteContext& ctx, const WebRequest& r) {
  AuthorityRef a = authority_of_slug(ctx.db, r.path_args.at(0));
  require_edit(ctx.account, a);
  const std::string entity = r.path_args.at(1);
  Form form{"New " + std::string(entity_title(entity)) + ": " + a.name,
            "/authority/" + a.slug + "/improvement/" + entity + "/new", "/authority/" + a.slug,
            specs_for(entity, ctx.db, a.urn), {}, {}, std::nullopt, "", std::nullopt};
  form.values = submitted(r, form.specs);
  std::vector<FieldError> errors;
  const std::string& actor = ctx.account.name;
  if (entity == "intervention") {
    Intervention i;
    i.authority_urn = a.urn;
    read_into(i, form.values, errors);
    if (errors.empty()) append(errors, validate(i));
    if (!errors.empty()) return invalid(r, form, errors);
    auto id = create(ctx.db, i, actor);
    return saved(r, a.slug, fmt::format("intervention-{}", id), to_json(*find_intervention(ctx.db, id)), 201);
  }
  if (entity == "board") {
    ImprovementBoard b;
    b.authority_urn = a.urn;
    read_into(b, form.values, errors);
    append(errors, validate(b));
    if (!errors.empty()) return invalid(r, form, errors);
    auto id = create(ctx.db, b, actor);
    return saved(r, a.slug, fmt::format("board-{}", id), to_json(*find_board(ctx.db, id)), 201);
  }
  if (entity == "plan") {
    ImprovementPlan p;
    p.authority_urn = a.urn;
    read_into(p, form.values, errors);
    append(errors, validate(p));
    check_plan_report(ctx.db, p, errors);
    if (!errors.empty()) return invalid(r, form, errors);
    auto id = create(ctx.db, p, actor);
    return saved(r, a.slug, fmt::format("plan-{}", id), to_json(*find_plan(ctx.db, id)), 201);
  }
  Visit v;
  v.authority_urn = a.urn;
  read_into(v, form.values, errors);
  if (errors.empty()) append(errors, validate(v));
  if (!errors.empty()) return invalid(r, form, errors);
  auto id = create(ctx.db, v, actor);
  return saved(r, a.slug, fmt::format("visit-{}", id), to_json(*find_visit(ctx.db, id)), 201);
}

WebResponse action_create(const WriteContext& ctx, const WebRequest& r) {
  auto plan = find_plan(ctx.db, id_arg(r, 0));
  if (!plan) throw NotFound("No such improvement plan.");
  AuthorityRef a = authority_of_urn(ctx.db, plan->authority_urn);
  require_edit(ctx.account, a);
  Form form{"New action: " + plan->title, fmt::format("/improvement/plan/{}/action/new", plan->id), "/authority/" + a.slug,
            action_specs(ctx.db, *plan), {}, {}, std::nullopt, "", std::nullopt};
  form.values = submitted(r, form.specs);
  std::vector<FieldError> errors;
  PlanAction act;
  act.plan_id = plan->id;
  read_into(act, form.values, errors);
  if (act.point_ordinal) act.point_document_id = plan->report_document_id;
  append(errors, validate(act, plan_points(ctx.db, *plan)));
  if (!errors.empty()) return invalid(r, form, errors);
  auto id = create(ctx.db, act, ctx.account.name);
  return saved(r, a.slug, fmt::format("action-{}", id), to_json(*find_action(ctx.db, id)), 201);
}

WebResponse improvement_save(const WriteContext& ctx, const WebRequest& r) {
  const std::string entity = r.path_args.at(0);
  const std::int64_t id = id_arg(r, 1);
  const std::string& actor = ctx.account.name;
  Form form;
  form.action = fmt::format("/improvement/{}/{}/edit", entity, id);
  std::vector<FieldError> errors;
  auto prepare = [&](const std::string& urn, std::vector<FieldSpec> specs) {
    AuthorityRef a = authority_of_urn(ctx.db, urn);
    require_edit(ctx.account, a);
    form.heading = "Edit " + std::string(entity_title(entity)) + ": " + a.name;
    form.back = "/authority/" + a.slug;
    form.specs = std::move(specs);
    form.values = submitted(r, form.specs);
    form.version = version_of(form.values);
    return a;
  };
  // Saves, or answers 409 with the record as it now is.
  auto attempt = [&](auto&& record, const AuthorityRef& a, const std::string& anchor, auto&& reload) -> WebResponse {
    try {
      save(ctx.db, record, actor);
    } catch (const StaleVersion& stale) {
      return conflict(r, form, stale, fields_of(reload()));
    } catch (const RecordNotFound& e) {
      throw NotFound(e.what());
    }
    return saved(r, a.slug, anchor, to_json(reload()), 200);
  };
  if (entity == "intervention") {
    auto before = find_intervention(ctx.db, id);
    if (!before) throw NotFound("No such intervention.");
    AuthorityRef a = prepare(before->authority_urn, intervention_specs());
    Intervention i = *before;
    i.version = *form.version;
    read_into(i, form.values, errors);
    if (errors.empty()) append(errors, validate(i));
    if (!errors.empty()) return invalid(r, form, errors);
    return attempt(i, a, fmt::format("intervention-{}", id), [&] { return *find_intervention(ctx.db, id); });
  }
  if (entity == "board") {
    auto before = find_board(ctx.db, id);
    if (!before) throw NotFound("No such improvement board.");
    AuthorityRef a = prepare(before->authority_urn, board_specs());
    ImprovementBoard b = *before;
    b.version = *form.version;
    read_into(b, form.values, errors);
    append(errors, validate(b));
    if (!errors.empty()) return invalid(r, form, errors);
    return attempt(b, a, fmt::format("board-{}", id), [&] { return *find_board(ctx.db, id); });
  }
  if (entity == "plan") {
    auto before = find_plan(ctx.db, id);
    if (!before) throw NotFound("No such improvement plan.");
    AuthorityRef a = prepare(before->authority_urn, plan_specs(ctx.db, before->authority_urn));
    ImprovementPlan p = *before;
    p.version = *form.version;
    read_into(p, form.values, errors);
    append(errors, validate(p));
    check_plan_report(ctx.db, p, errors);
    if (!errors.empty()) return invalid(r, form, errors);
    return attempt(p, a, fmt::format("plan-{}", id), [&] { return *find_plan(ctx.db, id); });
  }
  if (entity == "action") {
    auto before = find_action(ctx.db, id);
    if (!before) throw NotFound("No such action.");
    auto plan = find_plan(ctx.db, before->plan_id);
    AuthorityRef a = prepare(plan->authority_urn, action_specs(ctx.db, *plan));
    PlanAction act = *before;
    act.version = *form.version;
    read_into(act, form.values, errors);
    act.point_document_id = act.point_ordinal ? plan->report_document_id : std::nullopt;
    append(errors, validate(act, plan_points(ctx.db, *plan)));
    if (!errors.empty()) return invalid(r, form, errors);
    return attempt(act, a, fmt::format("action-{}", id), [&] { return *find_action(ctx.db, id); });
  }
  if (entity == "visit") {
    auto before = find_visit(ctx.db, id);
    if (!before) throw NotFound("No such visit.");
    AuthorityRef a = prepare(before->authority_urn, visit_specs());
    Visit v = *before;
    v.version = *form.version;
    read_into(v, form.values, errors);
    if (errors.empty()) append(errors, validate(v));
    if (!errors.empty()) return invalid(r, form, errors);
    return attempt(v, a, fmt::format("visit-{}", id), [&] { return *find_visit(ctx.db, id); });
  }
  throw NotFound("No such kind of record: " + entity);
}

WebResponse improvement_api(const PageContext& ctx, const WebRequest& r) {
  AuthorityRef a = authority_of_slug(ctx.db, r.path_args.at(0));
  auto rows = query_inspections(ctx.db, InspectionFilter::of_authority(a.urn));
  ImprovementOverview o = improvement_overview(ctx.db, a.urn, rows, ctx.today);
  if (!may_view_improvement_records(ctx.db, r.account, a.urn))
    throw NotFound("The improvement records of " + a.name + " are restricted.");
  json interventions = json::array(), boards = json::array(), plans = json::array(), visits = json::array(), in_force = json::array();
  for (const auto& i : o.interventions) interventions.push_back(to_json(i));
  for (const auto& b : o.boards) boards.push_back(to_json(b));
  for (const auto& p : o.plans) {
    json plan = to_json(p.plan);
    plan["actions"] = json::array();
    for (const auto& act : p.actions) {
      json aj = to_json(act);
      aj["overdue"] = is_overdue(act, ctx.today);
      plan["actions"].push_back(aj);
    }
    plans.push_back(plan);
  }
  for (const auto& v : o.visits) visits.push_back(to_json(v));
  for (const auto& i : o.status.in_force) in_force.push_back(i.id);
  const ImprovementStatus& s = o.status;
  json status = {{"under_intervention", s.under_intervention},
                 {"position", std::string(intervention_position(s))},
                 {"since", s.since ? json(to_iso(*s.since)) : json(nullptr)},
                 {"in_force", in_force},
                 {"inadequate_judged", s.inadequate_judged ? json(to_iso(*s.inadequate_judged)) : json(nullptr)},
                 {"months_since_inadequate", s.months_since_inadequate ? json(*s.months_since_inadequate) : json(nullptr)},
                 {"intervention_expected_but_unrecorded", s.intervention_expected_but_unrecorded},
                 {"monitoring_visits", s.monitoring_visits},
                 {"focused_visits", s.focused_visits},
                 {"reinspection", s.reinspection_text}};
  WebResponse out = json_response(json_body({{"authority_urn", a.urn}, {"authority_slug", a.slug}, {"restricted", o.restricted},
                                             {"status", status}, {"interventions", interventions}, {"boards", boards},
                                             {"plans", plans}, {"visits", visits}}));
  if (r.account || o.restricted) out.cacheable = false;
  return out;
}

}  // namespace cscwatch
