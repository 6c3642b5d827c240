#include "domain/correction.h"

#include <algorithm>
#include <array>

#include "domain/date.h"
#include "domain/grade.h"
#include "domain/judgement.h"

namespace cscwatch {

namespace {

constexpr std::array<std::string_view, 15> kFields = {
    "authority",       "inspection_start", "inspection_end", "published", "lead_inspector",
    "overall",         "leadership",       "help_protection", "in_care",  "care_leavers",
    "adoption",        "lscb",             "judgements",      "kind",     "improvement_points"};

constexpr std::size_t kMaxValueBytes = 200;

bool is_confirmation_field(std::string_view field) {
  return field == "judgements" || field == "kind" || field == "improvement_points";
}

}  // namespace

std::span<const std::string_view> correctable_fields() { return kFields; }

CorrectionValue normalise_correction_value(std::string_view field, std::string_view value) {
  if (std::find(kFields.begin(), kFields.end(), field) == kFields.end()) {
    std::string list;
    for (auto f : kFields) list += (list.empty() ? "" : ", ") + std::string(f);
    return {"", "'" + std::string(field) + "' is not a field that can be corrected (one of: " + list + ")"};
  }
  if (value.size() > kMaxValueBytes) return {"", "the value is longer than " + std::to_string(kMaxValueBytes) + " bytes"};
  if (parse_judgement_area(field)) {
    if (value == "none") return {"", ""};
    auto grade = parse_grade(value);
    if (!grade) return {"", "a judgement takes outstanding, good, requires_improvement, adequate, inadequate or none"};
    return {std::string(to_string(*grade)), ""};
  }
  if (field == "inspection_start" || field == "inspection_end" || field == "published") {
    auto date = parse_iso_date(value);
    if (!date) return {"", "a date takes the form YYYY-MM-DD"};
    return {to_iso(*date), ""};
  }
  if (is_confirmation_field(field)) {
    if (value != "confirmed") return {"", "'" + std::string(field) + "' takes the value confirmed"};
    return {"confirmed", ""};
  }
  if (field == "authority") {
    if (value.empty() || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return {"", "authority takes the authority's Ofsted URN (digits)"};
    return {std::string(value), ""};
  }
  // lead_inspector: a name as printed; several leads "A; B".
  if (value.find_first_of("\r\n") != std::string_view::npos) return {"", "the value must be one line"};
  return {std::string(value), ""};
}

bool correction_conflicts(const Correction& c, const std::string& extracted_now) {
  if (c.value == "confirmed") return false;
  return extracted_now != c.value && extracted_now != c.extracted;
}

}  // namespace cscwatch
