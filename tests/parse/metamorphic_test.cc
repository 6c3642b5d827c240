// Metamorphic tests on real reports: each report's pages are perturbed the way
// reports nobody has seen differ from the corpus (a trust in the title, a
// label wrapped differently, an extra word in the authority's name, "Requires
// improvement to be good" over two lines, table rows in another order, a row
// label reworded to words the parser does not know, the name missing from the
// title block) and parsed again. For every judgement, date and inspector the
// parser must give the same fact as before, or check_completeness must flag
// that field: never a different value. Page::text and Page::lines are
// perturbed together (rows below), as the reader produces them.
// Needs the corpus.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "common/record_facts.h"
#include "corpus_support.h"
#include "domain/completeness.h"
#include "domain/date.h"
#include "domain/grade.h"
#include "parse/document_parser.h"
#include "parse/grade_phrases.h"
#include "parse/text_normalise.h"

namespace cscwatch {
namespace {

using parse::clean_text;
using parse::normalise;

// One line of a page's text with its box, or a block break (a blank line in
// Page::text), in reading order: Page::text and Page::lines rebuilt from rows
// always agree.
struct Row {
  bool brk = false;
  TextLine line;
  bool blank() const { return brk || clean_text(line.text).empty(); }
  std::string norm() const { return normalise(line.text); }
};
using PageRows = std::vector<Row>;

PageRows to_rows(const Page& page) {
  PageRows rows;
  size_t next_box = 0, pos = 0;
  const std::string& text = page.text;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    const std::string piece = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (next_box < page.lines.size() && page.lines[next_box].text == piece) {
      rows.push_back({false, page.lines[next_box++]});
    } else if (piece.empty()) {
      rows.push_back({true, {}});
    } else {
      rows.push_back({false, {70, 0, 500, 0, piece}});
    }
  }
  return rows;
}

std::vector<Page> to_pages(const std::vector<PageRows>& doc) {
  std::vector<Page> pages;
  for (size_t p = 0; p < doc.size(); ++p) {
    Page page;
    page.number = static_cast<int>(p) + 1;
    for (const Row& row : doc[p]) {
      if (!row.brk) {
        page.text += row.line.text;
        page.lines.push_back(row.line);
      }
      page.text += '\n';
    }
    pages.push_back(std::move(page));
  }
  return pages;
}

// A row with `text` in `from`'s box, cut to the vertical slice [part/of, (part+1)/of).
Row row_like(const Row& from, std::string text, int part = 0, int of = 1) {
  Row row = from;
  row.line.text = std::move(text);
  const float h = (from.line.y1 - from.line.y0) / static_cast<float>(of);
  row.line.y0 = from.line.y0 + h * static_cast<float>(part);
  row.line.y1 = row.line.y0 + h;
  return row;
}

// The facts compared, by review-item field name.
using testing::is_judgement_field;
using testing::record_facts;

// What a perturbation leaves the report saying about its authority.
struct Perturbed {
  std::vector<PageRows> doc;
  std::string authority;  // as now printed
};

// The front table's label rows: lines of the table page whose words are part
// of a judgement label the unperturbed parse read there.
bool is_label_row(const Row& row, const InspectionRecord& base, int page) {
  if (row.blank()) return false;
  const std::string words(parse::strip_section_number(normalise(row.line.text)));
  if (words.size() < 8 || parse::grade_cell(row.line.text)) return false;
  return std::any_of(base.judgements.begin(), base.judgements.end(), [&](const Judgement& j) {
    return j.page == page && normalise(j.printed_label).find(words) != std::string::npos;
  });
}

// One table row: its label rows, the grade cell's rows, the breaks after it.
struct Group {
  size_t begin = 0, end = 0;
  size_t label_end = 0;  // label rows are [begin, label_end)
};

std::vector<Group> table_groups(const PageRows& rows, const InspectionRecord& base, int page) {
  std::vector<Group> groups;
  size_t i = 0;
  while (i < rows.size() && !is_label_row(rows[i], base, page)) ++i;
  while (i < rows.size() && is_label_row(rows[i], base, page)) {
    Group g{i, i, i};
    while (i < rows.size() && (is_label_row(rows[i], base, page) || rows[i].blank())) ++i;
    g.label_end = i;
    // The cell: one to three rows that together are a grade.
    size_t cell_end = i;
    std::string joined;
    for (size_t k = i; k < rows.size() && k < i + 3 && !rows[k].blank(); ++k) {
      joined += (joined.empty() ? "" : " ") + rows[k].line.text;
      if (parse::grade_cell(joined)) cell_end = k + 1;
    }
    if (cell_end == i) break;
    i = cell_end;
    while (i < rows.size() && rows[i].blank()) ++i;
    g.end = i;
    groups.push_back(g);
  }
  return groups;
}

using Perturbation = std::function<std::optional<Perturbed>(const std::vector<PageRows>&, const InspectionRecord&)>;

// A perturbation of the front table's page: `edit` changes the page's rows
// (the table on page `page`) and says whether it found anything to change.
// nullopt when the parse read no table or the edit changed nothing.
using TableEdit = std::function<bool(PageRows& rows, int page)>;

std::optional<Perturbed> on_table_page(const std::vector<PageRows>& doc, const InspectionRecord& base,
                                       const TableEdit& edit) {
  const int page = base.evidence.table_page;
  if (page < 1 || page > static_cast<int>(doc.size())) return std::nullopt;
  Perturbed out{doc, base.authority_printed.value};
  if (!edit(out.doc[static_cast<size_t>(page - 1)], page)) return std::nullopt;
  return out;
}

// "Inspection of X local authority children's services" -> "Inspection of X Children and Families Trust".
std::optional<Perturbed> trust_title(const std::vector<PageRows>& doc, const InspectionRecord& base) {
  if (base.kind != DocumentKind::IlacsReport || base.authority_printed.value.empty()) return std::nullopt;
  Perturbed out{doc, base.authority_printed.value + " Children and Families Trust"};
  PageRows& rows = out.doc[0];
  size_t t = 0;
  while (t < rows.size() && (rows[t].blank() || !parse::starts_with(rows[t].norm(), "inspection of"))) ++t;
  if (t == rows.size()) return std::nullopt;
  size_t e = t + 1;
  while (e < rows.size() && e < t + 4 && !rows[e].blank() && !parse::starts_with(rows[e].norm(), "inspection date"))
    ++e;
  Row title = row_like(rows[t], "Inspection of " + out.authority);
  title.line.y1 = rows[e - 1].line.y1;
  rows.erase(rows.begin() + static_cast<long>(t), rows.begin() + static_cast<long>(e));
  rows.insert(rows.begin() + static_cast<long>(t), title);
  return out;
}

// An extra word after the name's first word, wherever the report prints it.
std::optional<Perturbed> authority_extra_word(const std::vector<PageRows>& doc, const InspectionRecord& base) {
  const std::string& name = base.authority_printed.value;
  std::string first = name.substr(0, name.find(' '));
  while (!first.empty() && !std::isalpha(static_cast<unsigned char>(first.back()))) first.pop_back();
  if (first.size() < 3) return std::nullopt;
  auto add_word = [&](std::string text) {
    for (size_t at = text.find(first); at != std::string::npos; at = text.find(first, at + first.size())) {
      const size_t after = at + first.size();
      const bool whole = (at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]))) &&
                         (after == text.size() || !std::isalpha(static_cast<unsigned char>(text[after])));
      if (!whole) continue;
      text.insert(after, " Royal");
      at += 6;
    }
    return text;
  };
  Perturbed out{doc, add_word(name)};
  for (auto& rows : out.doc)
    for (auto& row : rows)
      if (!row.brk) row.line.text = add_word(row.line.text);
  return out;
}

