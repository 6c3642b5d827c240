// Focused visit, monitoring visit and joint targeted area inspection letters.
// No grades: the authority, the visit dates and the inspector who signs.
//   "This letter summarises the findings of the monitoring visit to X
//    children's services on 7 and 8 June 2022."
#include <cctype>
#include <string>

#include "parse/classifier.h"
#include "parse/date_phrases.h"
#include "parse/judgement_table.h"
#include "parse/report_header.h"
#include "parse/report_parsers.h"
#include "parse/text_normalise.h"

namespace cscwatch::parse {

namespace {

// Words that introduce the visit's dates in the opening sentence.
std::optional<DatePhrase> first_date_phrase(std::string_view text) {
  // Try each position where a day number starts a phrase; bounded by the text cap.
  for (size_t i = 0; i < text.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) continue;
    if (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1]))) continue;
    if (auto phrase = read_date_phrase(text.substr(i, 120))) return phrase;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  }
  return std::nullopt;
}

// The signatory: a name on the line before "Her/His Majesty's Inspector"
// (searched from the end, where letters sign off).
std::optional<Sourced<std::string>> signing_inspector(const DocumentLines& doc) {
  for (size_t i = doc.lines.size(); i-- > 1;) {
    const std::string& n = doc.lines[i].norm;
    if (n == "her majesty's inspector" || n == "his majesty's inspector" || n == "senior her majesty's inspector" ||
        n == "senior his majesty's inspector" || n == "hmi") {
      std::string name = clean_inspector_names(doc.lines[i - 1].text);
      if (!name.empty()) return Sourced<std::string>{name, doc.lines[i - 1].page};
    }
  }
  return std::nullopt;
}

}  // namespace

Result<InspectionRecord> parse_visit_letter(const DocumentLines& doc, DocumentKind kind, const ParseOptions& options) {
  InspectionRecord record;
  record.kind = kind;
  record.framework = Framework::Ilacs;
  record.type = kind == DocumentKind::FocusedVisitLetter      ? InspectionType::FocusedVisit
                : kind == DocumentKind::MonitoringVisitLetter ? InspectionType::MonitoringVisit
                                                              : InspectionType::Joint;
  const std::string front = front_text(doc, 2, 8000);
  // The opening sentence: "... visit to X children's services on D Month YYYY".
  size_t visit = std::string::npos;
  for (std::string_view key : {"monitoring visit to ", "focused visit to ", "visit to ", "inspection of "}) {
    visit = front.find(key);
    if (visit != std::string::npos) {
      visit += key.size();
      break;
    }
  }
  if (visit != std::string::npos) {
    std::string_view rest = std::string_view(front).substr(visit, 300);
    size_t name_end = rest.find(" children's services");
    if (name_end == std::string_view::npos) name_end = rest.find(" local authority");
    if (name_end != std::string_view::npos && name_end > 0 && name_end < 120) {
      // Recover the printed case from the lines: search the same words case-insensitively.
      const std::string needle(rest.substr(0, name_end));
      for (size_t i = 0; i < doc.end_of(2); ++i) {
        size_t at = doc.lines[i].norm.find(needle);
        if (at != std::string::npos) {
          record.authority_printed = Sourced<std::string>{doc.lines[i].text.substr(at, needle.size()), doc.lines[i].page};
          break;
        }
      }
      if (record.authority_printed.value.empty()) record.authority_printed = Sourced<std::string>{needle, 1};
    }
    if (auto phrase = first_date_phrase(rest)) {
      record.start = Sourced<Date>{phrase->range.start, 1};
      record.end = Sourced<Date>{phrase->range.end, 1};
      record.evidence.single_date_printed = phrase->single_day;
      record.evidence.split_fieldwork = phrase->split;
    }
  }
  if (!options.read_title_block) record.authority_printed = {};
  if (!record.start) {
    if (auto dates = find_inspection_dates(doc, 2)) {
      record.start = Sourced<Date>{dates->range.start, dates->page};
      record.end = Sourced<Date>{dates->range.end, dates->page};
      record.evidence.single_date_printed = dates->single_day;
      record.evidence.split_fieldwork = dates->split;
    }
  }
  if (!record.start) return Error{std::string(to_string(kind)) + " without visit dates"};
  if (record.start->value < Date{std::chrono::year{2018}, std::chrono::January, std::chrono::day{1}})
    record.framework = Framework::Sif;
  if (options.read_lead_inspector) {
    record.lead_inspector = find_lead_inspector(doc, 1, 2);
    if (!record.lead_inspector) record.lead_inspector = signing_inspector(doc);
  }
  // Letters print no judgement table; grade cells on their first pages mean a
  // graded report was misread as a letter, which completeness flags.
  const JudgementTable front_table = read_judgement_table(doc, {0, doc.end_of(2), false}, classify_report_label);
  record.evidence.table_grade_cells = front_table.grade_cells;
  record.evidence.table_page = front_table.page;
  return record;
}

}  // namespace cscwatch::parse
