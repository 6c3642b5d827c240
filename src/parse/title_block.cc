#include "parse/title_block.h"

#include <cctype>

#include "parse/text_normalise.h"

namespace cscwatch::parse {

namespace {

// Lines that start a report title (normalised).
bool is_title_start(std::string_view norm) {
  return starts_with(norm, "inspection of") || starts_with(norm, "re-inspection of");
}

// Title lines of the pre-name forms and the LAC form, which are not the name.
bool is_noise(const DocLine& line) {
  return is_page_number(line) || line.norm == "and" || starts_with(line.norm, "review of the effectiveness") ||
         line.norm == "board" || line.norm == "board1" || line.norm == "services";
}

std::string strip_trailing_footnote(std::string text) {
  while (!text.empty() && (std::isdigit(static_cast<unsigned char>(text.back())) || text.back() == ' '))
    text.pop_back();
  return text;
}

}  // namespace

std::optional<Sourced<std::string>> find_authority(const DocumentLines& doc) {
  const size_t end = doc.end_of(2);
  // Find the title line.
  size_t title = end;
  for (size_t i = 0; i < end && i < 80; ++i) {
    if (is_title_start(doc.lines[i].norm)) {
      title = i;
      break;
    }
  }
  if (title == end) return std::nullopt;
  const int page = doc.lines[title].page;

  // ILACS: the name is inside the title, which may wrap over several lines.
  // A running header ("Inspection of X children's services") can precede the
  // title on page 1, so the full "local authority children's services" form wins.
  std::optional<Sourced<std::string>> short_form;
  for (size_t t = title; t < end && t < title + 12; ++t) {
    if (!is_title_start(doc.lines[t].norm)) continue;
    size_t stop = t + 1;
    while (stop < end && stop < t + 4 && !is_title_start(doc.lines[stop].norm) &&
           !is_page_number(doc.lines[stop]) && !starts_with(doc.lines[stop].norm, "inspection date") &&
           !std::isdigit(static_cast<unsigned char>(doc.lines[stop].norm[0])))
      ++stop;
    const std::string joined = join_text(doc, t, stop);
    const std::string norm = normalise(joined);
    if (!starts_with(norm, "inspection of ")) continue;
    for (std::string_view tail_words : {" local authority children's services", " children's services"}) {
      const size_t tail = norm.find(tail_words);
      if (tail == std::string::npos || tail <= 14) continue;
      Sourced<std::string> name{std::string(trim(std::string_view(joined).substr(14, tail - 14))), doc.lines[t].page};
      // "Inspection of local authority children's services": the name is printed above.
      if (normalise(name.value) == "local authority") break;
      if (tail_words.size() > 20) return name;
      if (!short_form) short_form = name;
      break;
    }
  }
  if (short_form) return short_form;

  // The name on the lines just before the title, in the same block.
  size_t first = title;
  while (first > 0 && doc.lines[first - 1].page == page && !is_noise(doc.lines[first - 1]) &&
         doc.lines[first - 1].block == doc.lines[title - 1].block && title - first < 3)
    --first;
  if (first < title) {
    return Sourced<std::string>{strip_trailing_footnote(join_text(doc, first, title)), page};
  }

  // Pre-SIF LAC: title, then the name.
  size_t i = title + 1;
  while (i < end && (doc.lines[i].block == doc.lines[title].block || is_noise(doc.lines[i]))) ++i;
  if (i < end && !starts_with(doc.lines[i].norm, "inspection date"))
    return Sourced<std::string>{strip_trailing_footnote(doc.lines[i].text), doc.lines[i].page};
  return std::nullopt;
}

}  // namespace cscwatch::parse
