#include "parse/summary_sentence.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "parse/text_normalise.h"

namespace cscwatch::parse {

namespace {

// The grade that is the whole rest of the sentence after one of its verbs.
// "the overall judgement is that children's services are good": the first
// verb ("is") leaves "that children's ..." which is no grade; the next
// ("are") leaves "good".
struct VerbAndGrade {
  size_t verb = 0;  // offset of the space before the verb
  PrintedGrade grade;
};
std::optional<VerbAndGrade> grade_after_verb(std::string_view norm, std::string_view printed, size_t from) {
  size_t best_at = std::string_view::npos;
  std::optional<VerbAndGrade> best;
  for (std::string_view verb : {" are ", " is ", " requires ", " require "}) {
    for (size_t at = norm.find(verb, from); at != std::string_view::npos; at = norm.find(verb, at + 1)) {
      // "require(s)" belongs to the grade ("require improvement"); "are"/"is" does not.
      const bool verb_in_grade = verb == " requires " || verb == " require ";
      const size_t rest = verb_in_grade ? at + 1 : at + verb.size();
      auto cell = grade_cell(printed.substr(rest));
      if (!cell || !cell->grade) continue;
      if (at < best_at) {
        best_at = at;
        best = VerbAndGrade{at, *cell};
      }
      break;
    }
  }
  return best;
}

// The place as the sentence names it, without the sentence's own article and
// noun: "in the Royal Borough of Kingston upon Thames" names "Royal Borough of
// Kingston upon Thames", "in the Blackburn with Darwen Council area" names
// "Blackburn with Darwen Council".
std::string place_name(std::string_view words) {
  words = trim(words);
  if (starts_with(normalise(words), "the ")) {
    words = trim(words.substr(4));
    const std::string norm = normalise(words);
    if (norm.size() > 5 && norm.compare(norm.size() - 5, 5, " area") == 0) words = trim(words.substr(0, words.size() - 5));
  }
  return std::string(words);
}

}  // namespace

std::optional<SummarySentence> find_summary_sentence(const DocumentLines& doc, size_t from, size_t to) {
  to = std::min(to, doc.lines.size());
  for (size_t i = from; i < to; ++i) {
    const DocLine& line = doc.lines[i];
    // "Children's services in X are ...", "Children's services require ..." (Luton 2016),
    // "The overall judgement is ...".
    const bool names_services = starts_with(line.norm, "children's services in ");
    const bool about_services = starts_with(line.norm, "children's services ");
    if (!about_services && !starts_with(line.norm, "the overall judgement is")) continue;
    const size_t after_head = names_services   ? std::string_view("children's services in").size()
                              : about_services ? std::string_view("children's services").size()
                                               : 0;
    // The sentence wraps over a few lines of its block; the shortest run of
    // lines that completes it wins, so the next paragraph is never read into it.
    for (size_t stop = i + 1; stop <= doc.lines.size() && stop <= i + 4; ++stop) {
      if (stop > i + 1 && doc.lines[stop - 1].block != line.block) break;
      std::string sentence = join_text(doc, i, stop);
      const size_t dot = sentence.find('.');
      if (dot != std::string::npos) sentence.resize(dot);
      while (!sentence.empty() &&
             (std::isdigit(static_cast<unsigned char>(sentence.back())) || sentence.back() == ' '))
        sentence.pop_back();
      const std::string norm = normalise(sentence);
      // normalise() keeps the byte offsets of clean text, and join_text joins clean text.
      if (norm.size() != sentence.size()) break;
      auto found = grade_after_verb(norm, sentence, after_head);
      // The verb's subject is the services themselves: "Children's services
      // require ..." has nothing between, "Children's services in X are ..."
      // only a place. A clause in between ("have continued to build on the
      // last inspection, in 2017, which judged services to require
      // improvement": Leicester 2021) tells of another inspection.
      if (found && about_services && !names_services && found->verb != after_head) found.reset();
      if (found && norm.substr(after_head, found->verb - after_head).find(',') != std::string::npos) found.reset();
      if (found) {
        SummarySentence summary{sentence, found->grade, line.page, {}};
        if (names_services && found->verb > after_head)
          summary.authority = place_name(std::string_view(sentence).substr(after_head, found->verb - after_head));
        return summary;
      }
      if (dot != std::string::npos) break;  // the sentence ended without a grade
    }
  }
  return std::nullopt;
}

}  // namespace cscwatch::parse
