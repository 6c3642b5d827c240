// The grades an article reports: each Ofsted grade word read in its sentence
// (quoted, after "rated", "judged as", ...), with whether it is the overall
// grade, an area's grade or an earlier inspection's, and the council named
// nearest; aspirations ("to become good") and denials ("no areas judged
// inadequate") are not grades.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/grade.h"
#include "news/reading_context.h"

namespace cscwatch::news {

struct GradeMention {
  Grade grade{};
  std::string text;      // the sentence
  bool earlier = false;  // about an earlier inspection
  std::optional<int> year;
  std::string area;             // care_leavers, in_care, help_protection, leadership, adoption, lscb, some_areas;
                                // empty: overall
  bool overall_stated = false;  // said to be the overall grade ("an overall 'good' rating")
  double weight = 1;
  std::string authority_urn;  // the authority named nearest in its sentence; empty: none named
};

struct GradeReading {
  std::vector<GradeMention> current;  // at most 60
  std::vector<GradeMention> earlier;  // distinct (grade, year, area), at most 20
};

// Appends the grades the sentence states.
void read_grades(const ReadingContext& ctx, const SentenceWords& sentence, GradeReading& out);

// The grade reported for one authority: claims in sentences naming another
// authority are left out (empty urn: every claim); a grade said to be the
// overall one outweighs the rest, area grades count only when nothing else is
// stated; the heaviest wins.
std::optional<Grade> grade_of(const std::vector<GradeMention>& mentions, const std::string& urn);

}  // namespace cscwatch::news
