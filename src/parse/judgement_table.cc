#include "parse/judgement_table.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "parse/grade_phrases.h"
#include "parse/text_normalise.h"

namespace cscwatch::parse {

namespace {

// A line that starts a new row label, so wrapped label lines before it belong
// to something else (a heading, the title). SIF rows are numbered ("1. Children
// who need ..."); an unnumbered "children who need ..." continues an ILACS label.
bool starts_label(std::string_view norm) {
  if (!norm.empty() && std::isdigit(static_cast<unsigned char>(norm[0]))) return true;
  for (std::string_view head :
       {"the experiences", "the impact of leaders", "overall effectiveness", "experiences and progress", "leadership",
        "adoption", "the effectiveness of the local safeguarding", "the local safeguarding", "capacity to improve",
        "outcomes for", "quality of provision", "the overall"})
    if (starts_with(norm, head)) return true;
  return false;
}

// Title, header and headline lines, and the table's own column headers
// ("Judgement" / "Grade", which sit over the label and grade columns): never
// part of a row label.
bool ends_label(std::string_view norm) {
  if (norm == "judgement" || norm == "grade" || norm == "judgement grade" || norm == "judgements") return true;
  for (std::string_view head : {"inspection of", "re-inspection of", "review of", "inspection date", "report published",
                                "published", "lead inspector", "children's services in", "the overall judgement",
                                "the judgements on", "services for looked after children"})
    if (starts_with(norm, head)) return true;
  return false;
}

// A grade column starts at least this far (PDF points) right of its labels;
// labels themselves are indented by less (SIF "2.1" rows: about 50).
constexpr float kMinColumnGap = 100;

// Row labels wrap over at most this many lines (two words a line in a narrow
// label column); more, and the pending label restarts.
constexpr size_t kMaxLabelLines = 10;

// Narrative, not a row: a long line, a line ending a sentence, or one where a
// sentence ends and the next begins ("... progress. Care leavers are ...");
// row labels are noun phrases and never do either.
bool looks_like_paragraph(const DocLine& line) {
  if (line.norm.size() > 95 || (line.norm.size() > 40 && line.norm.back() == '.')) return true;
  const std::string& t = line.text;
  for (size_t at = t.find(". "); at != std::string::npos && at + 2 < t.size(); at = t.find(". ", at + 1))
    if (at > 0 && std::islower(static_cast<unsigned char>(t[at - 1])) &&
        std::isupper(static_cast<unsigned char>(t[at + 2])))
      return true;
  return false;
}

// The cell starts right of the label, or the page gives no positions to tell.
bool right_of(const DocLine& cell, const DocLine& label, const DocumentLines& doc) {
  const auto page = static_cast<size_t>(cell.page);
  if (page >= doc.has_layout.size() || !doc.has_layout[page] || !cell.has_box || !label.has_box) return true;
  return cell.x0 > label.x0 + kMinColumnGap;
}

}  // namespace

bool add_judgement(std::vector<Judgement>& judgements, Judgement j) {
  for (const auto& existing : judgements)
    if (existing.area == j.area) return false;
  judgements.push_back(std::move(j));
  return true;
}

LabelMeaning classify_report_label(std::string_view label) {
  if (contains(label, "adoption")) return recorded(JudgementArea::Adoption);
  // The LSCB review's own wording in 2014 tables: "The arrangements in place to
  // evaluate the effectiveness of what is done by the authority and board
  // partners to safeguard and promote the welfare of children".
  if (contains(label, "safeguarding children board") || contains(label, "lscb") ||
      contains(label, "board partners to safeguard"))
    return recorded(JudgementArea::Lscb);
  if (contains(label, "impact of leaders") || starts_with(label, "leadership"))
    return recorded(JudgementArea::Leadership);
  if (contains(label, "help and protection")) return recorded(JudgementArea::HelpProtection);
  if (contains(label, "children in care") || contains(label, "looked after and achieving") ||
      starts_with(label, "children looked after"))
    return recorded(JudgementArea::InCare);
  if (contains(label, "care leavers")) return recorded(JudgementArea::CareLeavers);
  if (starts_with(label, "overall effectiveness")) return recorded(JudgementArea::Overall);
  return kNotUnderstood;
}

namespace {

// A grade cell starting at line i, possibly wrapped ("Requires" /
// "improvement" / "to be good"), and the line after it.
struct GradeCell {
  PrintedGrade grade;
  size_t end;
};

std::optional<GradeCell> grade_cell_at(const DocumentLines& doc, size_t i, size_t to) {
  std::optional<GradeCell> cell;
  for (size_t n = 1; n <= 3 && i + n <= to; ++n) {
    if (n > 1 && doc.lines[i + n - 1].page != doc.lines[i].page) break;
    std::string joined = join_text(doc, i, i + n);
    if (auto g = grade_cell(joined)) cell = GradeCell{*g, i + n};
    if (joined.size() > 60) break;
  }
  return cell;
}

// The row whose label runs over lines [label_start, cell_line) and whose
// grade is `cell`: a judgement if the label names an area not yet read, else
// recorded as unread (unless the classifier knows the label and drops it).
void read_row(JudgementTable& table, const DocumentLines& doc, size_t label_start, size_t cell_line,
              const PrintedGrade& cell, const LabelClassifier& classify) {
  const int page = doc.lines[cell_line].page;
  ++table.grade_cells;
  if (table.page == 0) table.page = page;
  const std::string label_text = join_text(doc, label_start, cell_line);
  const std::string label_norm(strip_section_number(normalise(label_text)));
  const LabelMeaning meaning = classify(label_norm);
  bool read = meaning.known && !meaning.area;
  if (meaning.area) {
    Judgement j;
    j.area = *meaning.area;
    j.grade = cell.grade;
    j.printed_label = std::string(strip_section_number(label_text));
    j.printed_grade = cell.printed;
    j.page = page;
    read = add_judgement(table.judgements, std::move(j));
  }
  if (read) {
    ++table.rows_read;
  } else {
    table.unread.push_back({std::string(strip_section_number(label_text)), cell.printed, page});
  }
}

}  // namespace

JudgementTable read_judgement_table(const DocumentLines& doc, TableRegion region, const LabelClassifier& classify) {
  JudgementTable table;
  const size_t to = std::min(region.to, doc.lines.size());
  table.end = to;
  size_t label_start = region.from;  // first line of the pending label
  bool have_label = false;
  // The block of the last paragraph line: its later lines continue the
  // paragraph ("... when they were / inadequate."), never a row.
  int paragraph_block = -1;
  for (size_t i = region.from; i < to; ++i) {
    const DocLine& line = doc.lines[i];
    if (is_page_number(line)) continue;
    if (const std::optional<GradeCell> cell = grade_cell_at(doc, i, to)) {
      // Where the page gives positions, a cell sits in a column right of its
      // label; a grade at the label's own left edge ends a sentence ("The
      // effectiveness of the LSCB is / requires improvement"), not a row.
      if (have_label && right_of(line, doc.lines[label_start], doc)) {
        read_row(table, doc, label_start, i, cell->grade, classify);
        table.last_cell = cell->end - 1;
      }
      have_label = false;
      i = cell->end - 1;
      continue;
    }
    if (looks_like_paragraph(line)) {
      if (region.stop_at_paragraph && table.grade_cells > 0) {
        table.end = i;
        break;
      }
      paragraph_block = line.block;
      have_label = false;
      continue;
    }
    if (line.block == paragraph_block || ends_label(line.norm)) {
      have_label = false;
      continue;
    }
    if (!have_label || starts_label(line.norm) || i - label_start >= kMaxLabelLines) {
      label_start = i;
      have_label = true;
    }
  }
  return table;
}

std::vector<Judgement> take_table(JudgementTable table, bool read_rows, InspectionRecord& record) {
  if (!read_rows) {
    table.judgements.clear();
    table.rows_read = 0;
  }
  record.evidence.table_grade_cells = table.grade_cells;
  record.evidence.table_rows_read = table.rows_read;
  record.evidence.table_page = table.page;
  for (const auto& row : table.unread)
    add_review_item(record.doubts, {"judgements",
                                    "the judgement table's row '" + row.label + "' (" + row.printed_grade +
                                        ") was not read: its label is not one the parser knows, or repeats an "
                                        "earlier row",
                                    row.page});
  return std::move(table.judgements);
}

}  // namespace cscwatch::parse
