#include "analysis/phrase_contrast.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "analysis/national_register.h"
#include "analysis/register_fingerprint.h"
#include "analysis/text_terms.h"
#include "store/inspection_rows.h"

namespace cscwatch {

namespace {

// Classes of report.
enum : int { kInadequate = 0, kGood = 1, kOther = 2 };

int report_class(const InspectionRow& row) {
  const std::string g = counted_grade(row).grade;
  if (g == "inadequate") return kInadequate;
  if (g == "good" || g == "outstanding") return kGood;
  if (g.empty()) return -1;
  return kOther;  // requires improvement, adequate: the prior only
}

// Word ids are packed three to a key, 21 bits each (id 0: no word).
constexpr int kIdBits = 21;
constexpr uint32_t kMaxWords = (1u << kIdBits) - 1;

struct Vocabulary {
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::string> words{""};
  // Mid-sentence uses, and how many of those were capitalised / all capitals.
  std::vector<uint32_t> mid_uses{0}, mid_capitalised{0}, mid_all_caps{0};

  uint32_t id(const std::string& w) {
    auto [it, added] = ids.try_emplace(w, static_cast<uint32_t>(words.size()));
    if (added) {
      words.push_back(w);
      mid_uses.push_back(0);
      mid_capitalised.push_back(0);
      mid_all_caps.push_back(0);
    }
    return it->second;
  }
};

// A report's words as ids; kBreak marks where a phrase may not run on.
constexpr uint32_t kBreakBit = 1u << 31;

struct Report {
  int cls = kOther;
  std::vector<uint32_t> words;
};

struct Entry {
  uint64_t key;
  uint32_t count;
  int cls;
};

// The k-th word id of a phrase key (0: none).
uint32_t id_at(uint64_t key, int k) {
  return static_cast<uint32_t>((key >> (k * kIdBits)) & kMaxWords);
}

std::string phrase_text(const Vocabulary& v, uint64_t key) {
  std::string out;
  for (int k = 0; k < 3; ++k) {
    const uint32_t id = id_at(key, k);
    if (id == 0) break;
    if (!out.empty()) out += ' ';
    out += v.words[id];
  }
  return out;
}

int words_in(uint64_t key) {
  int n = 0;
  for (int k = 0; k < 3; ++k)
    if (id_at(key, k)) ++n;
  return n;
}

// The report's own names: the authority (as listed and as printed) and its lead inspector(s).
std::unordered_set<std::string> own_names(const InspectionRow& row) {
  std::unordered_set<std::string> names;
  for (const std::string* s : {&row.authority_name, &row.authority_printed, &row.lead_inspector})
    for (const TextToken& t : text_tokens(*s))
      if (!is_stop_word(t.word)) names.insert(t.word);
  return names;
}

// One report's words as ids, pages in order, adding to the vocabulary and its
// mid-sentence capitalisation counts.
Report read_report(Statement& pages, const InspectionRow& row, int cls, Vocabulary& vocab) {
  const std::unordered_set<std::string> names = own_names(row);
  Report report;
  report.cls = cls;
  pages.reset();
  pages.bind(1, row.document_id);
  bool pending_break = true;
  while (pages.step()) {
    pending_break = true;  // a phrase never runs over a page break
    for (const TextToken& t : text_tokens(pages.text(0))) {
      if (t.phrase_break) pending_break = true;
      if (names.count(t.word) || t.word.size() < 2 || vocab.words.size() >= kMaxWords) {
        pending_break = true;
        continue;
      }
      const uint32_t id = vocab.id(t.word);
      if (!pending_break) {
        ++vocab.mid_uses[id];
        if (t.capitalised) ++vocab.mid_capitalised[id];
        if (t.all_caps) ++vocab.mid_all_caps[id];
      }
      report.words.push_back(id | (pending_break ? kBreakBit : 0));
      pending_break = false;
    }
  }
  return report;
}

// Every graded report of the framework, its class counted into `out`.
std::vector<Report> read_reports(const Connection& db, const std::string& framework, Vocabulary& vocab,
                                 PhraseContrast& out) {
  InspectionFilter filter;
  filter.graded_only = true;
  std::vector<Report> reports;
  auto pages = db.prepare("SELECT text FROM pages WHERE document_id = ? ORDER BY number");
  for (const InspectionRow& row : query_inspections(db, filter)) {
    if (!framework.empty() && row.framework != framework) continue;
    const int cls = report_class(row);
    if (cls < 0) continue;
    (cls == kInadequate ? out.reports_inadequate : cls == kGood ? out.reports_good : out.reports_other)++;
    reports.push_back(read_report(pages, row, cls, vocab));
  }
  return reports;
}

// Which words may be part of a phrase (not proper names; see the header), and
// which are stop-words a phrase may not start or end with.
struct WordRoles {
  std::vector<char> usable, stop;
};

WordRoles word_roles(const Vocabulary& vocab) {
  WordRoles roles{std::vector<char>(vocab.words.size(), 1), std::vector<char>(vocab.words.size(), 0)};
  for (size_t id = 1; id < vocab.words.size(); ++id) {
    roles.stop[id] = is_stop_word(vocab.words[id]);
    const uint32_t mid = vocab.mid_uses[id];
    const bool acronym = vocab.mid_all_caps[id] * 2 > mid;
    if (mid >= 3 && !acronym && vocab.mid_capitalised[id] * 10 >= mid * 9) roles.usable[id] = 0;
  }
  return roles;
}

struct PhraseCounts {
  std::vector<Entry> entries;   // (phrase, report class) counts, one per report using it, by key
  long long totals[3][4] = {};  // [class][n]: n-word phrases counted
};

// The phrase keys starting at each word of the report, counted into totals.
std::vector<uint64_t> report_phrases(const Report& r, const WordRoles& roles, long long (&totals)[3][4]) {
  std::vector<uint64_t> keys;
  const auto& w = r.words;
  for (size_t i = 0; i < w.size(); ++i) {
    uint64_t key = 0;
    for (size_t n = 1; n <= 3 && i + n <= w.size(); ++n) {
      const uint32_t word = w[i + n - 1];
      if (n > 1 && (word & kBreakBit)) break;
      const uint32_t id = word & ~kBreakBit;
      if (!roles.usable[id]) break;
      key |= static_cast<uint64_t>(id) << ((n - 1) * kIdBits);
      if (roles.stop[w[i] & ~kBreakBit] || roles.stop[id]) continue;
      keys.push_back(key);
      ++totals[r.cls][n];
    }
  }
  return keys;
}

// Phrase counts per report, then over the corpus.
PhraseCounts count_phrases(const std::vector<Report>& reports, const WordRoles& roles) {
  PhraseCounts counts;
  for (const Report& r : reports) {
    std::vector<uint64_t> keys = report_phrases(r, roles, counts.totals);
    std::sort(keys.begin(), keys.end());
    for (size_t i = 0; i < keys.size();) {
      size_t j = i;
      while (j < keys.size() && keys[j] == keys[i]) ++j;
      counts.entries.push_back({keys[i], static_cast<uint32_t>(j - i), r.cls});
      i = j;
    }
  }
  std::sort(counts.entries.begin(), counts.entries.end(), [](const Entry& a, const Entry& b) { return a.key < b.key; });
  return counts;
}

// The grades' own names ("inadequate", "requires improvement", "good")
// say which class a report is in, not what it found: a phrase of nothing
// but grade words is left out.
class GradeWords {
 public:
  explicit GradeWords(const Vocabulary& vocab) : grade_word_(vocab.words.size(), 0) {
    for (std::string_view g : {"outstanding", "good", "requires", "improvement", "inadequate", "adequate", "to", "be"})
      if (auto it = vocab.ids.find(std::string(g)); it != vocab.ids.end()) grade_word_[it->second] = 1;
  }
  bool only_grade_words(uint64_t key) const {
    for (int k = 0; k < 3; ++k)
      if (const uint32_t id = id_at(key, k); id != 0 && !grade_word_[id]) return false;
    return true;
  }

