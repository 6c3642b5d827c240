#include "analysis/weakness_persistence.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <unordered_map>

#include "analysis/register_fingerprint.h"
#include "analysis/text_terms.h"

namespace cscwatch {

namespace {

// The subjects points are grouped by, each with the words (or phrases) that
// name it; matched on stems, so "assessments" finds "assessment".
struct ThemeWords {
  const char* name;
  std::vector<const char*> words;
};
const std::vector<ThemeWords>& theme_words() {
  static const std::vector<ThemeWords> themes = {
      {"Management oversight and supervision", {"supervision", "oversight", "supervisory", "managers", "management"}},
      {"Assessment", {"assessment", "assessments", "assessed"}},
      {"Plans and planning", {"plan", "plans", "planning"}},
      {"Care leavers and pathway plans", {"care leavers", "care leaver", "pathway", "leaving care"}},
      {"Child protection and strategy meetings", {"child protection", "strategy", "section 47", "enquiries"}},
      {"Front door, thresholds and early help", {"threshold", "thresholds", "front door", "referrals", "contacts", "early help", "MASH"}},
      {"Quality assurance and audit", {"audit", "audits", "quality assurance"}},
      {"Performance information and data", {"performance", "data", "information"}},
      {"Workforce and caseloads", {"caseloads", "caseload", "workforce", "recruitment", "retention", "social workers", "staff"}},
      {"Placements and sufficiency", {"placement", "placements", "sufficiency", "foster", "fostering", "carers"}},
      {"Permanence and adoption", {"permanence", "adoption", "special guardianship"}},
      {"Health", {"health", "emotional", "mental health"}},
      {"Education", {"education", "school", "schools", "virtual school"}},
      {"Missing children and exploitation", {"missing", "exploitation", "return home", "CSE", "sexual exploitation"}},
      {"Children's voice and participation", {"voice", "wishes", "feelings", "participation", "views"}},
      {"Independent reviewing officers and chairs", {"independent reviewing", "IRO", "IROs", "chairs"}},
      {"Disabled children", {"disabled", "disability", "disabilities"}},
      {"Private fostering", {"private fostering", "privately fostered"}},
      {"Neglect and domestic abuse", {"neglect", "domestic abuse", "domestic violence"}},
      {"Partnerships and the LSCB", {"partners", "partnership", "partnerships", "LSCB", "board", "multi-agency"}},
      {"Pre-proceedings and legal planning", {"pre-proceedings", "proceedings", "public law outline", "PLO", "legal"}},
      {"Homeless 16- and 17-year-olds", {"homeless", "homelessness"}},
      {"Timeliness and drift", {"delay", "delays", "drift", "timely", "timeliness", "timescales"}},
      {"Recording and case records", {"recording", "records", "chronologies", "chronology"}},
  };
  return themes;
}

// Words of a report's cross-references ("(Page 14, paragraph 42)"), not of
// what it asks for.
bool is_reference_word(std::string_view w) { return w == "page" || w == "pages" || w == "paragraph" || w == "paragraphs"; }

std::vector<std::string> stems_of(std::string_view text) {
  std::vector<std::string> out;
  for (const TextToken& t : text_tokens(text)) {
    if (is_stop_word(t.word) || t.word.size() < 2 || is_reference_word(t.word)) continue;
    out.push_back(stem(t.word));
  }
  return out;
}

// Stems interned as numbers; a vector is sorted (term, weight), unit length.
using TermVector = std::vector<std::pair<int, double>>;

// Inverse document frequencies of stems over every improvement point in the
// register: computed once per register state and shared (read-only).
struct IdfTable {
  std::unordered_map<std::string, double> idf;
  int documents = 0;
  // Without the usual +1, a word nearly every point uses ("ensure") weighs
  // nearly nothing, so two points do not match on how they are phrased.
  double weight_for(int df) const { return std::log((documents + 1.0) / (df + 1.0)); }
};

std::shared_ptr<const IdfTable> idf_table(const Connection& db) {
  static std::mutex mutex;
  static std::pair<std::string, std::shared_ptr<const IdfTable>> memo;
  const std::string stamp = register_fingerprint(db);
  std::lock_guard lock(mutex);
  if (memo.second && memo.first == stamp) return memo.second;
  auto table = std::make_shared<IdfTable>();
  std::unordered_map<std::string, int> df;
  auto q = db.prepare("SELECT text FROM improvement_points");
  while (q.step()) {
    ++table->documents;
    std::vector<std::string> terms = stems_of(q.text(0));
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    for (const auto& t : terms) ++df[t];
  }
  for (const auto& [t, n] : df) table->idf[t] = table->weight_for(n);
  memo = {stamp, table};
  return table;
}

// Vectors of one computation: stems interned as numbers, each vector sorted
// (term, weight) and of unit length.
class TfIdf {
 public:
  explicit TfIdf(const Connection& db) : table_(idf_table(db)) {}

