#include "parse/improvement_points.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "parse/date_phrases.h"
#include "parse/text_normalise.h"

namespace cscwatch::parse {

namespace {

constexpr size_t kMaxPoints = 60;
constexpr size_t kMaxSectionLines = 400;
constexpr std::string_view kField = "improvement_points";

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}
bool is_upper(char c) {
  return std::isupper(static_cast<unsigned char>(c)) != 0;
}
bool is_lower(char c) {
  return std::islower(static_cast<unsigned char>(c)) != 0;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

void add_doubt(std::vector<ReviewItem>& doubts, std::string reason, int page) {
  add_review_item(doubts, {std::string(kField), std::move(reason), page});
}

// ---------------------------------------------------------------------------
// How a line opens: the marker that starts an item or a sub-item.

enum class Marker { None, Bullet, Number, Dash, Letter };

struct Opening {
  Marker marker = Marker::None;
  std::string number;     // Number only: "12", "2.1"
  std::string_view rest;  // text after the marker; empty when the marker stands alone on its line
};

// "12." / "12. Text" / "2.1 Text" / "2.1. Text". A bare integer needs its full
// stop, so a wrapped line such as "20 of the Children Act 1989" stays text,
// and so does "14.1%" or a year ("1989.").
std::optional<Opening> numbered(std::string_view text) {
  size_t end = 0;
  while (end < text.size() && end < 4 && is_digit(text[end])) ++end;
  if (end == 0 || end > 3) return std::nullopt;
  bool decimal = false;
  if (end + 1 < text.size() && text[end] == '.' && is_digit(text[end + 1])) {
    size_t e = end + 1;
    while (e < text.size() && e < end + 3 && is_digit(text[e])) ++e;
    end = e;
    decimal = true;
  }
  size_t after = end;
  if (after < text.size() && text[after] == '.') {
    ++after;
  } else if (!decimal) {
    return std::nullopt;
  }
  if (after < text.size() && text[after] != ' ') return std::nullopt;
  return Opening{Marker::Number, std::string(text.substr(0, end)), trim(text.substr(after))};
}

// "(a) text", "a) text", "(iv) text": lettered sub-items.
std::optional<Opening> lettered(std::string_view text) {
  const size_t from = !text.empty() && text[0] == '(' ? 1 : 0;
  size_t to = from;
  while (to < text.size() && to < from + 4 && is_lower(text[to])) ++to;
  if (to == from || to >= text.size() || text[to] != ')') return std::nullopt;
  // More than one letter only as a roman numeral.
  if (to - from > 1 && text.substr(from, to - from).find_first_not_of("ivx") != std::string_view::npos)
    return std::nullopt;
  if (to + 1 < text.size() && text[to + 1] != ' ') return std::nullopt;
  return Opening{Marker::Letter, "", trim(text.substr(to + 1))};
}

// A dash printed on a line of its own, its text on the next line: "-", or a
// glyph the text layer keeps as is (Cornwall 2019 prints U+0336, a combining
// long stroke). No letter, digit or other ASCII punctuation.
bool is_lone_dash(std::string_view text) {
  if (text.empty() || text.size() > 4) return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == '-' || c == '*' || static_cast<unsigned char>(c) >= 0x80; });
}

Opening opening_of(const DocLine& line) {
  if (line.bullet) return {Marker::Bullet, "", line.text};
  if (auto n = numbered(line.text)) return *n;
  if (auto l = lettered(line.text)) return *l;
  // Dash glyphs are normalised to '-' by clean_text.
  if (starts_with(line.text, "- ") || starts_with(line.text, "* "))
    return {Marker::Dash, "", trim(std::string_view(line.text).substr(2))};
  if (is_lone_dash(line.text)) return {Marker::Dash, "", {}};
  return {};
}

// ---------------------------------------------------------------------------
// What ends or divides a list.

// Page numbers, and running headers at the top or foot of a page (elsewhere
// the same words are text).
bool is_page_furniture(const DocumentLines& doc, size_t k) {
  const DocLine& line = doc.lines[k];
  if (is_page_number(line)) return true;
  if (!is_running_header(line)) return false;
  return k < doc.begin_of(line.page) + 4 || k + 4 >= doc.end_of(line.page);
}

