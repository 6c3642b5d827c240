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

// Lines that follow a title and are never part of it.
bool ends_title(const DocLine& line) {
  for (std::string_view head : {"inspection date", "dates of inspection", "date of inspection", "report published",
                                "published", "lead inspector", "children's services in", "the overall judgement",
                                "judgement", "contents"})
    if (starts_with(line.norm, head)) return true;
  return is_page_number(line) || std::isdigit(static_cast<unsigned char>(line.norm[0]));
}

// Titles that name the framework rather than anyone: the name is printed
// above or below them.
bool names_no_one(std::string_view rest) {
  for (std::string_view generic : {"services for children", "children's social care services",
                                   "local authority children's", "looked after children services",
                                   "safeguarding and looked after", "the effectiveness of"})
    if (starts_with(rest, generic)) return true;
  return false;
}

// Strips a trailing footnote marker ("Trust1").
std::string strip_title_footnote(std::string text) {
  while (!text.empty() && (std::isdigit(static_cast<unsigned char>(text.back())) || text.back() == ' '))
    text.pop_back();
  return text;
}

}  // namespace

std::optional<TitleBlock> find_title_block(const DocumentLines& doc) {
  const size_t end = doc.end_of(2);
  for (size_t i = 0; i < end && i < 80; ++i) {
    if (!is_title_start(doc.lines[i].norm)) continue;
    TitleBlock title{i, i + 1, {}};
    while (title.end < end && title.end < i + 8 && !ends_title(doc.lines[title.end]) &&
           !is_title_start(doc.lines[title.end].norm))
      ++title.end;
    title.norm = join_norm(doc, title.first, title.end);
    return title;
  }
  return std::nullopt;
}

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
    bool named_by_tail = false;
    for (std::string_view tail_words : {" local authority children's services", " children's services"}) {
      const size_t tail = norm.find(tail_words);
      if (tail == std::string::npos || tail <= 14) continue;
      Sourced<std::string> name{std::string(trim(std::string_view(joined).substr(14, tail - 14))), doc.lines[t].page};
      // "Inspection of local authority children's services": the name is printed above.
      if (normalise(name.value) == "local authority") break;
      named_by_tail = true;
      if (tail_words.size() > 20) return name;
      // "Inspection of X children's services" names X only when the title ends there.
      const std::string_view after = trim(std::string_view(norm).substr(tail + tail_words.size()));
      if (after.empty() || std::isdigit(static_cast<unsigned char>(after[0]))) {
        if (!short_form) short_form = name;
      } else {
        named_by_tail = false;  // "... Children's Services Trust": the whole name below
      }
      break;
    }
    // A title naming the body that delivers the services, printed whole.
    const std::string_view rest = std::string_view(norm).substr(14);
    if (!short_form && !named_by_tail && !names_no_one(rest) && t == title) {
      size_t same_block = t + 1;
      while (same_block < stop && doc.lines[same_block].block == doc.lines[t].block) ++same_block;
      const std::string whole = join_text(doc, t, same_block);
      if (whole.size() > 14)
        short_form = Sourced<std::string>{strip_title_footnote(std::string(trim(whole.substr(14)))), doc.lines[t].page};
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
  // Never a header line: a report whose name is printed nowhere near its
  // title yields no name (completeness flags it) rather than its dates.
  if (i < end && !ends_title(doc.lines[i]))
    return Sourced<std::string>{strip_trailing_footnote(doc.lines[i].text), doc.lines[i].page};
  return std::nullopt;
}

}  // namespace cscwatch::parse
