// Validation of improvement records before they are stored: each problem
// names its field and says specifically what is wrong, for the form to show
// next to that field (and the JSON API to return).
#pragma once

#include <string>
#include <vector>

#include "domain/improvement_records.h"

namespace cscwatch {

struct FieldError {
  std::string field;    // the form field's name
  std::string message;  // shown to the user
};

// Longest free text accepted in any field (descriptions, notes, outcomes).
inline constexpr std::size_t kMaxLongText = 4000;
// Longest name-like field (issuer, person, owner, chair, title).
inline constexpr std::size_t kMaxShortText = 200;

std::vector<FieldError> validate(const Intervention& intervention);
std::vector<FieldError> validate(const ImprovementBoard& board);
std::vector<FieldError> validate(const ImprovementPlan& plan);
// `report_points`: the ordinals of the improvement points of the report the
// plan answers (empty when the plan names no report).
std::vector<FieldError> validate(const PlanAction& action, const std::vector<int>& report_points);
std::vector<FieldError> validate(const Visit& visit);

// http:// or https:// followed by a host, no spaces or control characters.
bool is_web_address(std::string_view text);

}  // namespace cscwatch