// A footnote at the foot of a page ("2 Looked after children in Rochdale are
// known locally as cared for children, …", Rochdale 2014): a line opening with
// its number and a capital, among the last lines of the page. It and the rest
// of the page are not part of an item running on to the next page.
bool starts_footnote(const DocumentLines& doc, size_t k) {
  const DocLine& line = doc.lines[k];
  if (k + 4 < doc.end_of(line.page)) return false;
  const std::string& t = line.text;
  size_t d = 0;
  while (d < t.size() && d < 3 && is_digit(t[d])) ++d;
  return d > 0 && d < 3 && d + 1 < t.size() && t[d] == ' ' && is_upper(t[d + 1]);
}

// A judgement section title printed straight after the list: "The experiences
// and progress of children who need help and protection: good" (with or
// without "The", wrapped or not), "The impact of leaders on …", "Overall
// effectiveness", or any short line ending in a grade. Titles start with a
// capital; a bullet is never one (Slough 2023 has a bullet "The impact of
// leaders and managers, including …").
bool is_judgement_heading(const DocLine& line) {
  if (line.text.empty() || !is_upper(line.text[0])) return false;
  for (std::string_view title :
       {"the experiences and progress of", "experiences and progress of", "the impact of leaders", "impact of leaders",
        "overall effectiveness", "the effectiveness of leaders"})
    if (starts_with(line.norm, title)) return true;
  if (line.norm.size() > 160) return false;
  for (std::string_view grade :
       {": good", ": outstanding", ": inadequate", ": requires improvement", ": requires improvement to be good"})
    if (ends_with(line.norm, grade)) return true;
  return false;
}

// Headings that follow the local authority's recommendations in a SIF report.
bool closes_recommendations(const DocLine& line) {
  if (line.text.empty() || !is_upper(line.text[0]) || line.norm.size() > 100) return false;
  if (line.norm == "contents" || line.norm == "section 2" || starts_with(line.norm, "section 2:")) return true;
  for (std::string_view head :
       {"summary for children", "the local authority's strengths", "the local authority has the following strengths",
        "progress since the last", "information about this", "summary of findings", "summary of key findings",
        "the local safeguarding children board", "executive summary", "inspection findings",
        "what the inspection judgements mean", "the effectiveness of the local safeguarding",
        "review of the effectiveness", "inspection judgements about"})
    if (starts_with(line.norm, head)) return true;
  return is_judgement_heading(line);
}

// The 2014-15 SIF sub-section headings.
std::optional<ImprovementSection> sub_section_heading(std::string_view norm) {
  if (norm.size() > 40) return std::nullopt;
  if (starts_with(norm, "priority and immediate action") || starts_with(norm, "immediate action"))
    return ImprovementSection::PriorityAction;
  if (starts_with(norm, "areas for improvement")) return ImprovementSection::AreaForImprovement;
  return std::nullopt;
}

// A sub-section heading printed on the same line as the end of an item
// ("…and care. Areas for improvement"): cut from `text`, and which it is.
std::optional<ImprovementSection> cut_glued_sub_section(std::string_view& text) {
  for (auto [head, section] :
       {std::pair{std::string_view(". Areas for improvement"), ImprovementSection::AreaForImprovement},
        std::pair{std::string_view(". Priority and immediate action"), ImprovementSection::PriorityAction}}) {
    if (ends_with(text, head) || ends_with(text, std::string(head) + ":")) {
      text = text.substr(0, text.rfind(head) + 1);
      return section;
    }
  }
  return std::nullopt;
}

bool ends_sentence(std::string_view text) {
  text = trim(text);
  return !text.empty() && (text.back() == '.' || text.back() == ';' || text.back() == ':');
}

// The item text without a trailing cross-reference: "… by: (paragraph 150)".
std::string_view without_reference(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.back() == ')') {
    const size_t open = text.rfind('(');
    if (open != std::string_view::npos) {
      const std::string_view inside = text.substr(open + 1);
      if (starts_with(inside, "paragraph") || starts_with(inside, "Paragraph") || starts_with(inside, "page") ||
          starts_with(inside, "Page"))
        return trim(text.substr(0, open));
    }
  }
  return text;
}

