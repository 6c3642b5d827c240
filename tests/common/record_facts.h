// The facts of a parsed record that the completeness rules guard, by
// review-item field name, for tests that parse a report twice (perturbed, or
// with a rule switched off) and compare.
#pragma once

#include <map>
#include <string>

#include "domain/date.h"
#include "domain/grade.h"
#include "domain/inspection.h"

namespace cscwatch::testing {

// Dates, lead inspector and every judgement area ("(none)" when the record
// has no judgement for it, "not judged" when it has one without a grade).
inline std::map<std::string, std::string> record_facts(const InspectionRecord& r) {
  std::map<std::string, std::string> out;
  out["inspection_start"] = r.start ? to_iso(r.start->value) : "";
  out["inspection_end"] = r.end ? to_iso(r.end->value) : "";
  out["lead_inspector"] = r.lead_inspector ? r.lead_inspector->value : "";
  for (JudgementArea area : kAllJudgementAreas) {
    const Judgement* j = r.judgement(area);
    out[std::string(to_string(area))] = !j ? "(none)" : j->grade ? std::string(to_string(*j->grade)) : "not judged";
  }
  return out;
}

inline bool is_judgement_field(const std::string& field) {
  for (JudgementArea area : kAllJudgementAreas)
    if (field == to_string(area)) return true;
  return false;
}

}  // namespace cscwatch::testing
