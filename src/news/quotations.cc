#include "news/quotations.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace cscwatch::news {

std::string_view to_string(SpeakerKind kind) {
  switch (kind) {
    case SpeakerKind::Inspectorate: return "inspectorate";
    case SpeakerKind::Person: return "person";
    case SpeakerKind::Council: return "council";
    case SpeakerKind::Government: return "government";
    case SpeakerKind::Police: return "police";
    case SpeakerKind::Other: return "other";
    case SpeakerKind::Unknown: break;
  }
  return "unknown";
}

namespace {

bool is_alnum_byte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0xC0; }

template <size_t N>
bool in_list(std::string_view w, const std::string_view (&list)[N]) {
  for (auto x : list)
    if (w == x) return true;
  return false;
}

constexpr std::string_view kReportingVerbs[] = {
    "said",      "says",       "say",        "told",       "tells",      "added",     "adds",       "stated",
    "states",    "wrote",      "writes",     "found",      "finds",      "concluded", "concludes",  "highlighted",
    "highlights", "noted",     "notes",      "described",  "describes",  "warned",    "warns",      "acknowledged",
    "acknowledges", "admitted", "admits",    "explained",  "explains",   "commented", "criticised", "criticises",
    "blasted",   "slammed",    "called",     "calls",      "claimed",    "claims",    "insisted",   "insists",
    "reported",  "revealed",   "reveals",    "identified", "identifies", "observed",  "remarked",   "argued",
    "responded", "replied",    "spoke",      "stressed",   "emphasised", "continued", "urged",      "announced",
    "confirmed", "praised",    "cited",      "labelled",   "condemned",  "accused",   "declared",   "branded",
    "judged",    "rated",      "described",  "saying",     "adding",     "speaking",  "recognised", "recognises",
    "pointed",   "raised",     "expressed",  "welcomed",   "commenting", "stating",   "warning",    "concluding",
    "summarised", "believes",  "believed",   "feels",      "felt",       "thinks",    "vowed",      "promised",
    "pledged",   "reflected",  "conceded",   "observes",   "underlined", "suggested", "suggests"};

bool is_reporting_verb(std::string_view w) { return in_list(w, kReportingVerbs); }

// Words that open a clause: the speaker of a verb never lies before them
// ("... comes a year after a focused visit by the watchdog found").
bool is_clause_start(std::string_view w) {
  static constexpr std::string_view kWords[] = {"that", "after", "before", "since", "when", "while", "whilst",
                                                "because", "although", "though", "following", "until", "once",
                                                "whereas", "if", "but", "where", "which"};
  return in_list(w, kWords);
}