// An item that ends ':' ("…including:", "…by:", "…to demonstrate:") is
// followed by its sub-items.
bool introduces_sub_items(std::string_view text) {
  text = without_reference(text);
  return !text.empty() && text.back() == ':';
}

// The shape of a topic heading inside a SIF list ("Workforce", "Quality of
// practice", "Children who go missing or who are at risk of child sexual
// exploitation"): short, capitalised, no closing punctuation or paragraph
// reference (an item's last line may end "(paragraph 150)"). Whether it is
// one also depends on what follows (see read_list).
bool looks_like_topic_heading(const DocLine& line) {
  return !line.text.empty() && line.text.size() <= 90 && is_upper(line.text[0]) && !ends_sentence(line.text) &&
         line.text.back() != ',' && without_reference(line.text) == trim(line.text);
}

// ---------------------------------------------------------------------------
// Building a point.

void append(std::string& to, std::string_view piece) {
  piece = trim(piece);
  if (piece.empty()) return;
  // A word hyphenated at a line end is a compound the report prints with its
  // hyphen ("long-term"); "16- and 17-year-olds" keeps its space.
  if (!to.empty() && (to.back() != '-' || starts_with(piece, "and ") || starts_with(piece, "or "))) to.push_back(' ');
  to.append(piece);
}

// Sub-items are folded into their item as one sentence: "…including:
// sufficiency of accommodation; assessment and support …". A sub-item
// printed without closing punctuation gets a ';' before the next one.
void append_sub_item(std::string& to, std::string_view piece) {
  if (!to.empty() && !introduces_sub_items(to)) {
    if (to.back() == '.') {
      to.back() = ';';
    } else if (to.back() != ';' && to.back() != ',' && !ends_with(to, " and") && !ends_with(to, " or")) {
      to.push_back(';');
    }
  }
  append(to, piece);
}

// Printed numbers run on by one ("12", "13"), in their last part for "2.1".
bool follows(const std::string& previous, const std::string& current) {
  auto last_part = [](const std::string& n) {
    const size_t dot = n.rfind('.');
    return std::stoi(n.substr(dot == std::string::npos ? 0 : dot + 1));
  };
  return last_part(current) == last_part(previous) + 1;
}

// A statement that a sub-section is empty is not a point, numbered or not:
// "16. There are no areas of priority action." (Herefordshire 2014), "33. The
// inspection did not find any areas for priority and immediate action."
// (Hounslow 2014).
bool states_no_points(std::string_view text) {
  return starts_with(text, "There are no ") || starts_with(text, "There were no ") ||
         starts_with(text, "The inspection did not find any ");
}

// ---------------------------------------------------------------------------
// The list.

enum class Style { Ilacs, Sif };

enum class Fold { Item, SubItem, Unsure };

// Whether a marked line starts a new item or a sub-item of the open one.
// Dash and lettered markers are sub-items after an item ending ':'; so is a
// bullet in a numbered list. A bullet in a bulleted list is one only if it
// starts in lower case, as a sub-item does: a capitalised one straight after
// the ':' is a new item or a sub-item with the same glyph, which the text does
// not tell.
Fold fold_of(const Opening& opening, Marker item_marker, bool in_sub_list, std::string_view open_text) {
  if (opening.marker == Marker::Number) return Fold::Item;
  // An item whose sentence is unfinished ("...; this to include", Leicester
  // 2015) continued by a lower-case line marked unlike the items is its list too.
  const bool unfinished_then_other_marker = item_marker != Marker::None && opening.marker != item_marker &&
                                            !ends_sentence(open_text) && !opening.rest.empty() &&
                                            is_lower(opening.rest[0]);
  const bool expected = in_sub_list || introduces_sub_items(open_text) || unfinished_then_other_marker;
  if (!expected) return Fold::Item;
  if (opening.marker != item_marker || item_marker == Marker::None) return Fold::SubItem;
  if (opening.rest.empty() || is_lower(opening.rest[0])) return Fold::SubItem;
  // After lower-case sub-items a capitalised bullet is the next item.
  return in_sub_list ? Fold::Item : Fold::Unsure;
}

