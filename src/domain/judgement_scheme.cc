#include "domain/judgement_scheme.h"

namespace cscwatch {

namespace {
using A = JudgementArea;
constexpr JudgementArea kLookedAfter2013[] = {A::Overall, A::Leadership};
constexpr JudgementArea kSif[] = {A::Overall, A::HelpProtection, A::InCare, A::Adoption, A::CareLeavers, A::Leadership};
constexpr JudgementArea kSifWithLscb[] = {A::Overall,     A::HelpProtection, A::InCare, A::Adoption,
                                          A::CareLeavers, A::Leadership,     A::Lscb};
constexpr JudgementArea kIlacs2018[] = {A::Overall, A::Leadership, A::HelpProtection, A::InCare};
constexpr JudgementArea kIlacs2023[] = {A::Overall, A::Leadership, A::HelpProtection, A::InCare, A::CareLeavers};
constexpr JudgementArea kLscbReview[] = {A::Lscb};
constexpr JudgementArea kIlacs2026[] = {A::Leadership, A::HelpProtection, A::InCare, A::CareLeavers};
}  // namespace

JudgementScheme judgement_scheme(DocumentKind kind, const Date& first_day_on_site) {
  switch (kind) {
    case DocumentKind::LookedAfterChildrenReport: return JudgementScheme::LookedAfter2013;
    case DocumentKind::SifReport: return JudgementScheme::Sif;
    case DocumentKind::IlacsReport:
      if (first_day_on_site >= kIlacsOverallRemovedFrom) return JudgementScheme::Ilacs2026;
      if (first_day_on_site >= kIlacsCareLeaversJudgedFrom) return JudgementScheme::Ilacs2023;
      return JudgementScheme::Ilacs2018;
    case DocumentKind::LscbReview: return JudgementScheme::LscbReview;
    case DocumentKind::FocusedVisitLetter:
    case DocumentKind::MonitoringVisitLetter:
    case DocumentKind::JointTargetedInspection: return JudgementScheme::Letter;
  }
  return JudgementScheme::Letter;
}

std::span<const JudgementArea> required_judgements(JudgementScheme scheme, bool title_covers_lscb) {
  switch (scheme) {
    case JudgementScheme::LookedAfter2013: return kLookedAfter2013;
    case JudgementScheme::Sif: return title_covers_lscb ? std::span<const A>(kSifWithLscb) : std::span<const A>(kSif);
    case JudgementScheme::Ilacs2018: return kIlacs2018;
    case JudgementScheme::Ilacs2023: return kIlacs2023;
    case JudgementScheme::Ilacs2026: return kIlacs2026;
    case JudgementScheme::LscbReview: return kLscbReview;
    case JudgementScheme::Letter: return {};
  }
  return {};
}

bool grades_overall(JudgementScheme scheme) {
  return scheme != JudgementScheme::Ilacs2026 && scheme != JudgementScheme::LscbReview &&
         scheme != JudgementScheme::Letter;
}

std::optional<Grade> grade_for_counts(JudgementScheme scheme, std::optional<Grade> overall,
                                      std::span<const std::optional<Grade>> judgements) {
  if (!overall_absent_by_framework(scheme)) return overall;
  std::optional<Grade> lowest;
  for (const auto& g : judgements)
    if (g && (!lowest || rank(*g) > rank(*lowest))) lowest = g;
  return lowest;
}

bool overall_absent_by_framework(JudgementScheme scheme) { return scheme == JudgementScheme::Ilacs2026; }

std::string_view describe(JudgementScheme scheme) {
  switch (scheme) {
    case JudgementScheme::LookedAfter2013: return "2013 looked after children inspection";
    case JudgementScheme::Sif: return "SIF inspection";
    case JudgementScheme::Ilacs2018: return "ILACS inspection begun before 2023";
    case JudgementScheme::Ilacs2023: return "ILACS inspection begun from January 2023";
    case JudgementScheme::Ilacs2026: return "ILACS inspection begun from April 2026";
    case JudgementScheme::LscbReview: return "review of a Local Safeguarding Children Board";
    case JudgementScheme::Letter: return "visit letter";
  }
  return "";
}

std::string_view to_string(JudgementScheme scheme) {
  switch (scheme) {
    case JudgementScheme::LookedAfter2013: return "looked_after_2013";
    case JudgementScheme::Sif: return "sif";
    case JudgementScheme::Ilacs2018: return "ilacs_2018";
    case JudgementScheme::Ilacs2023: return "ilacs_2023";
    case JudgementScheme::Ilacs2026: return "ilacs_2026";
    case JudgementScheme::LscbReview: return "lscb_review";
    case JudgementScheme::Letter: return "letter";
  }
  return "";
}

}  // namespace cscwatch
