#include "news/coverage_facts.h"

#include "news/text_words.h"

namespace cscwatch::news {

namespace {

// "Jane Smith has been appointed", "Nick Whitfield was appointed": the name
// (two or three capitalised words) before the appointment verb.
std::string appointee(const std::string& sentence) {
  auto w = split_words(sentence);
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i].norm != "appointed") continue;
    size_t k = i;
    while (k > 0 && (w[k - 1].norm == "has" || w[k - 1].norm == "have" || w[k - 1].norm == "been" ||
                     w[k - 1].norm == "was" || w[k - 1].norm == "is" || w[k - 1].norm == "be" ||
                     w[k - 1].norm == "will" || w[k - 1].norm == "now"))
      --k;
    size_t end = k;
    while (k > 0 && w[k - 1].capitalised && !w[k - 1].all_caps && end - k < 3) --k;
    if (end - k >= 2) return collapse_spaces(std::string_view(sentence).substr(w[k].begin, w[end - 1].end - w[k].begin));
  }
  return {};
}

}  // namespace

std::vector<ProposedFact> proposed_facts(const ArticleReading& reading, const std::vector<PersonMention>& people,
                                         const std::string& urn) {
  std::vector<ProposedFact> out;
  for (const auto& iv : reading.interventions) {
    ProposedFact f;
    f.kind = iv.kind;
    f.authority_urn = urn;
    f.sentence = iv.text;
    f.actor = iv.actor;
    f.date_text = iv.date_text;
    for (const auto& d : reading.dates)
      if (d.sentence == iv.text && d.text == iv.date_text) {
        f.date = d.from;
        break;
      }
    for (const auto& p : people)
      if (p.name.find(' ') != std::string::npos && iv.text.find(p.name) != std::string::npos) {
        f.person = p.name;
        break;
      }
    if (f.person.empty() && (f.kind == InterventionKind::NewDirector || f.kind == InterventionKind::Commissioner))
      f.person = appointee(iv.text);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace cscwatch::news