// The next line that is not page furniture, or end.
size_t next_text_line(const DocumentLines& doc, size_t k, size_t end) {
  while (k < end && is_page_furniture(doc, k)) ++k;
  return k;
}

// A SIF topic heading between items ("Workforce", "Quality of practice"):
// the shape of one, after a finished item, and followed by an item or another
// heading. A capitalised line after a finished item that is followed by text
// is the item's next sentence or paragraph (Croydon 2017, item 21).
bool is_topic_heading(const DocumentLines& doc, size_t k, size_t end, bool after_finished_item) {
  if (!after_finished_item || !looks_like_topic_heading(doc.lines[k])) return false;
  const size_t next = next_text_line(doc, k + 1, end);
  if (next >= end) return true;
  const DocLine& line = doc.lines[next];
  return opening_of(line).marker != Marker::None || sub_section_heading(line.norm) || closes_recommendations(line) ||
         looks_like_topic_heading(line);
}

// A SIF number that does not continue the list's numbering, on a line after
// an unfinished item, is the item's text wrapped before a number.
bool is_number_in_text(const Opening& opening, const std::vector<ImprovementPoint>& points, bool open) {
  if (!open) return false;
  const std::string& previous = points.back().number;
  return !previous.empty() && !follows(previous, opening.number) && !ends_sentence(points.back().text);
}

// Slough 2016 numbers its topics ("1." / "Quality and effectiveness of
// practice") and bullets the recommendations under them: a numbered line that
// reads as a heading and is followed by a bullet is not a point. Returns the
// heading's last line.
std::optional<size_t> numbered_topic_heading(const DocumentLines& doc, size_t k, size_t end, const Opening& opening) {
  size_t last = k;
  if (opening.rest.empty()) {
    last = next_text_line(doc, k + 1, end);
    if (last >= end || !looks_like_topic_heading(doc.lines[last])) return std::nullopt;
  } else if (opening.rest.size() > 90 || !is_upper(opening.rest[0]) || ends_sentence(opening.rest) ||
             without_reference(opening.rest) != opening.rest || introduces_sub_items(opening.rest)) {
    return std::nullopt;  // an item of its own, or one whose sub-items follow
  }
  // The recommendations under a topic are sentences of their own; a
  // lower-case bullet continues the numbered line's sentence ("1." / "Put into
  // place ...; this to include" / "comprehensive ...", Leicester 2015).
  const size_t next = next_text_line(doc, last + 1, end);
  if (next >= end || !doc.lines[next].bullet) return std::nullopt;
  if (const std::string& t = doc.lines[next].text; !t.empty() && is_lower(t[0])) return std::nullopt;
  return last;
}

struct List {
  std::vector<ImprovementPoint> points;
  int prose_page = 0;  // page of the first text under the heading that belongs to no item
};

// Reads the list whose first line may be at `from`, a line at a time. `section`
// is the SIF sub-section the list starts in.
class ListReader {
 public:
  ListReader(const DocumentLines& doc, size_t from, Style style, ImprovementSection section,
             std::vector<ReviewItem>& doubts)
      : doc_(doc),
        from_(from),
        end_(std::min(doc.lines.size(), from + kMaxSectionLines)),
        style_(style),
        section_(section),
        doubts_(doubts) {}

  List read() && {
    for (k_ = from_; k_ < end_; ++k_) {
      const DocLine& line = doc_.lines[k_];
      if (is_page_furniture(doc_, k_)) continue;
      if (starts_footnote(doc_, k_)) {
        k_ = doc_.end_of(line.page) - 1;
        continue;
      }
      const Opening opening = opening_of(line);
      const bool more = opening.marker == Marker::None ? read_unmarked(line) : read_marked(line, opening);
      if (!more) break;
    }
    std::erase_if(list_.points, [](const ImprovementPoint& p) { return states_no_points(p.text); });
    return std::move(list_);
  }

 private:
  ImprovementPoint& last_point() { return list_.points.back(); }

