#include "news/people_reading.h"

#include <algorithm>
#include <cctype>

#include "news/speech_words.h"

namespace cscwatch::news {

namespace {

class PeopleReader {
 public:
  PeopleReader(std::string_view s, const std::vector<Word>& words, const std::vector<Sentence>& sentences,
               const std::vector<bool>& quoted)
      : s_(s), words_(words), sentences_(sentences), quoted_(quoted) {}

  PeopleReading run() {
    find_people();
    return std::move(out_);
  }

 private:
  // Only spaces between two words (no punctuation, no line break)?
  bool adjacent(size_t a, size_t b) const {
    for (size_t p = words_[a].end; p < words_[b].begin; ++p)
      if (s_[p] != ' ') return false;
    return true;
  }

  bool name_token(size_t i) const {
    const Word& w = words_[i];
    return w.capitalised && !w.all_caps && w.norm.size() >= 2 && !is_not_name(w.base) && !is_not_name(w.norm) &&
           !std::isdigit(static_cast<unsigned char>(w.norm[0]));
  }

  size_t sentence_start(size_t pos) const {
    auto it = std::upper_bound(sentences_.begin(), sentences_.end(), pos,
                               [](size_t p, const Sentence& se) { return p < se.begin; });
    return it == sentences_.begin() ? 0 : std::prev(it)->begin;
  }

  // Index of the first word at or after byte `pos`.
  size_t word_at(size_t pos) const {
    auto it = std::lower_bound(words_.begin(), words_.end(), pos, [](const Word& w, size_t p) { return w.begin < p; });
    return static_cast<size_t>(it - words_.begin());
  }

  std::string text_of(size_t b, size_t e) const { return collapse_spaces(s_.substr(b, e - b)); }

  // Role words before a name: "UKIP group leader", "West Midlands Police Chief Superintendent".
  std::string role_before(size_t first) const {
    size_t stop = first;
    size_t sstart = sentence_start(words_[first].begin);
    size_t i = first;
    int taken = 0;
    while (i > 0 && taken < 7) {
      size_t p = i - 1;
      if (words_[p].begin < sstart || quoted_[p]) break;
      // stop at punctuation between words (comma, colon)
      bool punct = false;
      for (size_t q = words_[p].end; q < words_[i].begin; ++q)
        if (s_[q] != ' ') punct = true;
      if (punct) break;
      const std::string& n = words_[p].norm;
      if (is_reporting_verb(n) || n == "by" || n == "to" || n == "and" || n == "with" || n == "from" || n == "said" ||
          n == "says" || n == "that" || n == "as")
        break;
      stop = p;
      i = p;
      ++taken;
    }
    if (stop == first) return {};
    bool has_role = false;
    for (size_t k = stop; k < first; ++k)
      if (is_role_word(words_[k].norm)) has_role = true;
    if (!has_role) return {};
    // Drop leading articles and honorific-only prefixes ("The Rt Revd").
    while (stop < first && (words_[stop].norm == "the" || words_[stop].norm == "a" || words_[stop].norm == "an"))
      ++stop;
    std::string role = text_of(words_[stop].begin, words_[first - 1].end);
    return role;
  }

  // ", the authority's chief executive," after a name.
  std::string role_after(size_t last) const {
    size_t p = words_[last].end;
    while (p < s_.size() && s_[p] == ' ') ++p;
    if (p >= s_.size() || s_[p] != ',') return {};
    size_t i = last + 1;
    size_t first = i;
    size_t end = i;
    bool has_role = false;
    while (i < words_.size() && i - first < 16 && !quoted_[i]) {
      if (is_reporting_verb(words_[i].norm) || words_[i].norm == "who" || words_[i].norm == "which") break;
      if (is_role_word(words_[i].norm)) has_role = true;
      end = i + 1;
      // stop at a comma, full stop, colon or line break after this word
      bool stop = false;
      size_t q = words_[i].end;
      while (q < s_.size() && (s_[q] == ' ' || s_[q] == '\'' || (s_[q] == '\xE2' && q + 2 < s_.size()))) {
        if (s_[q] == '\xE2') {
          if (s_[q + 1] == '\x80' && s_[q + 2] == '\x99') {
            q += 3;
            continue;
          }
          break;
        }
        ++q;
      }
      if (q < s_.size() && (s_[q] == ',' || s_[q] == '.' || s_[q] == ':' || s_[q] == ';' || s_[q] == '\n')) stop = true;
      if (q < s_.size() && s_[q] == '\xE2') stop = true;  // dash or quote
      ++i;
      if (stop) break;
    }
    if (!has_role || end == first) return {};
    return text_of(words_[first].begin, words_[end - 1].end);
  }

