#include "parse/judgement_table.h"

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
  for (std::string_view head : {"the experiences", "the impact of leaders", "overall effectiveness",
                                "experiences and progress", "leadership", "adoption", "the effectiveness of the local safeguarding",
                                "the local safeguarding", "capacity to improve", "outcomes for",
                                "quality of provision", "judgement", "grade", "the overall"})
    if (starts_with(norm, head)) return true;
  return false;
}

// Title, header and headline lines: never part of a row label.
bool ends_label(std::string_view norm) {
  for (std::string_view head : {"inspection of", "re-inspection of", "review of", "inspection date",
                                "report published", "published", "lead inspector", "children's services in",
                                "the overall judgement", "the judgements on", "services for looked after children"})
    if (starts_with(norm, head)) return true;
  return false;
}

// Row labels wrap over at most this many lines.
constexpr size_t kMaxLabelLines = 4;

bool looks_like_paragraph(const DocLine& line) {
  return line.norm.size() > 95 || (line.norm.size() > 40 && line.norm.back() == '.');
}

}  // namespace

void add_judgement(std::vector<Judgement>& judgements, Judgement j) {
  for (const auto& existing : judgements)
    if (existing.area == j.area) return;
  judgements.push_back(std::move(j));
}

std::optional<JudgementArea> classify_report_label(std::string_view label) {
  if (contains(label, "adoption")) return JudgementArea::Adoption;
  if (contains(label, "safeguarding children board") || contains(label, "lscb")) return JudgementArea::Lscb;
  if (contains(label, "impact of leaders") || starts_with(label, "leadership")) return JudgementArea::Leadership;
  if (contains(label, "help and protection")) return JudgementArea::HelpProtection;
  if (contains(label, "children in care") || contains(label, "looked after and achieving") ||
      starts_with(label, "children looked after"))
    return JudgementArea::InCare;
  if (contains(label, "care leavers")) return JudgementArea::CareLeavers;
  if (starts_with(label, "overall effectiveness")) return JudgementArea::Overall;
  return std::nullopt;
}

std::vector<Judgement> read_judgement_table(const DocumentLines& doc, size_t from, size_t to,
                                            const LabelClassifier& classify) {
  std::vector<Judgement> out;
  to = std::min(to, doc.lines.size());
  size_t label_start = from;  // first line of the pending label
  bool have_label = false;
  for (size_t i = from; i < to; ++i) {
    const DocLine& line = doc.lines[i];
    if (is_page_number(line)) continue;
    // A grade cell, possibly wrapped: "Requires" / "improvement" / "to be good".
    std::optional<PrintedGrade> cell;
    size_t cell_end = i + 1;
    for (size_t n = 1; n <= 3 && i + n <= to; ++n) {
      if (n > 1 && doc.lines[i + n - 1].page != line.page) break;
      std::string joined = join_text(doc, i, i + n);
      if (auto g = grade_cell(joined)) {
        cell = g;
        cell_end = i + n;
      }
      if (joined.size() > 60) break;
    }
    if (cell && have_label) {
      std::string label_text = join_text(doc, label_start, i);
      std::string label_norm(strip_section_number(normalise(label_text)));
      if (auto area = classify(label_norm)) {
        Judgement j;
        j.area = *area;
        j.grade = cell->grade;
        j.printed_label = std::string(strip_section_number(label_text));
        j.printed_grade = cell->printed;
        j.page = line.page;
        add_judgement(out, std::move(j));
      }
      have_label = false;
      i = cell_end - 1;
      continue;
    }
    if (cell) {
      i = cell_end - 1;
      continue;
    }
    if (looks_like_paragraph(line) || ends_label(line.norm)) {
      have_label = false;
      continue;
    }
    if (!have_label || starts_label(line.norm) || i - label_start >= kMaxLabelLines) {
      label_start = i;
      have_label = true;
    }
  }
  return out;
}

}  // namespace cscwatch::parse