// Every label row of the table split in two at its middle word.
std::optional<Perturbed> label_line_breaks(const std::vector<PageRows>& doc, const InspectionRecord& base) {
  return on_table_page(doc, base, [&](PageRows& rows, int page) {
    bool any = false;
    for (size_t i = 0; i < rows.size(); ++i) {
      if (!is_label_row(rows[i], base, page)) continue;
      const std::string text = rows[i].line.text;
      size_t mid = text.find(' ', text.size() / 2);
      if (mid == std::string::npos) mid = text.rfind(' ', text.size() / 2);
      if (mid == std::string::npos || mid == 0 || mid + 1 >= text.size()) continue;
      const Row head = row_like(rows[i], text.substr(0, mid), 0, 2);
      const Row tail = row_like(rows[i], text.substr(mid + 1), 1, 2);
      rows[i] = head;
      rows.insert(rows.begin() + static_cast<long>(i) + 1, tail);
      ++i;
      any = true;
    }
    return any;
  });
}

// Every label row of the table broken after every second word (a narrow
// label column).
std::optional<Perturbed> label_narrow_column(const std::vector<PageRows>& doc, const InspectionRecord& base) {
  return on_table_page(doc, base, [&](PageRows& rows, int page) {
    bool any = false;
    for (size_t i = 0; i < rows.size(); ++i) {
      if (!is_label_row(rows[i], base, page)) continue;
      std::vector<std::string> words, pieces;
      std::istringstream in{std::string(parse::trim(rows[i].line.text))};
      for (std::string w; in >> w;) words.push_back(w);
      for (size_t w = 0; w < words.size(); w += 2)
        pieces.push_back(w + 1 < words.size() ? words[w] + " " + words[w + 1] : words[w]);
      if (pieces.size() < 2) continue;
      const Row original = rows[i];
      rows.erase(rows.begin() + static_cast<long>(i));
      for (size_t k = 0; k < pieces.size(); ++k)
        rows.insert(rows.begin() + static_cast<long>(i + k),
                    row_like(original, pieces[k], static_cast<int>(k), static_cast<int>(pieces.size())));
      i += pieces.size() - 1;
      any = true;
    }
    return any;
  });
}