// Words that are never part of a person's name.
constexpr std::string_view kNotName[] = {
    "council", "councils", "borough", "metropolitan", "county", "city", "district", "children", "childrens",
    "child", "services", "service", "board", "safeguarding", "local", "partnership", "trust", "department",
    "education", "government", "ofsted", "police", "health", "nhs", "office", "agency", "alliance", "young",
    "people", "persons", "person", "court", "committee", "cabinet", "labour", "conservative", "conservatives",
    "tory", "tories", "liberal", "democrat", "democrats", "green", "party", "group", "independent", "reform",
    "social", "care", "report", "inspection", "inspections", "chief", "executive", "director", "leader",
    "councillor", "cllr", "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "rt", "revd", "rev",
    "hon", "mp", "bishop", "superintendent", "inspector", "inspectors", "constable", "commissioner", "minister",
    "secretary", "state", "mayor", "chair", "chairman", "chairwoman", "head", "headteacher", "teacher",
    "officer", "manager", "deputy", "assistant", "acting", "interim", "member", "portfolio", "holder",
    "spokesman", "spokeswoman", "spokesperson", "bbc", "itv", "capital", "radio", "news", "echo", "express",
    "star", "facebook", "twitter", "instagram", "published", "updated", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "the", "a", "an", "this", "that",
    "these", "those", "it", "he", "she", "they", "we", "i", "in", "on", "at", "after", "before", "however",
    "but", "and", "today", "yesterday", "follow", "send", "read", "more", "north", "south", "east", "west",
    "midlands", "northern", "southern", "eastern", "western", "central", "greater", "royal", "new", "great",
    "britain", "england", "english", "uk", "united", "kingdom", "london", "covid", "coronavirus", "christmas",
    "whilst", "while", "sector", "led", "improvement", "partner", "partners", "practice", "her", "his",
    "majestys", "family", "families", "youth", "school", "schools", "academy", "college", "university",
    "hospital", "clinical", "commissioning", "integrated", "street", "road", "house", "hall", "centre", "unit",
    "team", "act", "bill", "his", "our", "their", "its", "there", "what", "when", "where", "why", "how", "if",
    "as", "for", "from", "with", "by", "of", "to", "is", "was", "were", "are", "has", "have", "had", "will",
    "would", "also", "not", "no", "yes", "now", "then", "still", "under", "over", "since", "during", "ofsteds",
    "watchdog", "inspectorate", "hmi", "dfe", "official", "top", "live", "watch", "listen", "share", "related",
    "more", "latest", "breaking", "exclusive", "home", "sport", "weather", "business", "politics", "opinion",
    "reverend", "professor", "prof", "father", "sister", "brother", "cardinal", "archbishop", "canon", "vicar",
    "dean", "baroness", "baron", "judge", "justice", "detective", "sergeant", "sgt", "supt", "insp", "det",
    "cllrs", "councillors", "assembly", "parliament", "commons", "lords", "whitehall", "westminster",
    "association", "network", "foundation", "charity", "society", "union", "federation", "institute",
    "commission", "authority", "authorities", "county's", "national", "regional", "region", "community",
    "primary", "secondary", "ward", "town", "village", "parish", "panel", "forum", "scrutiny", "review",
    "serious", "case", "safeguarding", "adult", "adults", "mental", "public", "policy", "plan", "strategy",
    "year", "years", "month", "week", "day", "first", "second", "third", "last", "next", "every", "all",
    "some", "many", "most", "such", "other", "another", "each", "both", "either", "neither", "any"};

constexpr std::string_view kHonorifics[] = {"councillor", "cllr", "mr", "mrs", "ms", "miss", "dr", "sir", "dame",
                                            "lord", "lady", "rt", "revd", "rev", "reverend", "hon", "prof",
                                            "professor", "baroness", "baron", "bishop", "father", "canon",
                                            "supt", "superintendent", "inspector", "sergeant", "detective",
                                            "insp", "det", "sgt", "mp"};

constexpr std::string_view kRoleWords[] = {
    "chief", "executive", "director", "leader", "councillor", "cllr", "member", "head", "headteacher", "teacher",
    "bishop", "superintendent", "inspector", "commissioner", "minister", "secretary", "chair", "chairman",
    "chairwoman", "chairperson", "spokesperson", "spokesman", "spokeswoman", "officer", "manager", "mayor", "mp",
    "representative", "president", "deputy", "lead", "holder", "boss", "adviser", "advisor", "governor",
    "principal", "constable", "detective", "vicar", "reverend", "dean", "archbishop", "professor", "founder",
    "ceo", "dcs", "cabinet", "coordinator", "campaigner", "mother", "father", "parent", "solicitor", "barrister",
    "judge", "coroner", "editor", "correspondent", "reporter", "trustee", "nurse", "doctor", "officer",
    "lawyer", "researcher", "expert", "founder", "owner", "grandmother", "grandfather", "councillors"};

bool is_role_word(std::string_view w) { return in_list(w, kRoleWords); }

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