 private:
  std::vector<char> grade_word_;
};

// One phrase's counts summed over the reports using it, by class.
struct PhraseTally {
  long long y[3] = {};
  int docs[3] = {};
};

PhraseScore score_phrase(uint64_t key, const PhraseTally& t, const long long (&totals)[3][4]) {
  const int n = words_in(key);
  const double alpha = static_cast<double>(t.y[0] + t.y[1] + t.y[2]);
  const double alpha0 = static_cast<double>(totals[0][n] + totals[1][n] + totals[2][n]);
  const LogOdds lo = log_odds(static_cast<double>(t.y[0]), static_cast<double>(totals[0][n]),
                              static_cast<double>(t.y[1]), static_cast<double>(totals[1][n]), alpha, alpha0);
  PhraseScore s;
  s.words = n;
  s.delta = lo.delta;
  s.z = lo.z;
  s.count_inadequate = t.y[0];
  s.count_good = t.y[1];
  s.count_all = t.y[0] + t.y[1] + t.y[2];
  s.reports_inadequate = t.docs[0];
  s.reports_good = t.docs[1];
  return s;
}

// Every phrase in enough reports, one of them inadequate or good, and not
// only grade words, scored.
std::vector<PhraseScore> score_phrases(const PhraseCounts& counts, const Vocabulary& vocab) {
  const GradeWords grade_words(vocab);
  const auto& entries = counts.entries;
  std::vector<PhraseScore> scored;
  for (size_t i = 0; i < entries.size();) {
    PhraseTally t;
    size_t j = i;
    for (; j < entries.size() && entries[j].key == entries[i].key; ++j) {
      t.y[entries[j].cls] += entries[j].count;
      ++t.docs[entries[j].cls];
    }
    const uint64_t key = entries[i].key;
    i = j;
    if (t.docs[0] + t.docs[1] + t.docs[2] < kMinPhraseReports || t.docs[0] + t.docs[1] == 0) continue;
    if (grade_words.only_grade_words(key)) continue;
    scored.push_back(score_phrase(key, t, counts.totals));
    scored.back().phrase = phrase_text(vocab, key);
  }
  return scored;
}

template <typename Better>
std::vector<PhraseScore> top_phrases(const std::vector<PhraseScore>& scored, int top, Better better) {
  std::vector<PhraseScore> sorted = scored;
  const size_t k = std::min(static_cast<size_t>(std::max(0, top)), sorted.size());
  std::partial_sort(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(k), sorted.end(), better);
  sorted.resize(k);
  return sorted;
}

}  // namespace

LogOdds log_odds(double y_a, double n_a, double y_b, double n_b, double alpha, double alpha0) {
  LogOdds r;
  r.delta =
      std::log((y_a + alpha) / (n_a + alpha0 - y_a - alpha)) - std::log((y_b + alpha) / (n_b + alpha0 - y_b - alpha));
  const double var = 1.0 / (y_a + alpha) + 1.0 / (y_b + alpha);
  r.z = r.delta / std::sqrt(var);
  return r;
}

PhraseContrast compute_phrase_contrast(const Connection& db, const std::string& framework, int top) {
  PhraseContrast out;
  out.framework = framework;
  Vocabulary vocab;
  const std::vector<Report> reports = read_reports(db, framework, vocab, out);
  const PhraseCounts counts = count_phrases(reports, word_roles(vocab));
  for (int n = 1; n <= 3; ++n) {
    out.totals_inadequate[n] = counts.totals[kInadequate][n];
    out.totals_good[n] = counts.totals[kGood][n];
    out.totals_all[n] = counts.totals[kInadequate][n] + counts.totals[kGood][n] + counts.totals[kOther][n];
  }
  out.words_inadequate = counts.totals[kInadequate][1];
  out.words_good = counts.totals[kGood][1];

  const std::vector<PhraseScore> scored = score_phrases(counts, vocab);
  out.phrases_scored = static_cast<long long>(scored.size());
  out.inadequate_markers =
      top_phrases(scored, top, [](const PhraseScore& a, const PhraseScore& b) { return a.z > b.z; });
  out.good_markers = top_phrases(scored, top, [](const PhraseScore& a, const PhraseScore& b) { return a.z < b.z; });
  // Only phrases on their own side.
  std::erase_if(out.inadequate_markers, [](const PhraseScore& s) { return s.z <= 0; });
  std::erase_if(out.good_markers, [](const PhraseScore& s) { return s.z >= 0; });
  return out;
}

std::shared_ptr<const PhraseContrast> phrase_contrast(const Connection& db, const std::string& framework) {
  static std::mutex mutex;
  static std::map<std::string, std::pair<std::string, std::shared_ptr<const PhraseContrast>>> memo;
  const std::string stamp = register_fingerprint(db);
  std::lock_guard lock(mutex);
  auto& slot = memo[framework];
  if (!slot.second || slot.first != stamp)
    slot = {stamp, std::make_shared<const PhraseContrast>(compute_phrase_contrast(db, framework, kPhraseContrastTop))};
  return slot.second;
}

}  // namespace cscwatch
