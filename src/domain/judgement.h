// The areas Ofsted judges, across frameworks.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/grade.h"

namespace cscwatch {

// One enum spans both frameworks; each framework judges a subset:
//   SIF:   Overall, HelpProtection, InCare (children looked after and achieving
//          permanence), Adoption (2.1), CareLeavers (2.2), Leadership, Lscb.
//   ILACS: Overall, Leadership (impact of leaders), HelpProtection, InCare
//          (children in care [and care leavers before 2023]), CareLeavers (2023+).
//   pre-SIF looked after children: Overall, Leadership.
enum class JudgementArea { Overall, Leadership, HelpProtection, InCare, CareLeavers, Adoption, Lscb };

inline constexpr JudgementArea kAllJudgementAreas[] = {
    JudgementArea::Overall,     JudgementArea::Leadership, JudgementArea::HelpProtection,
    JudgementArea::InCare,      JudgementArea::CareLeavers, JudgementArea::Adoption,
    JudgementArea::Lscb};

// Export/API column names: overall, leadership, help_protection, in_care,
// care_leavers, adoption, lscb.
std::string_view to_string(JudgementArea area);
std::optional<JudgementArea> parse_judgement_area(std::string_view text);
// "Help and protection", "Children in care", ...
std::string_view label(JudgementArea area);

// One judgement as found in a report. `grade` is empty when printed as
// "Not judged".
struct Judgement {
  JudgementArea area{};
  std::optional<Grade> grade;
  std::string printed_label;  // the judgement's wording in the report
  std::string printed_grade;  // the grade as printed ("Requires improvement to be good")
  int page = 0;               // 1-based page the grade was read from
};

}  // namespace cscwatch
