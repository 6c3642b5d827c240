#include "domain/grade.h"

#include <algorithm>
#include <cctype>

namespace cscwatch {

std::string_view to_string(Grade grade) {
  switch (grade) {
    case Grade::Outstanding: return "outstanding";
    case Grade::Good: return "good";
    case Grade::RequiresImprovement: return "requires_improvement";
    case Grade::Adequate: return "adequate";
    case Grade::Inadequate: return "inadequate";
  }
  return "";
}

std::string_view label(Grade grade) {
  switch (grade) {
    case Grade::Outstanding: return "Outstanding";
    case Grade::Good: return "Good";
    case Grade::RequiresImprovement: return "Requires improvement";
    case Grade::Adequate: return "Adequate";
    case Grade::Inadequate: return "Inadequate";
  }
  return "";
}

std::optional<Grade> parse_grade(std::string_view text) {
  std::string s;
  s.reserve(text.size());
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!s.empty() && s.back() != ' ') {
      s.push_back(' ');
    }
  }
  while (!s.empty() && s.back() == ' ') s.pop_back();
  if (s == "outstanding" || s == "grade 1") return Grade::Outstanding;
  if (s == "good" || s == "grade 2") return Grade::Good;
  if (s == "requires improvement" || s == "requires improvement to be good" ||
      s == "requires_improvement" || s == "requires improvement to be good grade 3")
    return Grade::RequiresImprovement;
  if (s == "adequate" || s == "grade 3") return Grade::Adequate;
  if (s == "inadequate" || s == "grade 4") return Grade::Inadequate;
  // Printed with the number: "Outstanding (Grade 1)", "Inadequate (grade 4)".
  for (auto [prefix, grade] : {std::pair{"outstanding grade", Grade::Outstanding},
                               std::pair{"good grade", Grade::Good},
                               std::pair{"adequate grade", Grade::Adequate},
                               std::pair{"inadequate grade", Grade::Inadequate}}) {
    if (s.rfind(prefix, 0) == 0) return grade;
  }
  return std::nullopt;
}

int rank(Grade grade) {
  switch (grade) {
    case Grade::Outstanding: return 1;
    case Grade::Good: return 2;
    case Grade::RequiresImprovement:
    case Grade::Adequate: return 3;
    case Grade::Inadequate: return 4;
  }
  return 0;
}

}  // namespace cscwatch
