#include "parse/report_header.h"

#include <cctype>
#include <vector>

#include "parse/text_normalise.h"
#include "parse/title_block.h"

namespace cscwatch::parse {

namespace {

// The text after a label such as "Inspection dates:" on line i (label given in
// normalised words); `label_len` bytes of the line are the label.
std::string after_label(const DocLine& line, size_t label_len) {
  std::string_view rest = std::string_view(line.text).substr(std::min(label_len, line.text.size()));
  rest = trim(rest);
  while (!rest.empty() && (rest.front() == ':' || rest.front() == '-' || rest.front() == ' ')) rest.remove_prefix(1);
  return std::string(trim(rest));
}

// Labels that end a header phrase continued over lines.
bool is_header_label(std::string_view norm) {
  for (std::string_view label : {"report published", "published", "lead inspector", "reporting inspector",
                                 "age group", "judgement", "children's services in", "the overall judgement"})
    if (starts_with(norm, label)) return true;
  return false;
}

// The line's text from `label_len` plus up to `extra` following lines of the
// same page that are not another header label.
std::string phrase_from(const DocumentLines& doc, size_t i, size_t label_len, int extra) {
  std::string phrase = after_label(doc.lines[i], label_len);
  for (int k = 1; k <= extra && i + k < doc.lines.size(); ++k) {
    const DocLine& next = doc.lines[i + k];
    if (next.page != doc.lines[i].page || is_header_label(next.norm)) break;
    phrase += " " + next.text;
  }
  return phrase;
}

bool is_name_word(std::string_view word) {
  if (word.empty()) return false;
  unsigned char c = static_cast<unsigned char>(word[0]);
  return std::isupper(c) || c >= 0x80;
}

}  // namespace

std::optional<SourcedRange> find_inspection_dates(const DocumentLines& doc, int last_page) {
  for (size_t i = 0; i < doc.end_of(last_page); ++i) {
    const DocLine& line = doc.lines[i];
    size_t label_len = 0;
    for (std::string_view label : {"inspection dates", "inspection date", "dates of inspection", "date of inspection"}) {
      if (starts_with(line.norm, label)) {
        label_len = label.size();
        break;
      }
    }
    if (label_len == 0) continue;
    std::string phrase = phrase_from(doc, i, label_len, 3);
    if (auto printed = read_date_phrase(phrase))
      return SourcedRange{printed->range, line.page, printed->single_day, printed->split};
  }
  return std::nullopt;
}

std::optional<Sourced<Date>> find_published(const DocumentLines& doc, int last_page) {
  for (size_t i = 0; i < doc.end_of(last_page); ++i) {
    const DocLine& line = doc.lines[i];
    size_t label_len = 0;
    for (std::string_view label : {"report published", "published", "date of publication", "publication date"}) {
      if (starts_with(line.norm, label)) {
        label_len = label.size();
        break;
      }
    }
    if (label_len == 0) continue;
    std::string phrase = phrase_from(doc, i, label_len, 1);
    if (auto date = parse_single_date(phrase)) return Sourced<Date>{*date, line.page};
  }
  return std::nullopt;
}

std::string clean_inspector_names(std::string_view value) {
  std::string text = clean_text(value);
  // The on-site lead is the lead; the report author is not.
  const std::string norm = normalise(text);
  for (std::string_view cut : {"; report author", " report author", ";report author"}) {
    if (size_t at = norm.find(cut); at != std::string::npos) {
      text.resize(at);
      break;
    }
  }
  // Split into candidate pieces on ',', ';' and the word "and".
  std::vector<std::string> pieces;
  std::string current;
  auto flush = [&] {
    std::string_view t = trim(current);
    if (!t.empty()) pieces.emplace_back(t);
    current.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ',' || c == ';' || c == '(' || c == ')') {
      flush();
      continue;
    }
    if (c == ' ' && text.compare(i, 5, " and ") == 0) {
      flush();
      i += 4;
      continue;
    }
    current.push_back(c);
  }
  flush();
  std::vector<std::string> names;
  for (std::string& piece : pieces) {
    // Drop title words anywhere in the piece.
    std::string n = normalise(piece);
    for (std::string_view title : {"her majesty's inspector", "his majesty's inspector", "her majesty's inspectors",
                                   "social care regulatory inspector", "senior hmi", "hmi"}) {
      size_t at = n.find(title);
      if (at != std::string::npos) {
        piece.erase(at, title.size());
        n.erase(at, title.size());
      }
    }
    std::string_view t = trim(piece);
    while (!t.empty() && (t.back() == '.' || t.back() == ':' || t.back() == '-')) t = trim(t.substr(0, t.size() - 1));
    if (t.empty()) continue;
    // A name is two to five capitalised words.
    int words = 0;
    bool ok = true;
    size_t pos = 0;
    while (pos < t.size()) {
      size_t sp = t.find(' ', pos);
      if (sp == std::string_view::npos) sp = t.size();
      std::string_view w = t.substr(pos, sp - pos);
      if (!w.empty()) {
        ++words;
        if (!is_name_word(w)) ok = false;
      }
      pos = sp + 1;
    }
    if (ok && words >= 2 && words <= 5) names.emplace_back(t);
  }
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += "; ";
    out += n;
  }
  return out;
}