// Inspectorate, government, police and council nouns (lower case words).
SpeakerKind noun_kind(const std::vector<Word>& w, size_t i) {
  const std::string& n = w[i].norm;
  auto next = [&](size_t k) -> std::string_view { return i + k < w.size() ? std::string_view(w[i + k].norm) : ""; };
  if (n == "ofsted" || n == "ofsteds" || n == "inspectors" || n == "inspectorate" || n == "watchdog" ||
      n == "watchdogs" || n == "hmi" || n == "report" || n == "inspection" || n == "inspectors" ||
      (n == "focused" && next(1) == "visit") || (n == "monitoring" && next(1) == "visit") || n == "letter")
    return SpeakerKind::Inspectorate;
  if (n == "dfe" || n == "government" || n == "governments" || n == "minister" || n == "ministers" ||
      (n == "department" && next(1) == "for" && next(2) == "education") || n == "whitehall" ||
      (n == "secretary" && next(1) == "of" && next(2) == "state") || (n == "education" && next(1) == "secretary"))
    return SpeakerKind::Government;
  if (n == "police" || n == "constabulary" || n == "superintendent") return SpeakerKind::Police;
  if (n == "council" || n == "councils" || n == "councillor" || n == "councillors" || n == "cllr" ||
      n == "authority" || n == "authoritys" || n == "mayor")
    return SpeakerKind::Council;
  if (n == "bishop" || n == "nspcc" || n == "charity" || n == "union" || n == "mp" || n == "mps" ||
      n == "campaigners" || n == "campaigner")
    return SpeakerKind::Other;
  return SpeakerKind::Unknown;
}

}  // namespace

