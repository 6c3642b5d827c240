// The judgement tables on a report's front page (and the pre-SIF "Record of
// main findings"): rows of a label, possibly wrapped over several lines,
// followed by a grade cell. Read in the reader's line order, which for these
// two-column tables is label then grade (MuPDF emits a row's label lines and
// then its cell, whatever their vertical centring).
//
// A table cell is a grade (or "Not judged"), possibly wrapped over up to three
// lines, that closes a pending row label. A grade with no label before it (the
// end of a headline sentence "... are / inadequate") is not a cell. Every cell
// is counted whether or not its label is understood, so a row the parser
// cannot classify shows up as cells > rows read (completeness flags it), never
// as a silent blank or a guessed area.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/judgement.h"
#include "domain/inspection.h"
#include "domain/review_item.h"
#include "parse/document_lines.h"

namespace cscwatch::parse {

// What a row label means: a judgement area the register records, a row the
// framework prints but the register deliberately does not record (pre-SIF
// "Capacity for improvement"), or nothing understood (area empty, !known).
struct LabelMeaning {
  std::optional<JudgementArea> area;
  bool known = false;
};
inline LabelMeaning recorded(JudgementArea area) { return {area, true}; }
inline constexpr LabelMeaning kNotRecorded{std::nullopt, true};
inline constexpr LabelMeaning kNotUnderstood{std::nullopt, false};

// Maps a row label (normalised, section number stripped) to its meaning.
using LabelClassifier = std::function<LabelMeaning(std::string_view label)>;

// A row whose grade was found but whose label was not understood, or whose
// area an earlier row already gave.
struct UnreadRow {
  std::string label;
  std::string printed_grade;
  int page = 0;
};

struct JudgementTable {
  std::vector<Judgement> judgements;  // one per area, in table order
  int grade_cells = 0;                // cells closing a row label
  int rows_read = 0;                  // cells whose row became a judgement or a known unrecorded row
  int page = 0;                       // page of the first cell; 0 when none
  size_t end = 0;                     // one past the table's last line (the region's end if not cut)
  size_t last_cell = 0;               // last line of the last cell
  std::vector<UnreadRow> unread;
};

struct TableRegion {
  size_t from = 0;
  size_t to = 0;
  // Stop at the first paragraph after a cell: the table is over and the
  // narrative begins (the ILACS headline), so body text is never read as rows.
  bool stop_at_paragraph = false;
};

JudgementTable read_judgement_table(const DocumentLines& doc, TableRegion region, const LabelClassifier& classify);

// Labels of the SIF and ILACS tables (and the LSCB sentence heads).
LabelMeaning classify_report_label(std::string_view label);

// Adds `j` unless its area is already present; true when added.
bool add_judgement(std::vector<Judgement>& judgements, Judgement j);

// The table as evidence for the completeness checks (cells, rows read, page)
// and each unread row as a review item (field "judgements"). With
// `read_rows` false (rule ablation) the cells are still counted but no row is
// taken as a judgement. Returns the judgements to keep.
std::vector<Judgement> take_table(JudgementTable table, bool read_rows, InspectionRecord& record);

}  // namespace cscwatch::parse