  TermVector vector(std::string_view text) {
    std::map<int, double> tf;
    for (const std::string& s : stems_of(text)) tf[intern(s)] += 1;
    TermVector v;
    double norm = 0;
    for (auto [t, n] : tf) {
      const double w = n * weights_[static_cast<size_t>(t)];
      v.push_back({t, w});
      norm += w * w;
    }
    if (norm > 0)
      for (auto& p : v) p.second /= std::sqrt(norm);
    return v;
  }

 private:
  int intern(const std::string& s) {
    auto [it, added] = ids_.try_emplace(s, static_cast<int>(ids_.size()));
    if (added) {
      // A stem no improvement point uses is as rare as can be.
      auto found = table_->idf.find(s);
      weights_.push_back(found != table_->idf.end() ? found->second : table_->weight_for(0));
    }
    return it->second;
  }

  std::shared_ptr<const IdfTable> table_;
  std::unordered_map<std::string, int> ids_;
  std::vector<double> weights_;
};

double cosine(const TermVector& a, const TermVector& b) {
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) ++i;
    else if (b[j].first < a[i].first) ++j;
    else dot += a[i++].second * b[j++].second;
  }
  return dot;
}

struct Passage {
  std::string text;
  int page = 0;
  TermVector vector;
};

// The sentences of a report's pages: ended by . ? ! before a space or line
// break, or by a bullet; a blank line ends one only after a colon or once it
// is long (report text breaks lines inside sentences, sometimes with blank
// lines between them). Spaces collapsed; at least eight words.
// The length of the bullet glyph at t[i], or 0.
size_t bullet_at(const std::string& t, size_t i) {
  for (std::string_view b : {"\xEF\x82\xB7", "\xE2\x80\xA2", "\xE2\x97\x8F", "\xE2\x96\xAA", "\xE2\x96\xA0", "\xE2\x97\xBC"})
    if (t.compare(i, b.size(), b) == 0) return b.size();
  return 0;
}

std::vector<Passage> passages(const Connection& db, int64_t document_id, TfIdf& tfidf) {
  std::vector<Passage> out;
  auto q = db.prepare("SELECT number, text FROM pages WHERE document_id = ? ORDER BY number");
  q.bind(1, document_id);
  while (q.step()) {
    const int page = static_cast<int>(q.integer(0));
    const std::string text = q.text(1);
    std::string current;
    auto flush = [&] {
      while (!current.empty() && current.back() == ' ') current.pop_back();
      const size_t words = static_cast<size_t>(std::count(current.begin(), current.end(), ' ')) + 1;
      if (words >= 8 && current.size() <= 3000) out.push_back({current, page, tfidf.vector(current)});
      current.clear();
    };
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (const size_t bullet = bullet_at(text, i)) {
        flush();
        i += bullet - 1;
        continue;
      }
      if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
        if (c == '\n') {
          size_t j = i + 1;
          while (j < text.size() && (text[j] == ' ' || text[j] == '\r' || text[j] == '\t')) ++j;
          if (j < text.size() && text[j] == '\n' && (current.size() > 600 || (!current.empty() && current.back() == ':'))) {
            flush();
            i = j;
            continue;
          }
        }
        if (!current.empty() && current.back() != ' ') current += ' ';
        continue;
      }
      current += c;
      if ((c == '.' || c == '?' || c == '!') && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n')) flush();
    }
    flush();
  }
  return out;
}

bool is_graded_report(const InspectionRow& r) {
  return !r.judgements.empty() &&
         (r.kind == "sif_report" || r.kind == "ilacs_report" || r.kind == "looked_after_children_report");
}

std::vector<InspectionPairMatches> match_pairs(const Connection& db, const std::vector<InspectionRow>& rows, TfIdf& tfidf) {
  std::vector<const InspectionRow*> graded;
  for (const auto& r : rows)
    if (is_graded_report(r)) graded.push_back(&r);
  std::vector<InspectionPairMatches> out;
  for (size_t i = 0; i + 1 < graded.size(); ++i) {
    const InspectionRow& earlier = *graded[i];
    const InspectionRow& later = *graded[i + 1];
    std::vector<ImprovementPointRow> points = query_improvement_points(db, earlier.inspection_id);
    if (points.empty()) continue;
    const std::vector<ImprovementPointRow> next_points = query_improvement_points(db, later.inspection_id);
    std::vector<TermVector> next_vectors;
    for (const auto& p : next_points) next_vectors.push_back(tfidf.vector(p.text));
    const std::vector<Passage> text = passages(db, later.document_id, tfidf);
    InspectionPairMatches pair;
    pair.earlier = earlier;
    pair.later = later;
    for (auto& p : points) {
      PointMatch m;
      const TermVector v = tfidf.vector(p.text);
      for (size_t k = 0; k < next_points.size(); ++k) {
        const double s = cosine(v, next_vectors[k]);
        if (!m.best_point || s > m.point_score) {
          m.point_score = s;
          m.best_point = next_points[k];
        }
      }
      for (const Passage& s : text) {
        const double score = cosine(v, s.vector);
        if (score > m.passage_score) {
          m.passage_score = score;
          m.passage = s.text;
          m.passage_page = s.page;
        }
      }
      m.recurring = m.best_point && m.point_score >= kRecurringThreshold;
      m.themes = persistence_themes(p.text);
      m.point = std::move(p);
      pair.points.push_back(std::move(m));
    }
    out.push_back(std::move(pair));
  }
  return out;
}

}  // namespace

