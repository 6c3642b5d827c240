// SIF reports (November 2013 - 2018): "Inspection of services for children in
// need of help and protection, children looked after and care leavers [and
// Review of the effectiveness of the LSCB]", and re-inspections.
#include <algorithm>
#include <string>

#include "parse/classifier.h"
#include "parse/context_figures.h"
#include "parse/grade_phrases.h"
#include "parse/improvement_points.h"
#include "parse/judgement_table.h"
#include "parse/lscb_sentence.h"
#include "parse/report_header.h"
#include "parse/report_parsers.h"
#include "parse/summary_sentence.h"
#include "parse/text_normalise.h"
#include "parse/title_block.h"

namespace cscwatch::parse {

namespace {

// The SIF title covers the LSCB review ("... and Review of the effectiveness
// of the Local Safeguarding Children Board"), or the report carries an
// appended LSCB review under its own title (Hull 2015's joint pilot,
// "Inspection of the effectiveness of the local safeguarding children board:
// Hull"). Re-inspections and a few late reports do neither, and print no
// LSCB judgement.
bool covers_lscb_review(const DocumentLines& doc) {
  const auto title = find_title_block(doc);
  if (title && (contains(title->norm, "review of the effectiveness of the local safeguarding children") ||
                contains(title->norm, "review of the effectiveness of the lscb")))
    return true;
  return std::any_of(doc.lines.begin(), doc.lines.end(), [](const DocLine& line) {
    return starts_with(line.norm, "inspection of the effectiveness of the local safeguarding children board");
  });
}

}  // namespace

Result<InspectionRecord> parse_sif_report(const DocumentLines& doc, const ParseOptions& options) {
  InspectionRecord record;
  record.kind = DocumentKind::SifReport;
  record.framework = Framework::Sif;
  const std::string front = front_text(doc, 2);
  record.type = contains(front, "re-inspection of services") ? InspectionType::ReInspection : InspectionType::Full;
  const std::optional<Error> undated = read_title_facts(doc, "SIF report", options, record);
  if (options.read_lead_inspector) record.lead_inspector = find_lead_inspector(doc, 1, doc.page_count);
  record.evidence.title_covers_lscb = covers_lscb_review(doc);

  // The front table runs from the title to the executive summary.
  size_t table_end = doc.end_of(2);
  for (size_t i = 0; i < table_end; ++i) {
    if (starts_with(doc.lines[i].norm, "executive summary") || doc.lines[i].norm == "contents") {
      table_end = i;
      break;
    }
  }
  // The headline sentence above the table gives the overall judgement.
  if (auto summary = find_summary_sentence(doc, 0, table_end)) {
    // The sentence names the authority: the fallback when the title block prints it otherwise.
    if (options.read_title_block && record.authority_printed.value.empty())
      if (!summary->authority.empty()) record.authority_printed = {summary->authority, summary->page};
    if (options.read_summary_sentence) {
      record.headline = Sourced<std::string>{summary->text, summary->page};
      record.evidence.summary_grade = Sourced<Grade>{*summary->grade.grade, summary->page};
      Judgement overall;
      overall.area = JudgementArea::Overall;
      overall.grade = summary->grade.grade;
      overall.printed_label = "Overall judgement";
      overall.printed_grade = summary->grade.printed;
      overall.page = summary->page;
      add_judgement(record.judgements, std::move(overall));
    }
  }

  const JudgementTable table = read_judgement_table(doc, {0, table_end, false}, classify_report_label);

  // The LSCB judgement comes from its own sentence; a table row for it (where
  // printed) stands in when the sentence is not read, and must agree with it.
  std::optional<Judgement> lscb_row;
  for (auto& j : take_table(table, options.read_table_rows, record)) {
    if (j.area == JudgementArea::Lscb) {
      lscb_row = std::move(j);
      continue;
    }
    // A table row for the overall judgement must agree with the headline sentence.
    const Judgement* earlier = record.judgement(j.area);
    if (earlier && earlier->grade != j.grade)
      add_review_item(record.doubts, {std::string(to_string(j.area)),
                                      "the judgement table's row (" + j.printed_grade +
                                          ") disagrees with the headline sentence (" + earlier->printed_grade + ")",
                                      j.page});
    add_judgement(record.judgements, std::move(j));
  }
  std::optional<Judgement> lscb = options.read_lscb_sentence ? read_lscb_sentence(doc) : std::nullopt;
  if (lscb && lscb_row && lscb->grade != lscb_row->grade)
    add_review_item(record.doubts, {"lscb", "the LSCB sentence (" + lscb->printed_grade +
                                                ") disagrees with the LSCB row of the judgement table (" +
                                                lscb_row->printed_grade + ")",
                                    lscb->page});
  if (lscb) add_judgement(record.judgements, std::move(*lscb));
  else if (lscb_row) add_judgement(record.judgements, std::move(*lscb_row));

  record.improvement_points = read_recommendations(doc, record.doubts);
  record.context_figures = read_context_figures(doc, record.doubts);
  // Without dates, a document with no judgement read is no report we can
  // keep; one with judgements is kept and flagged (domain/completeness.h).
  if (undated && record.judgements.empty()) return *undated;
  return record;
}

}  // namespace cscwatch::parse
