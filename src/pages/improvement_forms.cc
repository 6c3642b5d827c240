#include "pages/improvement_forms.h"

#include <fmt/format.h>

#include <charconv>
#include <map>
#include <nlohmann/json.hpp>

#include "analysis/improvement_overview.h"
#include "forms/improvement_fields.h"
#include "domain/account.h"
#include "domain/improvement_validation.h"
#include "store/improvement_store.h"
#include "store/improvement_visibility.h"
#include "api/api_json.h"
#include "http/html_escape.h"
#include "pages/page_layout.h"

namespace cscwatch {

using namespace improvement_form;  // NOLINT: the fields are this file's vocabulary

namespace {

using nlohmann::json;

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

namespace {

// One record's edit being saved: its form (shown again on a 422 or 409), the
// errors found, and the authority it belongs to.
struct Edit {
  const WriteContext& ctx;
  const WebRequest& r;
  std::string entity;
  std::int64_t id;
  Form form;
  std::vector<FieldError> errors;

  AuthorityRef prepare(const std::string& urn, std::vector<FieldSpec> specs) {
    AuthorityRef a = authority_of_urn(ctx.db, urn);
    require_edit(ctx.account, a);
    form.heading = "Edit " + std::string(entity_title(entity)) + ": " + a.name;
    form.back = "/authority/" + a.slug;
    form.specs = std::move(specs);
    form.values = submitted(r, form.specs);
    form.version = version_of(form.values);
    return a;
  }
  // Saves, or answers 409 with the record as it now is.
  template <class Record, class Reload>
  WebResponse attempt(Record& record, const AuthorityRef& a, const std::string& anchor, Reload reload) {
    try {
      save(ctx.db, record, ctx.account.name);
    } catch (const StaleVersion& stale) {
      return conflict(r, form, stale, fields_of(reload()));
    } catch (const RecordNotFound& e) {
      throw NotFound(e.what());
    }
    return saved(r, a.slug, anchor, to_json(reload()), 200);
  }
};

WebResponse save_intervention(Edit& e) {
  auto before = find_intervention(e.ctx.db, e.id);
  if (!before) throw NotFound("No such intervention.");
  AuthorityRef a = e.prepare(before->authority_urn, intervention_specs());
  Intervention i = *before;
  i.version = *e.form.version;
  read_into(i, e.form.values, e.errors);
  if (e.errors.empty()) append(e.errors, validate(i));
  if (!e.errors.empty()) return invalid(e.r, e.form, e.errors);
  return e.attempt(i, a, fmt::format("intervention-{}", e.id), [&] { return *find_intervention(e.ctx.db, e.id); });
}

WebResponse save_board(Edit& e) {
  auto before = find_board(e.ctx.db, e.id);
  if (!before) throw NotFound("No such improvement board.");
  AuthorityRef a = e.prepare(before->authority_urn, board_specs());
  ImprovementBoard b = *before;
  b.version = *e.form.version;
  read_into(b, e.form.values, e.errors);
  append(e.errors, validate(b));
  if (!e.errors.empty()) return invalid(e.r, e.form, e.errors);
  return e.attempt(b, a, fmt::format("board-{}", e.id), [&] { return *find_board(e.ctx.db, e.id); });
}

WebResponse save_plan(Edit& e) {
  auto before = find_plan(e.ctx.db, e.id);
  if (!before) throw NotFound("No such improvement plan.");
  AuthorityRef a = e.prepare(before->authority_urn, plan_specs(e.ctx.db, before->authority_urn));
  ImprovementPlan p = *before;
  p.version = *e.form.version;
  read_into(p, e.form.values, e.errors);
  append(e.errors, validate(p));
  check_plan_report(e.ctx.db, p, e.errors);
  if (!e.errors.empty()) return invalid(e.r, e.form, e.errors);
  return e.attempt(p, a, fmt::format("plan-{}", e.id), [&] { return *find_plan(e.ctx.db, e.id); });
}

WebResponse save_action(Edit& e) {
  auto before = find_action(e.ctx.db, e.id);
  if (!before) throw NotFound("No such action.");
  auto plan = find_plan(e.ctx.db, before->plan_id);
  AuthorityRef a = e.prepare(plan->authority_urn, action_specs(e.ctx.db, *plan));
  PlanAction act = *before;
  act.version = *e.form.version;
  read_into(act, e.form.values, e.errors);
  act.point_document_id = act.point_ordinal ? plan->report_document_id : std::nullopt;
  append(e.errors, validate(act, plan_points(e.ctx.db, *plan)));
  if (!e.errors.empty()) return invalid(e.r, e.form, e.errors);
  return e.attempt(act, a, fmt::format("action-{}", e.id), [&] { return *find_action(e.ctx.db, e.id); });
}

WebResponse save_visit(Edit& e) {
  auto before = find_visit(e.ctx.db, e.id);
  if (!before) throw NotFound("No such visit.");
  AuthorityRef a = e.prepare(before->authority_urn, visit_specs());
  Visit v = *before;
  v.version = *e.form.version;
  read_into(v, e.form.values, e.errors);
  if (e.errors.empty()) append(e.errors, validate(v));
  if (!e.errors.empty()) return invalid(e.r, e.form, e.errors);
  return e.attempt(v, a, fmt::format("visit-{}", e.id), [&] { return *find_visit(e.ctx.db, e.id); });
}

}  // namespace

WebResponse improvement_save(const WriteContext& ctx, const WebRequest& r) {
  Edit e{ctx, r, r.path_args.at(0), id_arg(r, 1), {}, {}};
  e.form.action = fmt::format("/improvement/{}/{}/edit", e.entity, e.id);
  if (e.entity == "intervention") return save_intervention(e);
  if (e.entity == "board") return save_board(e);
  if (e.entity == "plan") return save_plan(e);
  if (e.entity == "action") return save_action(e);
  if (e.entity == "visit") return save_visit(e);
  throw NotFound("No such kind of record: " + e.entity);
}

}  // namespace cscwatch