// "Requires improvement to be good" -> "Requires improvement" / "to be good";
// "Requires improvement" -> "Requires" / "improvement".
std::optional<Perturbed> grade_split(const std::vector<PageRows>& doc, const InspectionRecord& base) {
  return on_table_page(doc, base, [&](PageRows& rows, int /*page*/) {
    bool any = false;
    for (size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].brk) continue;
      const std::string text(parse::trim(rows[i].line.text));
      const std::string n = normalise(text);
      size_t cut = 0;
      if (n == "requires improvement to be good")
        cut = std::string("Requires improvement").size();
      else if (n == "requires improvement")
        cut = std::string("Requires").size();
      if (cut == 0) continue;
      const Row head = row_like(rows[i], text.substr(0, cut), 0, 2);
      const Row tail = row_like(rows[i], text.substr(cut + 1), 1, 2);
      rows[i] = head;
      rows.insert(rows.begin() + static_cast<long>(i) + 1, tail);
      ++i;
      any = true;
    }
    return any;
  });
}

// The table's rows in reverse order; each row keeps its own left edge and
// takes the vertical slot of the row now printed there.
std::optional<Perturbed> rows_reordered(const std::vector<PageRows>& doc, const InspectionRecord& base) {
  return on_table_page(doc, base, [&](PageRows& rows, int page) {
    const auto groups = table_groups(rows, base, page);
    if (groups.size() < 2) return false;
    const size_t begin = groups.front().begin, end = groups.back().end;
    PageRows reordered;
    for (auto g = groups.rbegin(); g != groups.rend(); ++g)
      reordered.insert(reordered.end(), rows.begin() + static_cast<long>(g->begin),
                       rows.begin() + static_cast<long>(g->end));
    for (size_t k = 0; k < reordered.size(); ++k) {
      reordered[k].line.y0 = rows[begin + k].line.y0;
      reordered[k].line.y1 = rows[begin + k].line.y1;
    }
    std::copy(reordered.begin(), reordered.end(), rows.begin() + static_cast<long>(begin));
    (void)end;
    return true;
  });
}

// One row's label (help and protection where printed) reworded to words no
// framework uses.
std::optional<Perturbed> label_unknown(const std::vector<PageRows>& doc, const InspectionRecord& base) {
  return on_table_page(doc, base, [&](PageRows& rows, int page) {
    const auto groups = table_groups(rows, base, page);
    if (groups.empty()) return false;
    Group chosen = groups.front();
    for (const Group& g : groups) {
      std::string label;
      for (size_t k = g.begin; k < g.label_end; ++k) label += normalise(rows[k].line.text) + " ";
      if (label.find("help and protection") != std::string::npos) chosen = g;
    }
    const Row replacement = row_like(rows[chosen.begin], "Quality of early support for families");
    rows.erase(rows.begin() + static_cast<long>(chosen.begin), rows.begin() + static_cast<long>(chosen.label_end));
    rows.insert(rows.begin() + static_cast<long>(chosen.begin), replacement);
    return true;
  });
}

// SIF: the name printed above the title left out (a re-inspection's first page
// printing the authority elsewhere). The headline may still name it.
std::optional<Perturbed> name_missing_from_title_block(const std::vector<PageRows>& doc, const InspectionRecord& base) {
  if (base.kind != DocumentKind::SifReport) return std::nullopt;
  Perturbed out{doc, base.authority_printed.value};
  PageRows& rows = out.doc[0];
  const std::string name = normalise(base.authority_printed.value);
  bool any = false;
  for (size_t i = 0; i < rows.size() && !parse::starts_with(rows[i].norm(), "inspection of"); ++i) {
    const std::string n = std::string(parse::trim(rows[i].norm()));
    if (rows[i].blank() || n.size() < 3 || name.find(n) == std::string::npos) continue;
    rows[i].line.text = " ";
    any = true;
  }
  if (!any) return std::nullopt;
  return out;
}

// The authority as read names the one printed: the same words, or (where the
// title block lost the name and the headline names it) some of them
// ("Knowsley" for "Knowsley Council"), never another place.
bool same_authority(const std::string& got, const std::string& printed) {
  if (got == printed) return true;
  if (got.empty()) return false;
  auto words = [](const std::string& text) {
    std::vector<std::string> out;
    std::string n = normalise(text), word;
    for (char c : n + " ") {
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '\'')
        word += c;
      else if (!word.empty())
        out.push_back(std::exchange(word, {}));
    }
    return out;
  };
  const auto printed_words = words(printed);
  for (const auto& w : words(got))
    if (std::find(printed_words.begin(), printed_words.end(), w) == printed_words.end()) return false;
  return true;
}

