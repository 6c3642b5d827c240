// ILACS reports (2018 onward): "Inspection of X local authority children's
// services", and the early 2018-19 layout "X / Inspection of children's social
// care services".
#include <string>

#include "parse/classifier.h"
#include "parse/improvement_points.h"
#include "parse/judgement_table.h"
#include "parse/report_header.h"
#include "parse/report_parsers.h"
#include "parse/summary_sentence.h"
#include "parse/text_normalise.h"
#include "parse/title_block.h"

namespace cscwatch::parse {

namespace {

// The headline: the narrative paragraph that follows the table (from the
// first line of its block), running headers skipped.
void read_headline(const DocumentLines& doc, size_t after_table, size_t table_last_cell, InspectionRecord& record) {
  size_t i = after_table;
  while (i < doc.lines.size() && is_running_header(doc.lines[i])) ++i;
  if (i >= doc.lines.size()) return;
  const int block = doc.lines[i].block;
  while (i > table_last_cell + 1 && doc.lines[i - 1].block == block && !is_running_header(doc.lines[i - 1])) --i;
  size_t stop = i;
  while (stop < doc.lines.size() && stop < i + 40 && doc.lines[stop].block == block) ++stop;
  record.headline = Sourced<std::string>{join_text(doc, i, stop), doc.lines[i].page};
}

}  // namespace

Result<InspectionRecord> parse_ilacs_report(const DocumentLines& doc, const ParseOptions& options) {
  InspectionRecord record;
  record.kind = DocumentKind::IlacsReport;
  record.framework = Framework::Ilacs;
  const std::optional<Error> undated = read_title_facts(doc, "ILACS report", options, record);
  if (record.start && record.end) record.type = infer_ilacs_type(record.start->value, record.end->value);
  record.type_inferred = true;
  if (options.read_lead_inspector) record.lead_inspector = find_lead_inspector(doc, 1, 2);

  // The table: from the top of page 1 to the narrative that follows it, at the
  // latest "What needs to improve?" (page 1-2). Its rows may come in any order.
  size_t region_end = doc.end_of(2);
  for (size_t i = 0; i < region_end; ++i) {
    if (starts_with(doc.lines[i].norm, "what needs to improve")) {
      region_end = i;
      break;
    }
  }
  const JudgementTable table = read_judgement_table(doc, {0, region_end, true}, classify_report_label);
  record.judgements = take_table(table, options.read_table_rows, record);
  if (table.grade_cells > 0) read_headline(doc, table.end, table.last_cell, record);

  // A few reports also print "The overall judgement is ...": a cross-check of the overall row.
  if (options.read_summary_sentence)
    if (auto summary = find_summary_sentence(doc, 0, region_end))
      record.evidence.summary_grade = Sourced<Grade>{*summary->grade.grade, summary->page};
  record.improvement_points = read_what_needs_to_improve(doc, record.doubts);
  // Without dates, a document with no judgement read is no report we can
  // keep; one with judgements is kept and flagged (domain/completeness.h).
  if (undated && record.judgements.empty()) return *undated;
  return record;
}

}  // namespace cscwatch::parse
