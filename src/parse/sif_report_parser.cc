// SIF reports (November 2013 - 2018): "Inspection of services for children in
// need of help and protection, children looked after and care leavers [and
// Review of the effectiveness of the LSCB]", and re-inspections.
#include <string>

#include "parse/classifier.h"
#include "parse/grade_phrases.h"
#include "parse/improvement_points.h"
#include "parse/judgement_table.h"
#include "parse/report_header.h"
#include "parse/report_parsers.h"
#include "parse/text_normalise.h"
#include "parse/title_block.h"

namespace cscwatch::parse {

namespace {

// The one-sentence headline on page 1 (or 2): "Children's services in X are
// inadequate" / "The overall judgement is [that children's services are] good".
// It gives the overall judgement.
bool read_headline(const DocumentLines& doc, InspectionRecord& record) {
  const size_t end = doc.end_of(2);
  for (size_t i = 0; i < end; ++i) {
    const DocLine& line = doc.lines[i];
    if (!starts_with(line.norm, "children's services in") && !starts_with(line.norm, "the overall judgement is"))
      continue;
    // The sentence runs to the end of its block (at most three lines), or a full stop.
    size_t stop = i + 1;
    while (stop < end && stop < i + 3 && doc.lines[stop].block == line.block) ++stop;
    std::string sentence = join_text(doc, i, stop);
    if (size_t dot = sentence.find('.'); dot != std::string::npos) sentence.resize(dot);
    while (!sentence.empty() && std::isdigit(static_cast<unsigned char>(sentence.back()))) sentence.pop_back();
    const std::string norm = normalise(sentence);
    // The grade follows the verb; search after the authority's name.
    size_t verb = std::string::npos;
    for (std::string_view v : {" are ", " is ", " require", " requires "}) {
      size_t at = norm.find(v, starts_with(norm, "children's services in") ? 22 : 0);
      if (at != std::string::npos && (verb == std::string::npos || at < verb)) verb = at;
    }
    if (verb == std::string::npos) continue;
    auto grade = grade_in_sentence(sentence, verb);
    if (!grade || !grade->grade) continue;
    record.headline = Sourced<std::string>{std::string(trim(sentence)), line.page};
    Judgement overall;
    overall.area = JudgementArea::Overall;
    overall.grade = grade->grade;
    overall.printed_label = "Overall judgement";
    overall.printed_grade = grade->printed;
    overall.page = line.page;
    add_judgement(record.judgements, std::move(overall));
    return true;
  }
  return false;
}

// "The Local Safeguarding Children Board is inadequate", "The effectiveness of
// the Local Safeguarding Children Board (LSCB) is / requires improvement",
// "The Local Safeguarding Children Board requires improvement" (Hull's appended
// pilot review). The grade must end the sentence, so body text never matches.
std::optional<Judgement> read_lscb(const DocumentLines& doc) {
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const DocLine& line = doc.lines[i];
    std::string_view head;
    for (std::string_view h : {"the effectiveness of the local safeguarding children board",
                               "the local safeguarding children board", "the effectiveness of the lscb",
                               "the lscb"}) {
      if (starts_with(line.norm, h)) {
        head = h;
        break;
      }
    }
    if (head.empty()) continue;
    size_t stop = i + 1;
    while (stop < doc.lines.size() && stop < i + 3 && doc.lines[stop].block == line.block) ++stop;
    const std::string sentence = join_text(doc, i, stop);
    std::string norm = normalise(sentence);
    std::string_view rest = std::string_view(norm).substr(head.size());
    rest = trim(rest);
    if (starts_with(rest, "(lscb)")) rest = trim(rest.substr(6));
    if (starts_with(rest, "is ")) rest = trim(rest.substr(3));
    // The sentence ends here: cut at the full stop.
    if (size_t dot = rest.find('.'); dot != std::string_view::npos) rest = rest.substr(0, dot);
    auto cell = grade_cell(rest);
    if (!cell || !cell->grade) continue;
    Judgement j;
    j.area = JudgementArea::Lscb;
    j.grade = cell->grade;
    j.printed_label = "Local Safeguarding Children Board";
    // normalise() keeps byte offsets of clean text, so the printed words sit at the same offset.
    const size_t offset = static_cast<size_t>(rest.data() - norm.data());
    j.printed_grade = std::string(trim(std::string_view(sentence).substr(offset, rest.size())));
    j.page = line.page;
    return j;
  }
  return std::nullopt;
}

}  // namespace

Result<InspectionRecord> parse_sif_report(const DocumentLines& doc) {
  InspectionRecord record;
  record.kind = DocumentKind::SifReport;
  record.framework = Framework::Sif;
  const std::string front = front_text(doc, 2);
  record.type = contains(front, "re-inspection of services") ? InspectionType::ReInspection : InspectionType::Full;
  if (auto error = read_title_facts(doc, "SIF report", record)) return *error;
  record.lead_inspector = find_lead_inspector(doc, 1, doc.page_count);

  read_headline(doc, record);
  // The front table runs from the title to the executive summary.
  size_t table_end = doc.end_of(2);
  for (size_t i = 0; i < table_end; ++i) {
    if (starts_with(doc.lines[i].norm, "executive summary") || doc.lines[i].norm == "contents") {
      table_end = i;
      break;
    }
  }
  for (auto& j : read_judgement_table(doc, 0, table_end, classify_report_label)) {
    if (j.area == JudgementArea::Lscb) continue;  // read from its own sentence below
    add_judgement(record.judgements, std::move(j));
  }
  if (auto lscb = read_lscb(doc)) add_judgement(record.judgements, std::move(*lscb));
  record.improvement_points = read_recommendations(doc, record.doubts);
  if (!record.judgement(JudgementArea::Overall)) return Error{"SIF report without an overall judgement"};
  return record;
}

}  // namespace cscwatch::parse
