#include "news/quotations.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace cscwatch::news {

namespace {

bool is_alnum_byte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0xC0; }

struct QuoteSpan {
  size_t begin = 0, end = 0;  // content
  bool double_mark = true;
  bool continues_next = false;
};

enum class Mark { None, OpenDouble, CloseDouble, StraightDouble, OpenSingle, CloseSingle, StraightSingle };

Mark mark_at(std::string_view s, size_t i, size_t& len) {
  len = 1;
  char c = s[i];
  if (c == '"') return Mark::StraightDouble;
  if (c == '\'') return Mark::StraightSingle;
  if (c == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80') {
    len = 3;
    switch (s[i + 2]) {
      case '\x9C': return Mark::OpenDouble;
      case '\x9D': return Mark::CloseDouble;
      case '\x98': return Mark::OpenSingle;
      case '\x99': return Mark::CloseSingle;
      default: break;
    }
    len = 1;
  }
  return Mark::None;
}

// Does the paragraph at `pos` open with a double quotation mark?
bool opens_with_double(std::string_view s, size_t pos) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  if (pos >= s.size()) return false;
  size_t len = 0;
  Mark m = mark_at(s, pos, len);
  return m == Mark::OpenDouble || m == Mark::StraightDouble;
}

std::vector<QuoteSpan> find_quote_spans(std::string_view s) {
  std::vector<QuoteSpan> spans;
  size_t line_start = 0;
  while (line_start < s.size()) {
    size_t line_end = s.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = s.size();
    constexpr size_t kNone = static_cast<size_t>(-1);
    size_t open_double = kNone, open_single = kNone;
    for (size_t i = line_start; i < line_end;) {
      size_t len = 1;
      Mark m = mark_at(s, i, len);
      char prev = i > line_start ? s[i - 1] : ' ';
      char next = i + len < line_end ? s[i + len] : ' ';
      bool prev_word = is_alnum_byte(prev) || prev == '.' || prev == ',' || prev == '!' || prev == '?' ||
                       static_cast<unsigned char>(prev) >= 0x80;
      bool next_word = is_alnum_byte(next) || static_cast<unsigned char>(next) >= 0x80;
      if (m == Mark::OpenDouble || (m == Mark::StraightDouble && open_double == kNone)) {
        if (open_double == kNone && (m == Mark::OpenDouble || !is_alnum_byte(prev))) {
          open_double = i + len;
          open_single = kNone;
        }
      } else if ((m == Mark::CloseDouble || m == Mark::StraightDouble) && open_double != kNone) {
        if (i > open_double) spans.push_back(QuoteSpan{open_double, i, true, false});
        open_double = kNone;
      } else if (open_double == kNone) {
        if ((m == Mark::OpenSingle || m == Mark::StraightSingle) && open_single == kNone && !is_alnum_byte(prev) &&
            next_word) {
          open_single = i + len;
        } else if ((m == Mark::CloseSingle || m == Mark::StraightSingle) && open_single != kNone && prev_word &&
                   !next_word && prev != ' ') {
          if (i - open_single <= 600) spans.push_back(QuoteSpan{open_single, i, false, false});
          open_single = kNone;
        }
      }
      i += len;
    }
    if (open_double != kNone && open_double < line_end) {
      // Unclosed at the paragraph's end: newspapers leave it open when the
      // next paragraph continues the same quotation.
      bool cont = line_end < s.size() && opens_with_double(s, line_end + 1);
      spans.push_back(QuoteSpan{open_double, line_end, true, cont});
    }
    line_start = line_end + 1;
  }
  return spans;
}

struct Entity {
  size_t pos;
  SpeakerKind kind;
  int person = -1;
};

}  // namespace

namespace {

class Reader {
 public:
  explicit Reader(std::string_view text) : s_(text), words_(split_words(text)), sentences_(split_sentences(text)) {}

  QuotationReading run() {
    spans_ = find_quote_spans(s_);
    // Quotations of one word are terms ('inadequate'), not statements.
    if (spans_.size() > 2000) spans_.resize(2000);  // bounded work on hostile input
    for (const auto& sp : spans_) {
      int n = count_words(sp.begin, sp.end);
      if (n >= 2) quote_spans_.push_back(sp);
      else out_.short_quotes.emplace_back(sp.begin, sp.end);
    }
    mark_quoted_words();
    people_ = read_people(s_, words_, sentences_, quoted_);
    out_.people = std::move(people_.people);
    find_entities();
    attribute();
    return std::move(out_);
  }

 private:
  int count_words(size_t b, size_t e) const {
    size_t i = word_at(b);
    int n = 0;
    while (i < words_.size() && words_[i].end <= e) ++i, ++n;
    return n;
  }

