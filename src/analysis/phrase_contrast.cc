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

std::string phrase_text(const Vocabulary& v, uint64_t key) {
  std::string out;
  for (int k = 0; k < 3; ++k) {
    const uint32_t id = static_cast<uint32_t>((key >> (k * kIdBits)) & kMaxWords);
    if (id == 0) break;
    if (!out.empty()) out += ' ';
    out += v.words[id];
  }
  return out;
}

}  // namespace

LogOdds log_odds(double y_a, double n_a, double y_b, double n_b, double alpha, double alpha0) {
  LogOdds r;
  r.delta = std::log((y_a + alpha) / (n_a + alpha0 - y_a - alpha)) - std::log((y_b + alpha) / (n_b + alpha0 - y_b - alpha));
  const double var = 1.0 / (y_a + alpha) + 1.0 / (y_b + alpha);
  r.z = r.delta / std::sqrt(var);
  return r;
}

PhraseContrast compute_phrase_contrast(const Connection& db, const std::string& framework, int top) {
  PhraseContrast out;
  out.framework = framework;
  InspectionFilter filter;
  filter.graded_only = true;
  Vocabulary vocab;
  std::vector<Report> reports;
  auto pages = db.prepare("SELECT text FROM pages WHERE document_id = ? ORDER BY number");
  for (const InspectionRow& row : query_inspections(db, filter)) {
    if (!framework.empty() && row.framework != framework) continue;
    const int cls = report_class(row);
    if (cls < 0) continue;
    (cls == kInadequate ? out.reports_inadequate : cls == kGood ? out.reports_good : out.reports_other)++;
    // The report's own names: the authority (as listed and as printed) and its lead inspector(s).
    std::unordered_set<std::string> own_names;
    for (const std::string* s : {&row.authority_name, &row.authority_printed, &row.lead_inspector})
      for (const TextToken& t : text_tokens(*s))
        if (!is_stop_word(t.word)) own_names.insert(t.word);
    Report report;
    report.cls = cls;
    pages.reset();
    pages.bind(1, row.document_id);
    bool pending_break = true;
    while (pages.step()) {
      pending_break = true;  // a phrase never runs over a page break
      for (const TextToken& t : text_tokens(pages.text(0))) {
        if (t.phrase_break) pending_break = true;
        if (own_names.count(t.word) || t.word.size() < 2 || vocab.words.size() >= kMaxWords) {
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
    reports.push_back(std::move(report));
  }

  // Which words may be part of a phrase: not proper names (see the header).
  std::vector<char> usable(vocab.words.size(), 1), stop(vocab.words.size(), 0);
  for (size_t id = 1; id < vocab.words.size(); ++id) {
    stop[id] = is_stop_word(vocab.words[id]);
    const uint32_t mid = vocab.mid_uses[id];
    const bool acronym = vocab.mid_all_caps[id] * 2 > mid;
    if (mid >= 3 && !acronym && vocab.mid_capitalised[id] * 10 >= mid * 9) usable[id] = 0;
  }

  // Phrase counts per report, then over the corpus.
  std::vector<Entry> entries;
  long long totals[3][4] = {};  // [class][n]: n-word phrases counted
  for (const Report& r : reports) {
    std::vector<uint64_t> keys;
    const auto& w = r.words;
    for (size_t i = 0; i < w.size(); ++i) {
      uint64_t key = 0;
      for (size_t n = 1; n <= 3 && i + n <= w.size(); ++n) {
        const uint32_t word = w[i + n - 1];
        if (n > 1 && (word & kBreakBit)) break;
        const uint32_t id = word & ~kBreakBit;
        if (!usable[id]) break;
        key |= static_cast<uint64_t>(id) << ((n - 1) * kIdBits);
        if (stop[w[i] & ~kBreakBit] || stop[id]) continue;
        keys.push_back(key);
        ++totals[r.cls][n];
      }
    }
    std::sort(keys.begin(), keys.end());
    for (size_t i = 0; i < keys.size();) {
      size_t j = i;
      while (j < keys.size() && keys[j] == keys[i]) ++j;
      entries.push_back({keys[i], static_cast<uint32_t>(j - i), r.cls});
      i = j;
    }
  }
  for (int n = 1; n <= 3; ++n) {
    out.totals_inadequate[n] = totals[kInadequate][n];
    out.totals_good[n] = totals[kGood][n];
    out.totals_all[n] = totals[kInadequate][n] + totals[kGood][n] + totals[kOther][n];
  }
  out.words_inadequate = totals[kInadequate][1];
  out.words_good = totals[kGood][1];
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.key < b.key; });

  // The grades' own names ("inadequate", "requires improvement", "good")
  // say which class a report is in, not what it found: a phrase of nothing
  // but grade words is left out.
  std::vector<char> grade_word(vocab.words.size(), 0);
  for (std::string_view g : {"outstanding", "good", "requires", "improvement", "inadequate", "adequate", "to", "be"})
    if (auto it = vocab.ids.find(std::string(g)); it != vocab.ids.end()) grade_word[it->second] = 1;
  auto only_grade_words = [&](uint64_t key) {
    for (int k = 0; k < 3; ++k) {
      const uint32_t id = static_cast<uint32_t>((key >> (k * kIdBits)) & kMaxWords);
      if (id != 0 && !grade_word[id]) return false;
    }
    return true;
  };
  auto words_in = [](uint64_t key) {
    int n = 0;
    for (int k = 0; k < 3; ++k)
      if ((key >> (k * kIdBits)) & kMaxWords) ++n;
    return n;
  };
  std::vector<PhraseScore> scored;
  for (size_t i = 0; i < entries.size();) {
    long long y[3] = {};
    int docs[3] = {};
    size_t j = i;
    for (; j < entries.size() && entries[j].key == entries[i].key; ++j) {
      y[entries[j].cls] += entries[j].count;
      ++docs[entries[j].cls];
    }
    const uint64_t key = entries[i].key;
    i = j;
    if (docs[0] + docs[1] + docs[2] < kMinPhraseReports || docs[0] + docs[1] == 0) continue;
    const int n = words_in(key);
    if (only_grade_words(key)) continue;
    const double alpha = static_cast<double>(y[0] + y[1] + y[2]);
    const double alpha0 = static_cast<double>(totals[0][n] + totals[1][n] + totals[2][n]);
    const LogOdds lo = log_odds(static_cast<double>(y[0]), static_cast<double>(totals[0][n]), static_cast<double>(y[1]),
                                static_cast<double>(totals[1][n]), alpha, alpha0);
    ++out.phrases_scored;
    PhraseScore s;
    s.words = n;
    s.delta = lo.delta;
    s.z = lo.z;
    s.count_inadequate = y[0];
    s.count_good = y[1];
    s.count_all = y[0] + y[1] + y[2];
    s.reports_inadequate = docs[0];
    s.reports_good = docs[1];
    scored.push_back(s);
    scored.back().phrase = phrase_text(vocab, key);
  }
  const size_t keep = static_cast<size_t>(std::max(0, top));
  auto take = [&](std::vector<PhraseScore>& dest, auto better) {
    std::vector<PhraseScore> sorted = scored;
    const size_t k = std::min(keep, sorted.size());
    std::partial_sort(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(k), sorted.end(), better);
    sorted.resize(k);
    dest = std::move(sorted);
  };
  take(out.inadequate_markers, [](const PhraseScore& a, const PhraseScore& b) { return a.z > b.z; });
  take(out.good_markers, [](const PhraseScore& a, const PhraseScore& b) { return a.z < b.z; });
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
