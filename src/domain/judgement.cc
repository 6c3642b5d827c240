#include "domain/judgement.h"

namespace cscwatch {

std::string_view to_string(JudgementArea area) {
  switch (area) {
    case JudgementArea::Overall: return "overall";
    case JudgementArea::Leadership: return "leadership";
    case JudgementArea::HelpProtection: return "help_protection";
    case JudgementArea::InCare: return "in_care";
    case JudgementArea::CareLeavers: return "care_leavers";
    case JudgementArea::Adoption: return "adoption";
    case JudgementArea::Lscb: return "lscb";
  }
  return "";
}

std::optional<JudgementArea> parse_judgement_area(std::string_view text) {
  for (JudgementArea area : kAllJudgementAreas)
    if (to_string(area) == text) return area;
  return std::nullopt;
}

std::string_view label(JudgementArea area) {
  switch (area) {
    case JudgementArea::Overall: return "Overall effectiveness";
    case JudgementArea::Leadership: return "Leadership";
    case JudgementArea::HelpProtection: return "Help and protection";
    case JudgementArea::InCare: return "Children in care";
    case JudgementArea::CareLeavers: return "Care leavers";
    case JudgementArea::Adoption: return "Adoption";
    case JudgementArea::Lscb: return "LSCB";
  }
  return "";
}

}  // namespace cscwatch
