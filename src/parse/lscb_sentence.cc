#include "parse/lscb_sentence.h"

#include <string>

#include "parse/grade_phrases.h"
#include "parse/text_normalise.h"

namespace cscwatch::parse {

std::optional<Judgement> read_lscb_sentence(const DocumentLines& doc) {
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const DocLine& line = doc.lines[i];
    std::string_view head;
    for (std::string_view h : {"the effectiveness of the local safeguarding children board",
                               "the local safeguarding children board", "the effectiveness of the lscb",
                               "the lscb",
                               // Somerset 2015 prints "The Local Safeguarding Children is inadequate".
                               "the local safeguarding children"}) {
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

}  // namespace cscwatch::parse
