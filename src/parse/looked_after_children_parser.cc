// 2013 pre-SIF "Inspection of looked after children services" (old scale with
// adequate). Only two rows of its "Record of main findings" map onto the
// register's areas: "Overall effectiveness" -> overall and "Leadership and
// management" -> leadership; capacity to improve, outcomes and quality of
// provision have no column and are left out.
#include <string>

#include "parse/judgement_table.h"
#include "parse/report_header.h"
#include "parse/report_parsers.h"
#include "parse/text_normalise.h"
#include "parse/title_block.h"

namespace cscwatch::parse {

namespace {

LabelMeaning classify_main_findings_label(std::string_view label) {
  if (starts_with(label, "overall effectiveness")) return recorded(JudgementArea::Overall);
  if (starts_with(label, "leadership and management")) return recorded(JudgementArea::Leadership);
  // The record of main findings' other rows, which the register has no column for.
  for (std::string_view other : {"capacity", "outcomes", "being healthy", "staying safe", "enjoying and achieving",
                                 "making a positive contribution", "economic well", "achieving economic",
                                 "quality of provision", "ambition and prioritisation", "evaluation of outcomes",
                                 "user engagement", "partnerships", "equality and diversity", "value for money"})
    if (starts_with(label, other)) return kNotRecorded;
  return kNotUnderstood;
}

}  // namespace

Result<InspectionRecord> parse_looked_after_children_report(const DocumentLines& doc, const ParseOptions& options) {
  InspectionRecord record;
  record.kind = DocumentKind::LookedAfterChildrenReport;
  record.framework = Framework::PreSif;
  record.type = InspectionType::Full;
  const std::optional<Error> undated = read_title_facts(doc, "looked after children report", options, record);
  if (options.read_lead_inspector) record.lead_inspector = find_lead_inspector(doc, 1, 2);

  // The last "Record of main findings" heading is the table itself; earlier
  // ones are the contents page.
  size_t table = doc.lines.size();
  for (size_t i = doc.lines.size(); i-- > 0;) {
    if (starts_with(doc.lines[i].norm, "record of main findings")) {
      table = i;
      break;
    }
  }
  if (table == doc.lines.size()) return Error{"looked after children report without a record of main findings"};
  const JudgementTable findings =
      read_judgement_table(doc, {table + 1, std::min(doc.lines.size(), table + 60), false}, classify_main_findings_label);
  record.judgements = take_table(findings, options.read_table_rows, record);
  // Without dates, a document with no judgement read is no report we can
  // keep; one with judgements is kept and flagged (domain/completeness.h).
  if (undated && record.judgements.empty()) return *undated;
  return record;
}

}  // namespace cscwatch::parse
