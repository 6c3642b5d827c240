// Stand-alone "Review of the effectiveness of the Local Safeguarding Children
// Board" (2015-2017): held apart from the council's SIF inspection when that
// inspection reviewed no board (Surrey: SIF published June 2015 without an
// LSCB judgement, the board reviewed 15-17 June 2015). Page 1 prints the
// board's name above the title, the review dates, the publication date and
// the judgement as a sentence; the team list names the lead inspector.
#include <string>

#include "parse/lscb_sentence.h"
#include "parse/report_header.h"
#include "parse/report_parsers.h"
#include "parse/text_normalise.h"

namespace cscwatch::parse {

namespace {

// The board as printed: the lines above the review's title on its page
// ("Surrey Safeguarding Children Board" / "Review of the effectiveness of ...").
std::optional<Sourced<std::string>> find_board_name(const DocumentLines& doc) {
  for (size_t i = 0; i < doc.end_of(2); ++i) {
    if (!starts_with(doc.lines[i].norm, "review of the effectiveness of the local safeguarding children"))
      continue;
    size_t first = i;
    while (first > doc.begin_of(doc.lines[i].page) && i - first < 3 && !is_page_number(doc.lines[first - 1]))
      --first;
    if (first == i) return std::nullopt;
    return Sourced<std::string>{std::string(trim(join_text(doc, first, i))), doc.lines[i].page};
  }
  return std::nullopt;
}

}  // namespace

Result<InspectionRecord> parse_lscb_review(const DocumentLines& doc, const ParseOptions& options) {
  InspectionRecord record;
  record.kind = DocumentKind::LscbReview;
  record.framework = framework_of(record.kind);
  record.type = InspectionType::BoardReview;
  if (options.read_title_block)
    if (auto name = find_board_name(doc)) record.authority_printed = *name;
  if (auto dates = find_inspection_dates(doc, 2)) {
    record.start = Sourced<Date>{dates->range.start, dates->page};
    record.end = Sourced<Date>{dates->range.end, dates->page};
    record.evidence.single_date_printed = dates->single_day;
  }
  if (auto published = find_published(doc, 2)) {
    record.published = *published;
    record.published_source = "report";
  }
  if (options.read_lead_inspector) record.lead_inspector = find_lead_inspector(doc, 1, doc.page_count);
  record.evidence.title_covers_lscb = true;
  if (options.read_lscb_sentence)
    if (auto lscb = read_lscb_sentence(doc)) record.judgements.push_back(std::move(*lscb));
  if (!record.start && record.judgements.empty())
    return Error{"review of a Local Safeguarding Children Board without review dates or a judgement"};
  return record;
}

}  // namespace cscwatch::parse
