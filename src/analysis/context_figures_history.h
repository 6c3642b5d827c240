// An authority's context figures (domain/context_figure.h) at each inspection
// that printed them, oldest first, with the inspection's overall grade, for
// the authority page's chart and table.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "domain/context_figure.h"
#include "store/sqlite.h"

namespace cscwatch {

struct InspectionContextFigures {
  int64_t document_id = 0;
  std::string inspection_start, source_file, overall;
  std::map<std::string, ContextFigure> figures;  // by figure name
};

std::vector<InspectionContextFigures> context_figures_history(const Connection& db, const std::string& authority_urn);

// How many SIF reports give each figure, and how many SIF reports there are
// (coverage; the key "" holds the number of SIF reports).
std::map<std::string, int> context_figure_coverage(const Connection& db);

}  // namespace cscwatch