  // No item is open: the next text belongs to none until an item starts.
  void close_item() { open_ = in_sub_list_ = sub_pending_ = false; }

  // A SIF sub-section starts: its items may be marked afresh.
  void start_sub_section(ImprovementSection section) {
    section_ = section;
    item_marker_ = Marker::None;
    close_item();
  }

  // A line with no marker: a heading that ends or divides the list, text
  // outside any item, or the open item's next line. False when the list ends.
  bool read_unmarked(const DocLine& line) {
    if (style_ == Style::Ilacs ? is_judgement_heading(line) : closes_recommendations(line)) return false;
    if (style_ == Style::Sif) {
      if (auto sub = sub_section_heading(line.norm)) {
        start_sub_section(*sub);
        return true;
      }
      if (is_topic_heading(doc_, k_, end_, !open_ || ends_sentence(last_point().text))) {
        close_item();
        return true;
      }
    }
    // Text outside any item: an introduction, a statement that there is
    // nothing to improve, or prose in place of a list.
    if (!open_) {
      if (list_.prose_page == 0) list_.prose_page = line.page;
      return true;
    }
    std::string_view text = line.text;
    const auto glued = style_ == Style::Sif ? cut_glued_sub_section(text) : std::nullopt;
    if (sub_pending_) {
      append_sub_item(last_point().text, text);
      sub_pending_ = false;
    } else {
      append(last_point().text, text);
    }
    if (glued) start_sub_section(*glued);
    return true;
  }

  // A marked line: a number that is text or a topic heading, a sub-item of
  // the open item, or a new item. False when the list ends.
  bool read_marked(const DocLine& line, const Opening& opening) {
    if (opening.marker == Marker::Number && style_ == Style::Ilacs) {
      // ILACS items are bullets: paragraph 1 opens the first judgement
      // section; any other number is an item's text ("…when they reach the
      // age of" / "17.", Worcestershire 2019).
      if (opening.number == "1") return false;
      if (open_) append(last_point().text, line.text);
      return true;
    }
    if (opening.marker == Marker::Number) {
      if (is_number_in_text(opening, list_.points, open_)) {
        append(last_point().text, line.text);
        return true;
      }
      if (auto last = numbered_topic_heading(doc_, k_, end_, opening)) {
        k_ = *last;
        close_item();
        return true;
      }
    }
    if (open_ && read_sub_item(line, opening)) return true;
    return start_item(line, opening);
  }

  // Folds the line into the open item if it is a sub-item of it.
  bool read_sub_item(const DocLine& line, const Opening& opening) {
    const Fold fold = fold_of(opening, item_marker_, in_sub_list_, last_point().text);
    if (fold == Fold::Unsure)
      add_doubt(doubts_, "a capitalised bullet after an item ending ':' may be a sub-item or a new point", line.page);
    if (fold != Fold::SubItem) return false;
    in_sub_list_ = true;
    if (opening.rest.empty()) {
      sub_pending_ = true;
    } else {
      append_sub_item(last_point().text, opening.rest);
    }
    return true;
  }

  // A new point, with doubts where its marker or number does not fit the
  // list. False (the list ends) past kMaxPoints.
  bool start_item(const DocLine& line, const Opening& opening) {
    auto& points = list_.points;
    if (item_marker_ == Marker::None) item_marker_ = opening.marker;
    if (opening.marker != item_marker_)
      add_doubt(doubts_, "an item marked unlike the rest of its list (a stray sub-item?)", line.page);
    if (opening.marker == Marker::Number && !points.empty() && !points.back().number.empty() &&
        points.back().section == section_ && !follows(points.back().number, opening.number))
      add_doubt(doubts_, "item " + opening.number + " does not follow item " + points.back().number, line.page);
    if (points.size() >= kMaxPoints) {
      add_doubt(doubts_, "more than " + std::to_string(kMaxPoints) + " points: the end of the list was not found",
                line.page);
      return false;
    }
    std::string_view text = opening.rest;
    const auto glued = style_ == Style::Sif ? cut_glued_sub_section(text) : std::nullopt;
    points.push_back({std::string(text), line.page, opening.number, section_});
    open_ = true;
    in_sub_list_ = sub_pending_ = false;
    if (glued) start_sub_section(*glued);
    return true;
  }

