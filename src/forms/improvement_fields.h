// The improvement records' fields, as forms and the JSON API submit them:
// each record's field specs, reading submitted fields into a record with a
// specific message for each invalid one, and a record's fields for a form.
// Parsing and validation live here; storage is store/improvement_store.h;
// rendering is pages/improvement_forms.cc.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/date.h"
#include "domain/improvement_records.h"
#include "domain/improvement_validation.h"
#include "http/web_types.h"
#include "store/inspection_rows.h"
#include "store/sqlite.h"

namespace cscwatch::improvement_form {

using Fields = std::map<std::string, std::string>;

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

AuthorityRef authority_of_slug(const Connection& db, const std::string& slug);
AuthorityRef authority_of_urn(const Connection& db, const std::string& urn);
std::int64_t id_arg(const WebRequest& r, size_t index);
bool is_api(const WebRequest& r);
Fields submitted(const WebRequest& r, const std::vector<FieldSpec>& specs);
std::string trimmed(const std::string& s);
std::string get(const Fields& f, const std::string& k);
std::vector<std::string> lines_of(const std::string& text);
std::vector<std::string> split_bar(const std::string& line);
std::optional<Date> day_field(const Fields& f, const char* name, const char* what, std::vector<FieldError>& errors);
std::optional<StatedDate> stated_field(const Fields& f, const char* name, const char* what, std::vector<FieldError>& errors);
std::optional<std::int64_t> int_field(const Fields& f, const char* name, const char* what, std::vector<FieldError>& errors);
std::int64_t version_of(const Fields& f);
std::vector<FieldSpec> intervention_specs();
Fields fields_of(const Intervention& i);
void read_into(Intervention& i, const Fields& f, std::vector<FieldError>& e);
std::vector<FieldSpec> board_specs();
Fields fields_of(const ImprovementBoard& b);
void read_into(ImprovementBoard& b, const Fields& f, std::vector<FieldError>& e);
std::vector<FieldSpec> plan_specs(const Connection& db, const std::string& urn);
Fields fields_of(const ImprovementPlan& p);
void read_into(ImprovementPlan& p, const Fields& f, std::vector<FieldError>& e);
void check_plan_report(const Connection& db, const ImprovementPlan& p, std::vector<FieldError>& e);
std::vector<int> plan_points(const Connection& db, const ImprovementPlan& plan, std::vector<ImprovementPointRow>* rows = nullptr);
std::vector<FieldSpec> action_specs(const Connection& db, const ImprovementPlan& plan);
Fields fields_of(const PlanAction& a);
void read_into(PlanAction& a, const Fields& f, std::vector<FieldError>& e);
std::vector<FieldSpec> visit_specs();
Fields fields_of(const Visit& v);
void read_into(Visit& v, const Fields& f, std::vector<FieldError>& e);

}  // namespace cscwatch::improvement_form
