#include "news/council_reading.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "news/council_name_forms.h"

namespace cscwatch::news {

namespace {

// One printed form of a name, as words.
struct Form {
  std::vector<std::string> tokens;
  const Authority* authority;
};

// first word -> forms starting with it (longest first, as name_forms() is)
std::unordered_map<std::string, std::vector<Form>> forms_by_first_word(const AuthorityDirectory& dir,
                                                                       const std::optional<Date>& article_date) {
  std::unordered_map<std::string, std::vector<Form>> by_first;
  // The other names (trusts, short forms) that applied on the article's date, before the directory's.
  for (const auto& nf : council_name_forms()) {
    const Authority* a = nf.kind == "site" || !applies_on(nf, article_date) ? nullptr : dir.by_urn(nf.authority_urn);
    if (!a) continue;
    Form f{{}, a};
    for (const auto& w : split_words(nf.form)) f.tokens.push_back(w.norm);
    if (!f.tokens.empty()) by_first[f.tokens.front()].push_back(std::move(f));
  }
  for (const auto& [form, authority] : dir.name_forms()) {
    Form f{{}, authority};
    size_t p = 0;
    while (p < form.size()) {
      size_t e = form.find(' ', p);
      if (e == std::string::npos) e = form.size();
      f.tokens.push_back(form.substr(p, e - p));
      p = e + 1;
    }
    if (!f.tokens.empty()) by_first[f.tokens.front()].push_back(std::move(f));
  }
  return by_first;
}

// Does the form stand at word i (no line break inside; every word but "and",
// "of" capitalised)?
bool form_at(std::string_view text, const std::vector<Word>& w, size_t i, const Form& f) {
  if (i + f.tokens.size() > w.size()) return false;
  for (size_t k = 0; k < f.tokens.size(); ++k) {
    const Word& x = w[i + k];
    if (x.norm != f.tokens[k] && x.base != f.tokens[k]) return false;
    if (k > 0 && text.substr(w[i + k - 1].end, x.begin - w[i + k - 1].end).find('\n') != std::string_view::npos)
      return false;
    if (k > 0 && f.tokens[k] != "and" && f.tokens[k] != "of" && f.tokens[k] != "for" && !x.capitalised) return false;
  }
  return true;
}

const Form* match_at(const std::unordered_map<std::string, std::vector<Form>>& by_first, std::string_view text,
                     const std::vector<Word>& w, size_t i) {
  auto it = by_first.find(w[i].norm);
  if (it == by_first.end()) it = by_first.find(w[i].base);
  if (it == by_first.end()) return nullptr;
  for (const auto& f : it->second)
    if (form_at(text, w, i, f)) return &f;
  return nullptr;
}

}  // namespace

std::vector<AuthorityMention> read_councils(ReadingContext& ctx, const AuthorityDirectory& dir) {
  auto by_first = forms_by_first_word(dir, ctx.article_date);
  std::map<const Authority*, AuthorityMention> found;
  std::map<const Authority*, bool> solid;  // seen other than as a lone sentence-initial word
  const auto& w = ctx.all_words;
  for (size_t i = 0; i < w.size();) {
    const Form* match = w[i].capitalised ? match_at(by_first, ctx.text, w, i) : nullptr;
    if (!match) {
      ++i;
      continue;
    }
    size_t n = match->tokens.size();
    // A form shared by several councils (a trust serving them) names each.
    std::vector<const Authority*> named;
    auto it = by_first.find(match->tokens.front());
    for (const auto& f : it->second)
      if (f.tokens == match->tokens && std::find(named.begin(), named.end(), f.authority) == named.end())
        named.push_back(f.authority);
    size_t pos = w[i].begin;
    size_t si = ctx.sentence_index(pos);
    std::string printed = collapse_spaces(ctx.text.substr(w[i].begin, w[i + n - 1].end - w[i].begin));
    bool sentence_initial = si < ctx.sentences.size() && ctx.sentences[si].begin == pos;
    bool next_is_name_word = i + n < w.size() && (w[i + n].capitalised || w[i + n].norm == "council");
    for (const Authority* a : named) {
      ctx.mentions.emplace_back(pos, a->urn);
      auto& m = found[a];
      m.authority = a;
      m.mentions++;
      m.weight += ctx.sentence_weight(si);
      if (std::find(m.printed.begin(), m.printed.end(), printed) == m.printed.end() && m.printed.size() < 8)
        m.printed.push_back(printed);
      if (n > 1 || !sentence_initial || w[i].base != w[i].norm || next_is_name_word || w[i].all_caps) solid[a] = true;
    }
    i += n;
  }
  std::vector<AuthorityMention> out;
  for (auto& [a, m] : found)
    if (solid[a]) out.push_back(std::move(m));
  // A legacy authority named alongside its successor is the successor's past.
  std::stable_sort(out.begin(), out.end(), [](const AuthorityMention& x, const AuthorityMention& y) {
    if (x.authority->legacy != y.authority->legacy) return !x.authority->legacy;
    return x.weight > y.weight;
  });
  if (out.size() > 12) out.resize(12);
  return out;
}

}  // namespace cscwatch::news