  const DocumentLines& doc_;
  const size_t from_, end_;
  const Style style_;
  ImprovementSection section_;
  std::vector<ReviewItem>& doubts_;
  List list_;
  size_t k_ = 0;                       // the line being read
  Marker item_marker_ = Marker::None;  // how this list (or SIF sub-section) marks its items
  bool open_ = false;                  // the last point may continue on the next line
  bool in_sub_list_ = false;           // the last point's sub-items are being read
  bool sub_pending_ = false;           // a sub-item's marker stood alone: its text is on the next line
};

List read_list(const DocumentLines& doc, size_t from, Style style, ImprovementSection section,
               std::vector<ReviewItem>& doubts) {
  return ListReader(doc, from, style, section, doubts).read();
}

// SIF headings that open the local authority's list, and the sub-section the
// list starts in. Some early 2014 reports print only the sub-headings.
std::optional<ImprovementSection> recommendations_heading(std::string_view norm) {
  if (norm == "recommendations" || norm == "recommendations:" ||
      starts_with(norm, "what does the local authority need to improve"))
    return ImprovementSection::None;
  if (norm == "priority and immediate action") return ImprovementSection::PriorityAction;
  return std::nullopt;
}

}  // namespace

bool is_running_header(const DocLine& line) {
  if (is_page_number(line)) return true;
  if (starts_with(line.norm, "inspection of ") && line.norm.size() < 160 &&
      (contains(line.norm, "children's services") || contains(line.norm, "local safeguarding")))
    return true;
  if (parse_date_range(line.norm) && line.norm.size() < 60 && std::isdigit(static_cast<unsigned char>(line.norm[0])))
    return true;
  return false;
}

std::vector<ImprovementPoint> read_what_needs_to_improve(const DocumentLines& doc, std::vector<ReviewItem>& doubts) {
  for (size_t i = 0; i < doc.end_of(4); ++i) {
    if (!starts_with(doc.lines[i].norm, "what needs to improve")) continue;
    List list = read_list(doc, i + 1, Style::Ilacs, ImprovementSection::None, doubts);
    if (list.points.empty() && list.prose_page > 0) {
      // North Lincolnshire 2022 (outstanding) writes one paragraph there
      // instead of bullets: that paragraph, whole, is what the report asks.
      ImprovementPoint prose{"", list.prose_page, "", ImprovementSection::None};
      for (size_t k = i + 1; k < doc.lines.size() && k < i + 1 + kMaxSectionLines; ++k) {
        if (is_page_furniture(doc, k)) continue;
        if (is_judgement_heading(doc.lines[k])) break;
        append(prose.text, doc.lines[k].text);
      }
      if (ends_sentence(prose.text)) return {std::move(prose)};
    }
    if (list.points.empty())
      add_doubt(doubts, "\"What needs to improve?\" is printed but no point could be delimited under it",
                doc.lines[i].page);
    return std::move(list.points);
  }
  // No such heading (Thurrock 2024): nothing to read, nothing in doubt.
  return {};
}

std::vector<ImprovementPoint> read_recommendations(const DocumentLines& doc, std::vector<ReviewItem>& doubts) {
  int heading_page = 0;
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const auto section = recommendations_heading(doc.lines[i].norm);
    if (!section) continue;
    // The contents page lists the heading with a page number after it.
    if (i + 1 < doc.lines.size() && is_page_number(doc.lines[i + 1])) continue;
    if (heading_page == 0) heading_page = doc.lines[i].page;
    std::vector<ReviewItem> list_doubts;
    List list = read_list(doc, i + 1, Style::Sif, *section, list_doubts);
    // A heading with nothing under it (a contents entry printed without its
    // page number) is passed over: a later one holds the list.
    if (list.points.empty()) continue;
    for (auto& d : list_doubts) add_review_item(doubts, std::move(d));
    return std::move(list.points);
  }
  if (heading_page > 0)
    add_doubt(doubts, "the recommendations heading is printed but no numbered item was read under it", heading_page);
  return {};
}

}  // namespace cscwatch::parse