SpeakerKind organisation_kind(const std::vector<Word>& words, size_t from, size_t to) {
  for (size_t i = from; i < to && i < words.size(); ++i) {
    // "the council's spokesperson", "an Ofsted spokesman": the owner decides.
    SpeakerKind k = noun_kind(words, i);
    if (k == SpeakerKind::Inspectorate && words[i].norm == "letter") continue;
    if (k != SpeakerKind::Unknown) return k;
  }
  return SpeakerKind::Unknown;
}

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
    find_people();
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

  // Only spaces between two words (no punctuation, no line break)?
  bool adjacent(size_t a, size_t b) const {
    for (size_t p = words_[a].end; p < words_[b].begin; ++p)
      if (s_[p] != ' ') return false;
    return true;
  }

  bool name_token(size_t i) const {
    const Word& w = words_[i];
    return w.capitalised && !w.all_caps && w.norm.size() >= 2 && !in_list(w.base, kNotName) &&
           !in_list(w.norm, kNotName) && !std::isdigit(static_cast<unsigned char>(w.norm[0]));
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
      if (is_reporting_verb(n) || n == "by" || n == "to" || n == "and" || n == "with" || n == "from" ||
          n == "said" || n == "says" || n == "that" || n == "as")
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
          if (s_[q + 1] == '\x80' && s_[q + 2] == '\x99') { q += 3; continue; }
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
    person_at_.push_back({pos, person});
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
      bool honorific_before = k > i && in_list(words_[k - 1].norm, kHonorifics);
      if (len >= 2 || (len == 1 && honorific_before)) {
        std::string name = text_of(words_[k].begin, words_[j - 1].end);
        // Strip a possessive from the last name word.
        if (words_[j - 1].base != words_[j - 1].norm) {
          size_t cut = name.rfind('\'');
          if (cut == std::string::npos) cut = name.rfind("\xE2\x80\x99");
          if (cut != std::string::npos) name = name.substr(0, cut);
        }
        std::string title;
        size_t t = k;
        while (t > i && in_list(words_[t - 1].norm, kHonorifics)) --t;
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
        if (out_.people.size() >= 300) {
          i = j;
          continue;
        }
        if (len == 1) {
          int p = find_person(words_[k].base);
          if (p < 0) {
            out_.people.push_back(PersonMention{name, role, title, {}});
            p = static_cast<int>(out_.people.size() - 1);
            candidate_only_.push_back(false);
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
            candidate_only_.push_back(true);
          }
          auto& person = out_.people[static_cast<size_t>(p)];
          if (person.role.empty()) person.role = role;
          if (person.title.empty()) person.title = title;
          if (!role.empty() || !title.empty()) candidate_only_[static_cast<size_t>(p)] = false;
          add_mention(p, words_[k].begin);
        }
      }
      i = j;
    }
  }

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
    auto first = std::lower_bound(person_at_.begin(), person_at_.end(), b,
                                  [](const std::pair<size_t, int>& x, size_t p) { return x.first < p; });
    int any = -1;
    for (auto it = first; it != person_at_.end() && it->first < e; ++it) {
      if (!candidate_only_[static_cast<size_t>(it->second)]) return it->second;
      if (any < 0) any = it->second;
    }
    return any;
  }

  // person_at_ and subjects_ are in text order.
  int last_person_before(size_t pos) const {
    auto it = std::lower_bound(person_at_.begin(), person_at_.end(), pos,
                               [](const std::pair<size_t, int>& x, size_t p) { return x.first < p; });
    return it == person_at_.begin() ? -1 : std::prev(it)->second;
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

      bool continues = previous && qi > 0 && quote_spans_[qi - 1].continues_next &&
                       previous->paragraph + 1 == q.paragraph;
      Speaker sp;
      if (continues) {
        q.continued = true;
        q.how = "continues";
        sp.kind = previous->speaker;
        sp.person = previous->person;
        sp.text = previous->speaker_text;
        sp.found = true;
      }
      // Before: from the sentence start (or the previous quotation's end in
      // the same paragraph) to the opening mark.
      size_t from = std::max(sentence_start(span.begin), line_start);
      if (qi > 0 && quote_spans_[qi - 1].end > from && quote_spans_[qi - 1].end <= span.begin)
        from = quote_spans_[qi - 1].end;
      size_t wa = word_at(from), wb = word_at(span.begin);
      if (wb > wa + 60) wa = wb - 60;  // a speaker is named close to the words
      size_t verb = 0;
      if (!sp.found) {
        sp = speaker_before(wa, wb, &verb);
        if (sp.found) {
          q.how = "before";
          // "Sarah Norman admitted the report highlighted '...'": who relayed it.
          if (sp.kind == SpeakerKind::Inspectorate && verb > wa) {
            size_t v2 = 0;
            Speaker relay = speaker_before(wa, verb, &v2);
            if (relay.found && relay.kind == SpeakerKind::Person)
              q.relayed_by = out_.people[static_cast<size_t>(relay.person)].name;
          }
        }
      }
      if (!sp.found) {
        // After: to the sentence end or the next quotation.
        size_t to = line_end;
        if (qi + 1 < quote_spans_.size() && quote_spans_[qi + 1].begin < to) to = quote_spans_[qi + 1].begin;
        sp = speaker_after(word_at(span.end), word_at(to));
        if (sp.found) q.how = "after";
      }
      if (!sp.found && wa == wb) {
        // The quotation opens its paragraph: "X said:" ends the one before.
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
        if (!sp.found && previous && previous->paragraph + 1 >= q.paragraph &&
            previous->speaker != SpeakerKind::Unknown) {
          sp.kind = previous->speaker;
          sp.person = previous->person;
          sp.text = previous->speaker_text;
          sp.found = true;
          q.how = "inherited";
        }
      }
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
        if (sp.kind == SpeakerKind::Person) candidate_only_[static_cast<size_t>(sp.person)] = false;
      } else {
        q.how = "none";
      }
      previous = q;
      out_.quotes.push_back(std::move(q));
    }
    // Keep only people with a role, a title or a quotation; a capitalised pair
    // alone is too weak ("Big Top").
    std::vector<int> remap(out_.people.size(), -1);
    std::vector<PersonMention> kept;
    for (size_t p = 0; p < out_.people.size(); ++p) {
      if (candidate_only_[p]) continue;
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
  std::vector<std::pair<size_t, int>> person_at_;
  std::vector<bool> candidate_only_;
  std::vector<Entity> subjects_;
  QuotationReading out_;
};

}  // namespace

QuotationReading read_quotations(std::string_view text) { return Reader(text).run(); }

}  // namespace cscwatch::news