// ILACS: the title block left out of page 1 altogether; the running headers
// of later pages still name the authority.
std::optional<Perturbed> title_missing(const std::vector<PageRows>& doc, const InspectionRecord& base) {
  if (base.kind != DocumentKind::IlacsReport) return std::nullopt;
  Perturbed out{doc, base.authority_printed.value};
  PageRows& rows = out.doc[0];
  size_t t = 0;
  while (t < rows.size() && (rows[t].blank() || !parse::starts_with(rows[t].norm(), "inspection of"))) ++t;
  if (t == rows.size()) return std::nullopt;
  for (size_t e = t;
       e < rows.size() && e < t + 4 && !rows[e].blank() && !parse::starts_with(rows[e].norm(), "inspection date"); ++e)
    rows[e].line.text = " ";
  return out;
}

struct Outcome {
  int same = 0, flagged = 0, different = 0, not_applicable = 0;
};

TEST(Metamorphic, PerturbedReportsGiveTheSameFactsOrAFlag) {
  const auto& reports = testing::corpus_reports();
  if (reports.empty()) GTEST_SKIP() << "corpus not found under " << CSCWATCH_DATA_DIR;
  const std::vector<std::pair<const char*, Perturbation>> perturbations = {
      {"trust_title", trust_title},
      {"authority_extra_word", authority_extra_word},
      {"label_line_breaks", label_line_breaks},
      {"label_narrow_column", label_narrow_column},
      {"grade_split", grade_split},
      {"rows_reordered", rows_reordered},
      {"label_unknown", label_unknown},
      {"name_missing_from_title_block", name_missing_from_title_block},
      {"title_missing", title_missing},
  };
  std::map<std::string, Outcome> outcomes;
  int sampled = 0;
  // A sample spread over the corpus (truth.csv is ordered by authority, so
  // every 6th report mixes SIF and ILACS years).
  for (size_t i = 0; i < reports.size(); i += 6) {
    const auto& report = reports[i];
    ++sampled;
    auto base = parse_inspection_document(report.pages);
    ASSERT_TRUE(base.ok()) << report.file << ": " << base.error();
    std::vector<PageRows> doc;
    for (const Page& page : report.pages) doc.push_back(to_rows(page));
    // Rows rebuild the pages exactly: the unperturbed round trip parses alike.
    {
      auto again = parse_inspection_document(to_pages(doc));
      ASSERT_TRUE(again.ok()) << report.file;
      ASSERT_EQ(record_facts(*again), record_facts(*base)) << report.file << ": rows do not rebuild the pages";
    }
    const auto base_facts = record_facts(*base);
    for (const auto& [name, perturb] : perturbations) {
      Outcome& outcome = outcomes[name];
      auto perturbed = perturb(doc, *base);
      if (!perturbed) {
        ++outcome.not_applicable;
        continue;
      }
      auto record = parse_inspection_document(to_pages(perturbed->doc));
      if (!record.ok()) {
        ++outcome.different;
        ADD_FAILURE() << name << " " << report.file << ": refused: " << record.error();
        continue;
      }
      const auto items = check_completeness(*record);
      const auto got = record_facts(*record);
      bool changed = false, wrong = false;
      if (record->kind != base->kind && !testing::flags(items, "kind")) {
        wrong = true;
        ADD_FAILURE() << name << " " << report.file << ": read as " << to_string(record->kind);
      }
      if (!same_authority(record->authority_printed.value, perturbed->authority)) {
        changed = true;
        if (!testing::flags(items, "authority")) {
          wrong = true;
          ADD_FAILURE() << name << " " << report.file << ": authority '" << record->authority_printed.value
                        << "', printed '" << perturbed->authority << "', and no review item";
        }
      }
      for (const auto& [field, value] : base_facts) {
        if (got.at(field) == value) continue;
        changed = true;
        if (testing::flags(items, field) || (is_judgement_field(field) && testing::flags(items, "judgements")))
          continue;
        wrong = true;
        ADD_FAILURE() << name << " " << report.file << ": " << field << " '" << value << "' became '" << got.at(field)
                      << "' with no review item\n"
                      << testing::describe(items);
      }
      if (wrong)
        ++outcome.different;
      else if (changed)
        ++outcome.flagged;
      else
        ++outcome.same;
    }
  }
  std::printf("%d reports sampled\n%-30s %5s %8s %9s %5s\n", sampled, "perturbation", "same", "flagged", "different",
              "n/a");
  for (const auto& [name, o] : outcomes)
    std::printf("%-30s %5d %8d %9d %5d\n", name.c_str(), o.same, o.flagged, o.different, o.not_applicable);
}

}  // namespace
}  // namespace cscwatch
