#include "parse/title_block.h"

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
  {
    size_t stop = title;
    while (stop < end && stop < title + 5 && !starts_with(doc.lines[stop].norm, "inspection date")) ++stop;
    const std::string joined = join_text(doc, title, stop);
    const std::string norm = normalise(joined);
    const size_t tail = norm.find(" local authority children's services");
    if (starts_with(norm, "inspection of ") && tail != std::string::npos && tail > 14) {
      return Sourced<std::string>{std::string(trim(std::string_view(joined).substr(14, tail - 14))), page};
    }
  }

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