  void mark_quoted_words() {
    quoted_.assign(words_.size(), false);
    size_t k = 0;
    for (size_t i = 0; i < words_.size(); ++i) {
      while (k < quote_spans_.size() && quote_spans_[k].end <= words_[i].begin) ++k;
      if (k < quote_spans_.size() && words_[i].begin >= quote_spans_[k].begin && words_[i].end <= quote_spans_[k].end)
        quoted_[i] = true;
    }
  }

  int paragraph_of(size_t pos) const {
    auto it = std::upper_bound(sentences_.begin(), sentences_.end(), pos,
                               [](size_t p, const Sentence& se) { return p < se.begin; });
    return it == sentences_.begin() ? 0 : std::prev(it)->paragraph;
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

  // Organisation mentions outside quotations, and the first one of each
  // sentence (its likely subject) for resolving "it".
  void find_entities() {
    for (const auto& se : sentences_) {
      size_t a = word_at(se.begin);
      bool first = true;
      for (size_t i = a; i < words_.size() && words_[i].begin < se.end; ++i) {
        if (quoted_[i]) continue;
        SpeakerKind k = noun_kind(words_, i);
        if (k == SpeakerKind::Inspectorate && words_[i].norm == "letter") continue;
        if (k == SpeakerKind::Unknown || k == SpeakerKind::Other) continue;
        if (first) subjects_.push_back(Entity{words_[i].begin, k, -1});
        first = false;
      }
    }
  }

  struct Speaker {
    SpeakerKind kind = SpeakerKind::Unknown;
    int person = -1;
    std::string text;
    bool found = false;
  };

  int person_in(size_t b, size_t e) const {
    auto first = std::lower_bound(people_.person_at.begin(), people_.person_at.end(), b,
                                  [](const std::pair<size_t, int>& x, size_t p) { return x.first < p; });
    int any = -1;
    for (auto it = first; it != people_.person_at.end() && it->first < e; ++it) {
      if (!people_.candidate_only[static_cast<size_t>(it->second)]) return it->second;
      if (any < 0) any = it->second;
    }
    return any;
  }

  // people_.person_at and subjects_ are in text order.
  int last_person_before(size_t pos) const {
    auto it = std::lower_bound(people_.person_at.begin(), people_.person_at.end(), pos,
                               [](const std::pair<size_t, int>& x, size_t p) { return x.first < p; });
    return it == people_.person_at.begin() ? -1 : std::prev(it)->second;
  }

  SpeakerKind last_subject_before(size_t pos) const {
    auto it = std::lower_bound(subjects_.begin(), subjects_.end(), pos,
                               [](const Entity& e, size_t p) { return e.pos < p; });
    return it == subjects_.begin() ? SpeakerKind::Unknown : std::prev(it)->kind;
  }

  // Classifies the words [a, b) naming a speaker.
  Speaker classify(size_t a, size_t b) const {
    Speaker sp;
    if (a >= b) return sp;
    sp.text = text_of(words_[a].begin, words_[b - 1].end);
    int person = person_in(words_[a].begin, words_[b - 1].end);
    if (person >= 0) {
      sp.kind = SpeakerKind::Person;
      sp.person = person;
      sp.found = true;
      return sp;
    }
    SpeakerKind org = organisation_kind(words_, a, b);
    bool pronoun_it = false, pronoun_person = false;
    for (size_t i = a; i < b; ++i) {
      const auto& n = words_[i].norm;
      if (n == "it" || n == "its") pronoun_it = true;
      if (n == "he" || n == "she" || n == "him" || n == "her") pronoun_person = true;
    }
    if (org != SpeakerKind::Unknown) {
      sp.kind = org;
      sp.found = true;
      return sp;
    }
    if (pronoun_person) {
      int p = last_person_before(words_[a].begin);
      if (p >= 0) {
        sp.kind = SpeakerKind::Person;
        sp.person = p;
        sp.found = true;
      }
      return sp;
    }
    if (pronoun_it) {
      sp.kind = last_subject_before(words_[a].begin);
      sp.found = sp.kind != SpeakerKind::Unknown;
      return sp;
    }
    for (size_t i = a; i < b; ++i)
      if (is_role_word(words_[i].norm)) {
        sp.kind = SpeakerKind::Other;
        sp.found = true;
      }
    return sp;
  }

  // The speaker of the last reporting verb in words [a, b): the words before
  // it back to the clause start. `verb_at` receives the verb's index.
  Speaker speaker_before(size_t a, size_t b, size_t* verb_at = nullptr) const {
    for (size_t v = b; v > a; --v) {
      size_t i = v - 1;
      if (quoted_[i] || !is_reporting_verb(words_[i].norm)) continue;
      size_t start = i;
      while (start > a && i - start < 15) {
        size_t p = start - 1;
        if (quoted_[p] || is_reporting_verb(words_[p].norm) || is_clause_start(words_[p].norm)) break;
        bool clause = false;
        for (size_t q = words_[p].end; q < words_[start].begin; ++q)
          if (s_[q] == ':' || s_[q] == ';' || s_[q] == '\n' || s_[q] == '"' ||
              (s_[q] == '\xE2' && q + 2 < s_.size() && (s_[q + 2] == '\x9C' || s_[q + 2] == '\x9D')))
            clause = true;
        if (clause) break;
        start = p;
      }
      if (verb_at) *verb_at = i;
      if (start == i) {
        // "according to the report"
        return Speaker{};
      }
      Speaker sp = classify(start, i);
      if (sp.found) return sp;
      return sp;
    }
    // "according to X"
    for (size_t i = a; i + 2 < b; ++i)
      if (words_[i].norm == "according" && words_[i + 1].norm == "to") {
        size_t e = i + 2;
        while (e < b && e - i < 8) ++e;
        return classify(i + 2, e);
      }
    return Speaker{};
  }

  // "..., the watchdog said." / "..., said Ms Norman." / "..., she added:"
  Speaker speaker_after(size_t a, size_t b) const {
    size_t limit = std::min(b, a + 10);
    for (size_t i = a; i < limit; ++i) {
      if (quoted_[i]) break;
      if (words_[i].norm == "according" && i + 1 < b && words_[i + 1].norm == "to") {
        size_t e = i + 2;
        while (e < b && e - i < 8 && !quoted_[e]) ++e;
        return classify(i + 2, e);
      }
      if (!is_reporting_verb(words_[i].norm)) continue;
      if (i == a) {
        size_t e = i + 1;
        while (e < b && e - i < 8 && !quoted_[e]) {
          bool punct = false;
          for (size_t q = words_[e - 1].end; q < words_[e].begin; ++q)
            if (s_[q] != ' ') punct = true;
          if (punct && e > i + 1) break;
          ++e;
        }
        return classify(i + 1, e);
      }
      return classify(a, i);
    }
    return Speaker{};
  }

  std::string label_for(const Speaker& sp) const {
    switch (sp.kind) {
      case SpeakerKind::Inspectorate: return "Ofsted";
      case SpeakerKind::Person: {
        const auto& p = out_.people[static_cast<size_t>(sp.person)];
        return p.name;
      }
      case SpeakerKind::Unknown: return {};
      default: return sp.text;
    }
  }

  void attribute() {
    std::optional<Quotation> previous;
    for (size_t qi = 0; qi < quote_spans_.size(); ++qi) {
      Quotation q = attribute_one(qi, previous);
      previous = q;
      out_.quotes.push_back(std::move(q));
    }
    keep_attributed_people();
  }

  // The quotation quote_spans_[qi], its speaker read before it, after it,
  // from the paragraph before, or from the quotation it continues.
  Quotation attribute_one(size_t qi, const std::optional<Quotation>& previous) {
    const QuoteSpan& span = quote_spans_[qi];
    Quotation q;
    q.begin = span.begin;
    q.end = span.end;
    q.text = text_of(span.begin, span.end);
    // Trim trailing punctuation that belongs to the sentence (",").
    while (!q.text.empty() && (q.text.back() == ',' || q.text.back() == ' ')) q.text.pop_back();
    q.word_count = count_words(span.begin, span.end);
    size_t line_start = s_.rfind('\n', span.begin == 0 ? 0 : span.begin - 1);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    q.paragraph = paragraph_of(span.begin);
    size_t line_end = s_.find('\n', span.end);
    if (line_end == std::string_view::npos) line_end = s_.size();

    bool continues =
        previous && qi > 0 && quote_spans_[qi - 1].continues_next && previous->paragraph + 1 == q.paragraph;
    Speaker sp;
    if (continues) {
      q.continued = true;
      q.how = "continues";
      sp = Speaker{previous->speaker, previous->person, previous->speaker_text, true};
    }
    // Before: from the sentence start (or the previous quotation's end in
    // the same paragraph) to the opening mark.
    size_t from = std::max(sentence_start(span.begin), line_start);
    if (qi > 0 && quote_spans_[qi - 1].end > from && quote_spans_[qi - 1].end <= span.begin)
      from = quote_spans_[qi - 1].end;
    size_t wa = word_at(from), wb = word_at(span.begin);
    if (wb > wa + 60) wa = wb - 60;  // a speaker is named close to the words
    if (!sp.found) sp = speaker_before_quote(wa, wb, q);
    if (!sp.found) {
      // After: to the sentence end or the next quotation.
      size_t to = line_end;
      if (qi + 1 < quote_spans_.size() && quote_spans_[qi + 1].begin < to) to = quote_spans_[qi + 1].begin;
      sp = speaker_after(word_at(span.end), word_at(to));
      if (sp.found) q.how = "after";
    }
    if (!sp.found && wa == wb) sp = speaker_of_paragraph_opening(line_start, previous, q);
    // "Ofsted: 'Serious failings'" (headline style)
    if (!sp.found && wb > wa) {
      size_t k = span.begin;
      while (k > from && (s_[k - 1] == ' ' || s_[k - 1] == '"' || s_[k - 1] == '\'' ||
                          static_cast<unsigned char>(s_[k - 1]) >= 0x80))
        --k;
      if (k > from && s_[k - 1] == ':') {
        sp = classify(wa, wb);
        if (sp.found) q.how = "before";
      }
    }
    if (sp.found) {
      q.speaker = sp.kind;
      q.person = sp.person;
      q.speaker_text = sp.text;
      q.attributed_to = label_for(sp);
      if (sp.kind == SpeakerKind::Person) people_.candidate_only[static_cast<size_t>(sp.person)] = false;
    } else {
      q.how = "none";
    }
    return q;
  }

  // The speaker named before the quotation in words [wa, wb); "Sarah Norman
  // admitted the report highlighted '...'" also says who relayed it.
  Speaker speaker_before_quote(size_t wa, size_t wb, Quotation& q) const {
    size_t verb = 0;
    Speaker sp = speaker_before(wa, wb, &verb);
    if (!sp.found) return sp;
    q.how = "before";
    if (sp.kind == SpeakerKind::Inspectorate && verb > wa) {
      size_t v2 = 0;
      Speaker relay = speaker_before(wa, verb, &v2);
      if (relay.found && relay.kind == SpeakerKind::Person)
        q.relayed_by = out_.people[static_cast<size_t>(relay.person)].name;
    }
    return sp;
  }

  // A quotation opening its paragraph: "X said:" ends the one before, else
  // it goes on from the previous quotation's speaker.
  Speaker speaker_of_paragraph_opening(size_t line_start, const std::optional<Quotation>& previous,
                                       Quotation& q) const {
    Speaker sp;
    if (line_start > 0) {
      size_t prev_end = line_start - 1;
      size_t k = prev_end;
      while (k > 0 && s_[k - 1] == ' ') --k;
      if (k > 0 && s_[k - 1] == ':') {
        size_t prev_start = s_.rfind('\n', prev_end == 0 ? 0 : prev_end - 1);
        prev_start = prev_start == std::string_view::npos ? 0 : prev_start + 1;
        size_t pa = word_at(std::max(prev_start, sentence_start(k - 1))), pb = word_at(k);
        if (pb > pa + 60) pa = pb - 60;
        sp = speaker_before(pa, pb);
        if (!sp.found && pb > pa) sp = classify(pa, pb);  // "Ofsted's verdict:"
        if (sp.found) q.how = "previous paragraph";
      }
    }
    if (!sp.found && previous && previous->paragraph + 1 >= q.paragraph && previous->speaker != SpeakerKind::Unknown) {
      sp = Speaker{previous->speaker, previous->person, previous->speaker_text, true};
      q.how = "inherited";
    }
    return sp;
  }

  // Keep only people with a role, a title or a quotation; a capitalised pair
  // alone is too weak ("Big Top").
  void keep_attributed_people() {
    std::vector<int> remap(out_.people.size(), -1);
    std::vector<PersonMention> kept;
    for (size_t p = 0; p < out_.people.size(); ++p) {
      if (people_.candidate_only[p]) continue;
      remap[p] = static_cast<int>(kept.size());
      kept.push_back(std::move(out_.people[p]));
    }
    out_.people = std::move(kept);
    for (auto& q : out_.quotes)
      if (q.person >= 0) q.person = remap[static_cast<size_t>(q.person)];
  }

  std::string_view s_;
  std::vector<Word> words_;
  std::vector<Sentence> sentences_;
  std::vector<QuoteSpan> spans_, quote_spans_;
  std::vector<bool> quoted_;
  PeopleReading people_;  // its people are moved to out_.people
  std::vector<Entity> subjects_;
  QuotationReading out_;
};

}  // namespace

QuotationReading read_quotations(std::string_view text) { return Reader(text).run(); }

}  // namespace cscwatch::news