  // "The council's director of children's services, Cathi Hadley, said"
  std::string role_before_comma(size_t first) const {
    if (first == 0) return {};
    size_t p = words_[first].begin;
    size_t q = words_[first - 1].end;
    std::string_view between = s_.substr(q, p - q);
    if (collapse_spaces(between) != ",") return {};
    size_t sstart = sentence_start(words_[first].begin);
    size_t i = first - 1;
    size_t stop = first;
    bool has_role = false;
    while (true) {
      if (words_[i].begin < sstart || quoted_[i] || first - i > 10) break;
      if (is_reporting_verb(words_[i].norm)) break;
      if (i + 1 < first) {
        bool punct = false;
        for (size_t k = words_[i].end; k < words_[i + 1].begin; ++k)
          if (s_[k] != ' ' && s_[k] != '\'' && static_cast<unsigned char>(s_[k]) < 0x80) punct = true;
        if (punct) break;
      }
      if (is_role_word(words_[i].norm)) has_role = true;
      stop = i;
      if (i == 0) break;
      --i;
    }
    if (!has_role || stop >= first) return {};
    return text_of(words_[stop].begin, words_[first - 1].end);
  }

  int find_person(std::string_view surname_norm) const {
    for (size_t k = 0; k < out_.people.size(); ++k) {
      const auto& name = out_.people[k].name;
      size_t sp = name.rfind(' ');
      std::string last = lower_ascii(sp == std::string::npos ? name : name.substr(sp + 1));
      if (last == surname_norm) return static_cast<int>(k);
    }
    return -1;
  }

  void add_mention(int person, size_t pos) {
    out_.person_at.push_back({pos, person});
    out_.people[static_cast<size_t>(person)].positions.push_back(pos);
  }

  void find_people() {
    size_t i = 0;
    while (i < words_.size()) {
      if (quoted_[i] || !words_[i].capitalised) {
        ++i;
        continue;
      }
      // A run of adjacent capitalised words.
      size_t j = i + 1;
      while (j < words_.size() && !quoted_[j] && words_[j].capitalised && adjacent(j - 1, j)) ++j;
      // The name: the longest run of name words at the end (2-3 words).
      size_t k = j;
      while (k > i && name_token(k - 1)) --k;
      size_t len = j - k;
      if (len > 3) {
        k = j - 3;
        len = 3;
      }
      bool honorific_before = k > i && is_honorific(words_[k - 1].norm);
      if (len >= 2 || (len == 1 && honorific_before)) add_person(i, k, j, len);
      i = j;
    }
  }

  // The name in words [k, j) of the capitalised run [i, j), `len` words long.
  void add_person(size_t i, size_t k, size_t j, size_t len) {
    std::string name = text_of(words_[k].begin, words_[j - 1].end);
    // Strip a possessive from the last name word.
    if (words_[j - 1].base != words_[j - 1].norm) {
      size_t cut = name.rfind('\'');
      if (cut == std::string::npos) cut = name.rfind("\xE2\x80\x99");
      if (cut != std::string::npos) name = name.substr(0, cut);
    }
    std::string title;
    size_t t = k;
    while (t > i && is_honorific(words_[t - 1].norm)) --t;
    if (t < k) title = text_of(words_[t].begin, words_[k - 1].end);
    std::string role = role_after(j - 1);
    if (role.empty()) role = role_before(k);
    if (role.empty() && t == k) role = role_before_comma(k);
    if (role.empty() && t < k) {
      // Role words inside the capitalised run: "Chief Superintendent Richard Fisher".
      for (size_t r = t; r < k; ++r)
        if (is_role_word(words_[r].norm) && words_[r].norm != "mr" && words_[r].norm != "mrs") {
          role = role_before(k);
          break;
        }
    }
    if (out_.people.size() >= 300) return;
    if (len == 1) {
      int p = find_person(words_[k].base);
      if (p < 0) {
        out_.people.push_back(PersonMention{name, role, title, {}});
        p = static_cast<int>(out_.people.size() - 1);
        out_.candidate_only.push_back(false);
      }
      add_mention(p, words_[k].begin);
    } else {
      int p = -1;
      for (size_t q = 0; q < out_.people.size(); ++q)
        if (out_.people[q].name == name) p = static_cast<int>(q);
      if (p < 0) p = find_person(lower_ascii(words_[j - 1].base));
      if (p >= 0 && out_.people[static_cast<size_t>(p)].name.find(' ') == std::string::npos)
        out_.people[static_cast<size_t>(p)].name = name;  // full name seen after the surname
      if (p < 0) {
        out_.people.push_back(PersonMention{name, {}, {}, {}});
        p = static_cast<int>(out_.people.size() - 1);
        out_.candidate_only.push_back(true);
      }
      auto& person = out_.people[static_cast<size_t>(p)];
      if (person.role.empty()) person.role = role;
      if (person.title.empty()) person.title = title;
      if (!role.empty() || !title.empty()) out_.candidate_only[static_cast<size_t>(p)] = false;
      add_mention(p, words_[k].begin);
    }
  }

  std::string_view s_;
  const std::vector<Word>& words_;
  const std::vector<Sentence>& sentences_;
  const std::vector<bool>& quoted_;
  PeopleReading out_;
};

}  // namespace

PeopleReading read_people(std::string_view text, const std::vector<Word>& words, const std::vector<Sentence>& sentences,
                          const std::vector<bool>& quoted) {
  return PeopleReader(text, words, sentences, quoted).run();
}

}  // namespace cscwatch::news
