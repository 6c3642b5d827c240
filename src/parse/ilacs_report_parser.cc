// ILACS reports (2018 onward): "Inspection of X local authority children's
// services", and the early 2018-19 layout "X / Inspection of children's social
// care services".
#include <string>

#include "parse/classifier.h"
#include "parse/improvement_points.h"
#include "parse/judgement_table.h"
#include "parse/report_header.h"
#include "parse/report_parsers.h"
#include "parse/text_normalise.h"
#include "parse/title_block.h"

namespace cscwatch::parse {

namespace {

// The table sits between the "Judgement / Grade" header and the first summary
// paragraph; the first paragraph after the last grade is the headline.
void read_headline(const DocumentLines& doc, size_t after_table, InspectionRecord& record) {
  size_t i = after_table;
  while (i < doc.lines.size() && is_running_header(doc.lines[i])) ++i;
  if (i >= doc.lines.size()) return;
  const int block = doc.lines[i].block;
  size_t stop = i;
  while (stop < doc.lines.size() && stop < i + 40 && doc.lines[stop].block == block) ++stop;
  record.headline = Sourced<std::string>{join_text(doc, i, stop), doc.lines[i].page};
}

}  // namespace

Result<InspectionRecord> parse_ilacs_report(const DocumentLines& doc) {
  InspectionRecord record;
  record.kind = DocumentKind::IlacsReport;
  record.framework = Framework::Ilacs;
  if (auto error = read_title_facts(doc, "ILACS report", record)) return *error;
  record.type = infer_ilacs_type(record.start->value, record.end->value);
  record.type_inferred = true;
  record.lead_inspector = find_lead_inspector(doc, 1, 2);

  // The table: from the top of page 1 to "What needs to improve?" (page 1-2).
  size_t table_end = doc.end_of(2);
  for (size_t i = 0; i < table_end; ++i) {
    if (starts_with(doc.lines[i].norm, "what needs to improve")) {
      table_end = i;
      break;
    }
  }
  // The overall effectiveness row closes the table; the headline paragraph follows it.
  for (size_t i = 0; i < table_end; ++i) {
    if (starts_with(doc.lines[i].norm, "overall effectiveness")) {
      size_t k = i + 1;
      // Skip the grade cell (one to three lines).
      while (k < table_end && k < i + 4 && doc.lines[k].norm.size() < 40 && doc.lines[k].norm.back() != '.') ++k;
      read_headline(doc, k, record);
      table_end = k;
      break;
    }
  }
  record.judgements = read_judgement_table(doc, 0, table_end, classify_report_label);
  record.improvement_points = read_what_needs_to_improve(doc, record.doubts);
  if (record.judgements.empty()) return Error{"ILACS report without a judgement table"};
  return record;
}

}  // namespace cscwatch::parse
