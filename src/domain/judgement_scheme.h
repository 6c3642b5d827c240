// Which judgements a document of a given kind and period prints. Ofsted has
// changed the set four times (domain brief, section 1):
//   LookedAfter2013: 2013 "Inspection of looked after children services":
//                    overall effectiveness and leadership on the old scale.
//   Sif:             November 2013 - 2018: overall, help and protection,
//                    children looked after, adoption, care leavers,
//                    leadership, and the LSCB review when the title covers it.
//   Ilacs2018:       inspections starting before 2023: overall and three
//                    (children in care and care leavers judged together).
//   Ilacs2023:       from January 2023: overall and four (care leavers apart).
//   Ilacs2026:       from 1 April 2026: the four judgements and no overall
//                    effectiveness - absent by framework, not missing data.
//   LscbReview:      2015-2017 stand-alone LSCB review: the LSCB alone.
//   Letter:          focused and monitoring visits, JTAIs: no grades.
// The period is decided by the first day on site: an inspection that began in
// December 2022 is judged under the 2018 set (South Tyneside 2023 is one).
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "domain/date.h"
#include "domain/framework.h"
#include "domain/judgement.h"

namespace cscwatch {

enum class JudgementScheme { LookedAfter2013, Sif, Ilacs2018, Ilacs2023, Ilacs2026, LscbReview, Letter };

// First days on site of the ILACS changes.
inline constexpr Date kIlacsCareLeaversJudgedFrom{std::chrono::year{2023}, std::chrono::January, std::chrono::day{1}};
inline constexpr Date kIlacsOverallRemovedFrom{std::chrono::year{2026}, std::chrono::April, std::chrono::day{1}};

JudgementScheme judgement_scheme(DocumentKind kind, const Date& first_day_on_site);

// The judgements every document of the scheme must yield (a grade, or a row
// printed "Not judged"). SIF includes the LSCB only when `title_covers_lscb`.
std::span<const JudgementArea> required_judgements(JudgementScheme scheme, bool title_covers_lscb);

// Whether the scheme grades overall effectiveness at all.
bool grades_overall(JudgementScheme scheme);

// Which grade an inspection counts as in the register's counts by grade, its
// grade filter, the timeline and the forecast. One rule, in one place:
//  - a scheme that grades overall effectiveness counts its overall grade (none
//    when the overall grade was not read: that is missing data);
//  - the April 2026 framework gives no overall grade by design, so the
//    inspection counts at its LOWEST judgement: a service is judged no
//    stronger than its weakest judgement. Judgements printed "Not judged" (or
//    not read) are skipped; with none graded there is nothing to count.
// `judgements` holds the grades of the scheme's judgements other than overall.
std::optional<Grade> grade_for_counts(JudgementScheme scheme, std::optional<Grade> overall,
                                      std::span<const std::optional<Grade>> judgements);

// True when the scheme gives no overall grade by framework (Ilacs2026), so a
// blank overall is not missing data.
bool overall_absent_by_framework(JudgementScheme scheme);

// "SIF", "ILACS 2018-2022", "ILACS 2023 on", "ILACS from April 2026", ...
std::string_view describe(JudgementScheme scheme);
// Stable machine name: "looked_after_2013", "sif", "ilacs_2018", "ilacs_2023",
// "ilacs_2026", "letter".
std::string_view to_string(JudgementScheme scheme);

}  // namespace cscwatch