std::optional<Sourced<std::string>> find_lead_inspector(const DocumentLines& doc, int first_page, int last_page) {
  for (size_t i = doc.begin_of(first_page); i < doc.end_of(last_page); ++i) {
    const DocLine& line = doc.lines[i];
    size_t label_len = 0;
    for (std::string_view label : {"lead inspector on site", "lead inspectors", "lead inspector", "reporting inspector"}) {
      if (starts_with(line.norm, label)) {
        label_len = label.size();
        break;
      }
    }
    if (label_len == 0) continue;
    std::string value = after_label(line, label_len);
    // Name on a following line (team-list tables), or a list that wraps.
    size_t k = i + 1;
    auto wraps = [](std::string_view v) {
      std::string n = normalise(v);
      return n.empty() || n.back() == ',' || (n.size() >= 4 && n.compare(n.size() - 4, 4, " and") == 0);
    };
    while (wraps(value) && k < doc.lines.size() && k <= i + 3 && doc.lines[k].page == line.page) {
      const std::string& next_norm = doc.lines[k].norm;
      if (starts_with(next_norm, "deputy") || starts_with(next_norm, "team inspector") ||
          starts_with(next_norm, "judgement"))
        break;
      value += " " + doc.lines[k].text;
      ++k;
    }
    // "Lead inspector: Jan Edwards" / "Her Majesty's Inspector" on the next line needs nothing more.
    std::string names = clean_inspector_names(value);
    if (!names.empty()) return Sourced<std::string>{names, line.page};
  }
  return std::nullopt;
}

std::optional<Error> read_title_facts(const DocumentLines& doc, std::string_view what, const ParseOptions& options,
                                      InspectionRecord& record) {
  if (options.read_title_block)
    if (auto name = find_authority(doc)) record.authority_printed = *name;
  auto dates = find_inspection_dates(doc, 2);
  if (!dates) {
    // A report with judgements but no readable dates is still a report: the
    // caller keeps it (flagged by the completeness rules) or, with nothing
    // read at all, refuses it with this message.
    if (auto published = find_published(doc, 2)) {
      record.published = *published;
      record.published_source = "report";
    }
    return Error{std::string(what) + " without inspection dates"};
  }
  record.start = Sourced<Date>{dates->range.start, dates->page};
  record.end = Sourced<Date>{dates->range.end, dates->page};
  record.evidence.single_date_printed = dates->single_day;
  record.evidence.split_fieldwork = dates->split;
  if (auto published = find_published(doc, 2)) {
    record.published = *published;
    record.published_source = "report";
  }
  return std::nullopt;
}

}  // namespace cscwatch::parse