int InspectionPairMatches::recurring() const {
  return static_cast<int>(std::count_if(points.begin(), points.end(), [](const PointMatch& m) { return m.recurring; }));
}

const std::vector<std::string>& persistence_theme_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const auto& t : theme_words()) n.push_back(t.name);
    return n;
  }();
  return names;
}

std::vector<std::string> persistence_themes(const std::string& text) {
  static const std::vector<std::vector<std::vector<std::string>>> theme_stems = [] {
    std::vector<std::vector<std::vector<std::string>>> all;
    for (const auto& t : theme_words()) {
      std::vector<std::vector<std::string>> words;
      for (const char* w : t.words) {
        // Stop-words inside a keyword phrase are kept in the text's stems too, so drop none here.
        std::vector<std::string> seq;
        for (const TextToken& tok : text_tokens(w)) seq.push_back(stem(tok.word));
        words.push_back(std::move(seq));
      }
      all.push_back(std::move(words));
    }
    return all;
  }();
  std::vector<std::string> stems;
  for (const TextToken& t : text_tokens(text)) stems.push_back(stem(t.word));
  std::vector<std::string> out;
  for (size_t k = 0; k < theme_stems.size(); ++k) {
    bool found = false;
    for (const auto& seq : theme_stems[k]) {
      if (seq.empty() || seq.size() > stems.size()) continue;
      for (size_t i = 0; i + seq.size() <= stems.size() && !found; ++i)
        found = std::equal(seq.begin(), seq.end(), stems.begin() + static_cast<std::ptrdiff_t>(i));
      if (found) break;
    }
    if (found) out.push_back(theme_words()[k].name);
  }
  return out;
}

std::vector<InspectionPairMatches> authority_persistence(const Connection& db, const std::string& urn) {
  const auto national = national_persistence(db);
  auto it = national->pairs_by_authority.find(urn);
  return it == national->pairs_by_authority.end() ? std::vector<InspectionPairMatches>{} : it->second;
}

std::vector<InspectionPairMatches> compute_authority_persistence(const Connection& db, const std::string& urn) {
  TfIdf tfidf(db);
  InspectionFilter f = InspectionFilter::of_authority(urn);
  f.graded_only = true;
  return match_pairs(db, query_inspections(db, f), tfidf);
}

NationalPersistence compute_national_persistence(const Connection& db) {
  TfIdf tfidf(db);
  InspectionFilter f;
  f.graded_only = true;
  std::map<std::string, std::vector<InspectionRow>> by_authority;
  for (auto& r : query_inspections(db, f)) by_authority[r.authority_urn].push_back(std::move(r));
  NationalPersistence out;
  std::map<std::string, ThemePersistence> themes;
  for (const auto& name : persistence_theme_names()) themes[name].theme = name;
  for (auto& [urn, rows] : by_authority) {
    // Stable: reports begun the same day stay in the register's order, as
    // compute_authority_persistence reads them.
    std::stable_sort(rows.begin(), rows.end(),
                     [](const InspectionRow& a, const InspectionRow& b) { return a.inspection_start < b.inspection_start; });
    auto pairs = match_pairs(db, rows, tfidf);
    if (pairs.empty()) continue;
    AuthorityPersistenceSummary a;
    a.urn = urn;
    a.name = rows.front().authority_name;
    a.slug = rows.front().authority_slug;
    for (const auto& p : pairs) {
      ++a.pairs;
      a.points += static_cast<int>(p.points.size());
      a.recurring += p.recurring();
      for (const auto& m : p.points)
        for (const auto& t : m.themes) {
          ++themes[t].points;
          themes[t].recurring += m.recurring ? 1 : 0;
        }
    }
    out.pairs += a.pairs;
    out.points += a.points;
    out.recurring += a.recurring;
    out.authorities.push_back(std::move(a));
    out.pairs_by_authority[urn] = std::move(pairs);
  }
  std::sort(out.authorities.begin(), out.authorities.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  for (auto& [name, t] : themes) out.themes.push_back(std::move(t));
  std::sort(out.themes.begin(), out.themes.end(), [](const ThemePersistence& a, const ThemePersistence& b) {
    if (a.recurring != b.recurring) return a.recurring > b.recurring;
    return a.theme < b.theme;
  });
  return out;
}

std::shared_ptr<const NationalPersistence> national_persistence(const Connection& db) {
  static std::mutex mutex;
  static std::pair<std::string, std::shared_ptr<const NationalPersistence>> memo;
  const std::string stamp = register_fingerprint(db);
  std::lock_guard lock(mutex);
  if (!memo.second || memo.first != stamp) memo = {stamp, std::make_shared<const NationalPersistence>(compute_national_persistence(db))};
  return memo.second;
}

double improvement_point_similarity(const Connection& db, const std::string& a, const std::string& b) {
  TfIdf tfidf(db);
  return cosine(tfidf.vector(a), tfidf.vector(b));
}

}  // namespace cscwatch
