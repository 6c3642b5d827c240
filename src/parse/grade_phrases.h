// Grades where reports print them: a table cell that is only a grade
// ("Requires improvement to be good", sometimes wrapped over two lines, or
// "Not judged"), or the end of a sentence ("... are inadequate").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/grade.h"

namespace cscwatch::parse {

struct PrintedGrade {
  std::optional<Grade> grade;  // empty for "Not judged"
  std::string printed;         // as printed, whitespace collapsed
};

// The whole of `text` is a grade cell (trailing full stop and footnote digits
// allowed). Recognises "Not judged" as a cell with no grade.
std::optional<PrintedGrade> grade_cell(std::string_view text);

// A grade that ends a sentence: "... are inadequate", "... require improvement
// to be good", "... requires improvement". `text` is searched from `from`; the
// earliest grade phrase wins. "require improvement" counts as requires improvement.
std::optional<PrintedGrade> grade_in_sentence(std::string_view text, size_t from = 0);

}  // namespace cscwatch::parse
