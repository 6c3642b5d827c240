#include "news/quote_matching.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace cscwatch::news {

std::string_view to_string(QuoteVerdict verdict) {
  switch (verdict) {
    case QuoteVerdict::Verbatim: return "verbatim";
    case QuoteVerdict::Close: return "close";
    case QuoteVerdict::NotFound: return "not_found";
    case QuoteVerdict::NotChecked: return "not_checked";
    case QuoteVerdict::NoReport: return "no_report";
  }
  return "not_checked";
}

std::string_view to_string(DifferenceKind kind) {
  switch (kind) {
    case DifferenceKind::Omitted: return "omitted";
    case DifferenceKind::Added: return "added";
    case DifferenceKind::Changed: return "changed";
  }
  return "changed";
}

namespace {

constexpr size_t kMaxQuoteWords = 300;
constexpr size_t kMaxHitsPerWord = 4000;

}  // namespace

struct ReportText::QuoteWords {
  std::vector<std::string> words;
  std::vector<bool> after_ellipsis;  // an ellipsis (or editorial [..]) comes just before this word
  bool truncated = false;
};

ReportText::QuoteWords ReportText::quote_words(std::string_view q) {
  ReportText::QuoteWords out;
  // Editorial insertions in square brackets stand for omitted report words.
  std::string cleaned;
  cleaned.reserve(q.size());
  std::vector<size_t> gaps;  // byte offsets in `cleaned` where words were left out
  int depth = 0;
  for (size_t i = 0; i < q.size(); ++i) {
    char c = q[i];
    if (c == '[') {
      if (depth == 0) gaps.push_back(cleaned.size());
      ++depth;
      cleaned.push_back(' ');
      continue;
    }
    if (c == ']' && depth > 0) {
      --depth;
      cleaned.push_back(' ');
      continue;
    }
    if (depth > 0) continue;
    if (c == '.' && i + 2 < q.size() && q[i + 1] == '.' && q[i + 2] == '.') {
      gaps.push_back(cleaned.size());
      cleaned += "   ";
      i += 2;
      continue;
    }
    if (c == '\xE2' && i + 2 < q.size() && q[i + 1] == '\x80' && q[i + 2] == '\xA6') {
      gaps.push_back(cleaned.size());
      cleaned += "   ";
      i += 2;
      continue;
    }
    cleaned.push_back(c);
  }
  auto ws = split_words(cleaned);
  size_t g = 0;
  for (const auto& w : ws) {
    bool gap = false;
    while (g < gaps.size() && gaps[g] <= w.begin) {
      gap = true;
      ++g;
    }
    if (out.words.size() >= kMaxQuoteWords) {
      out.truncated = true;
      break;
    }
    out.words.push_back(w.norm);
    out.after_ellipsis.push_back(gap);
  }
  return out;
}

namespace {

std::string join(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) {
    if (!s.empty()) s.push_back(' ');
    s += w;
  }
  return s;
}

}  // namespace

ReportText::ReportText(std::vector<ReportPage> pages) : pages_(std::move(pages)) {
  for (size_t p = 0; p < pages_.size(); ++p) {
    for (auto& w : split_words(pages_[p].text))
      words_.push_back(DocWord{std::move(w.norm), pages_[p].number, p, w.begin, w.end});
  }
  for (size_t i = 0; i < words_.size(); ++i) {
    auto& v = index_[words_[i].norm];
    if (v.size() < kMaxHitsPerWord) v.push_back(i);
  }
}

std::string ReportText::passage(size_t first, size_t last) const {
  std::string out;
  size_t i = first;
  while (i <= last) {
    size_t p = words_[i].page_index;
    size_t j = i;
    while (j + 1 <= last && words_[j + 1].page_index == p) ++j;
    const std::string& t = pages_[p].text;
    if (!out.empty()) out.push_back(' ');
    out += t.substr(words_[i].begin, words_[j].end - words_[i].begin);
    i = j + 1;
  }
  std::string s = collapse_spaces(out);
  if (s.size() > 1200) s = std::string(utf8_prefix(s, 1200)) + "...";
  return s;
}

// The alignment of a quotation with one window of the report.
struct ReportText::Alignment {
  static constexpr double kNeg = -1e9;
  double score = kNeg;
  size_t matched = 0;
  size_t doc_first = 0, doc_last = 0, q_first = 0, q_last = 0;
  std::vector<QuoteDifference> diffs;
  bool only_gap_omissions = true;
};

// One step of an alignment's trace: 'm' match, 's' substitution, 'x' report
// word skipped, 'y' quotation word skipped.
struct ReportText::AlignOp {
  char kind;
  size_t i, j;
};

std::optional<size_t> ReportText::verbatim_start(const std::vector<std::string>& q) const {
  // Every word, in order, contiguous. Anchor on the rarest word.
  const size_t m = q.size();
  size_t rare = m;
  size_t rare_count = std::numeric_limits<size_t>::max();
  for (size_t k = 0; k < m; ++k) {
    auto it = index_.find(q[k]);
    if (it == index_.end()) return std::nullopt;
    if (it->second.size() < rare_count) {
      rare_count = it->second.size();
      rare = k;
    }
  }
  if (rare >= m || rare_count >= kMaxHitsPerWord) return std::nullopt;
  for (size_t p : index_.at(q[rare])) {
    if (p < rare || p - rare + m > words_.size()) continue;
    size_t s = p - rare;
    bool ok = true;
    for (size_t k = 0; k < m && ok; ++k) ok = words_[s + k].norm == q[k];
    if (ok) return s;
  }
  return std::nullopt;
}

std::vector<size_t> ReportText::densest_windows(const std::vector<std::string>& q, size_t window) const {
  const size_t m = q.size();
  std::vector<std::pair<size_t, size_t>> hits;  // (doc position, quote index)
  for (size_t k = 0; k < m; ++k) {
    if (is_function_word(q[k]) && m > 4) continue;
    auto it = index_.find(q[k]);
    if (it == index_.end()) continue;
    for (size_t p : it->second) hits.emplace_back(p, k);
    if (hits.size() > 200000) break;
  }
  if (hits.empty()) return {};
  std::sort(hits.begin(), hits.end());
  // Windows scored by the distinct quotation words they hold, rare words
  // counting more (idf), so a passage full of "children" does not win.
  std::vector<double> weight(m, 0);
  for (size_t k = 0; k < m; ++k) {
    auto it = index_.find(q[k]);
    double freq = it == index_.end() ? 1 : static_cast<double>(it->second.size());
    weight[k] = std::log(1.0 + static_cast<double>(words_.size()) / freq);
  }
  std::vector<int> count(m, 0);
  double score = 0;
  std::vector<std::pair<double, size_t>> best;  // (score, start)
  size_t r = 0;
  for (size_t l = 0; l < hits.size(); ++l) {
    while (r < hits.size() && hits[r].first < hits[l].first + window) {
      if (count[hits[r].second]++ == 0) score += weight[hits[r].second];
      ++r;
    }
    best.emplace_back(score, hits[l].first);
    if (--count[hits[l].second] == 0) score -= weight[hits[l].second];
  }
  std::sort(best.begin(), best.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<size_t> starts;
  for (const auto& [sc, start] : best) {
    bool near = false;
    for (size_t s0 : starts)
      if ((start > s0 ? start - s0 : s0 - start) < window) near = true;
    if (!near) starts.push_back(start);
    if (starts.size() >= 4) break;
  }
  return starts;
}

// Local alignment (affine gaps) of the quotation with report words [lo, hi):
// the steps of the best one, empty when it scores no more than `floor`.
std::vector<ReportText::AlignOp> ReportText::align(const std::vector<std::string>& q, size_t lo, size_t hi,
                                                   double floor, double* score) const {
  constexpr double kMatch = 2.0, kMatchFunction = 1.0, kMismatch = -1.0, kQuoteSkip = -1.2, kGapOpen = -1.5,
                   kGapExtend = -0.15;
  constexpr double kNeg = Alignment::kNeg;
  const size_t m = q.size(), n = hi - lo, W = n + 1;
  std::vector<double> M((m + 1) * W, kNeg), X((m + 1) * W, kNeg), Y((m + 1) * W, kNeg);
  // Traceback: for each state, which state came before (0 start, 1 M, 2 X, 3 Y).
  std::vector<unsigned char> tM((m + 1) * W, 0), tX((m + 1) * W, 0), tY((m + 1) * W, 0);
  double best_score = 0;
  size_t bi = 0, bj = 0;
  for (size_t i = 1; i <= m; ++i) {
    for (size_t j = 1; j <= n; ++j) {
      size_t c = i * W + j, d = (i - 1) * W + (j - 1), left = i * W + (j - 1), up = (i - 1) * W + j;
      bool eq = words_[lo + j - 1].norm == q[i - 1];
      double s = eq ? (is_function_word(q[i - 1]) ? kMatchFunction : kMatch) : kMismatch;
      double from = 0;
      unsigned char t = 0;
      if (M[d] > from) { from = M[d]; t = 1; }
      if (X[d] > from) { from = X[d]; t = 2; }
      if (Y[d] > from) { from = Y[d]; t = 3; }
      if (t == 0 && !eq) {
        M[c] = kNeg;  // a local alignment starts on a matching word
      } else {
        M[c] = from + s;
        tM[c] = t;
      }
      // doc word skipped (omitted from the quotation)
      double xo = M[left] + kGapOpen, xe = X[left] + kGapExtend, xy = Y[left] + kGapOpen;
      if (xo >= xe && xo >= xy) { X[c] = xo; tX[c] = 1; }
      else if (xe >= xy) { X[c] = xe; tX[c] = 2; }
      else { X[c] = xy; tX[c] = 3; }
      // quotation word with no counterpart
      double ym = M[up] + kQuoteSkip, yy = Y[up] + kQuoteSkip, yx = X[up] + kQuoteSkip;
      if (ym >= yy && ym >= yx) { Y[c] = ym; tY[c] = 1; }
      else if (yy >= yx) { Y[c] = yy; tY[c] = 3; }
      else { Y[c] = yx; tY[c] = 2; }
      if (M[c] > best_score) {
        best_score = M[c];
        bi = i;
        bj = j;
      }
    }
  }
  if (bi == 0 || best_score <= floor) return {};
  *score = best_score;
  std::vector<AlignOp> ops;
  size_t i = bi, j = bj;
  unsigned char state = 1;
  while (i > 0 && j > 0) {
    size_t c = i * W + j;
    if (state == 1) {
      bool eq = words_[lo + j - 1].norm == q[i - 1];
      ops.push_back({eq ? 'm' : 's', i - 1, lo + j - 1});
      unsigned char t = tM[c];
      --i;
      --j;
      if (t == 0) break;
      state = t;
    } else if (state == 2) {
      ops.push_back({'x', i, lo + j - 1});
      state = tX[c];
      --j;
    } else {
      ops.push_back({'y', i - 1, lo + j});
      state = tY[c];
      --i;
    }
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

// The differences an alignment's steps show: runs of non-matching steps.
ReportText::Alignment ReportText::differences(const std::vector<AlignOp>& ops, const QuoteWords& qw) const {
  const auto& q = qw.words;
  const size_t m = q.size();
  Alignment a;
  a.q_first = ops.front().i;
  a.q_last = ops.back().i;
  a.doc_first = ops.front().j;
  a.doc_last = ops.back().j;
  auto flush = [&](std::vector<std::string>& qs, std::vector<std::string>& ds, size_t q_at) {
    if (qs.empty() && ds.empty()) return;
    QuoteDifference diff;
    diff.kind = qs.empty() ? DifferenceKind::Omitted : ds.empty() ? DifferenceKind::Added : DifferenceKind::Changed;
    diff.quote_text = join(qs);
    diff.report_text = join(ds);
    if (!(diff.kind == DifferenceKind::Omitted && q_at < m && qw.after_ellipsis[q_at])) a.only_gap_omissions = false;
    a.diffs.push_back(std::move(diff));
    qs.clear();
    ds.clear();
  };
  std::vector<std::string> qs, ds;
  if (a.q_first > 0) {
    std::vector<std::string> pre(q.begin(), q.begin() + static_cast<long>(a.q_first));
    a.diffs.push_back({DifferenceKind::Added, join(pre), ""});
    a.only_gap_omissions = false;
  }
  for (const auto& op : ops) {
    if (op.kind == 'm') {
      flush(qs, ds, op.i);
      ++a.matched;
    } else if (op.kind == 's') {
      qs.push_back(q[op.i]);
      ds.push_back(words_[op.j].norm);
    } else if (op.kind == 'x') {
      ds.push_back(words_[op.j].norm);
    } else {
      qs.push_back(q[op.i]);
    }
  }
  flush(qs, ds, m);
  if (a.q_last + 1 < m) {
    std::vector<std::string> post(q.begin() + static_cast<long>(a.q_last) + 1, q.end());
    a.diffs.push_back({DifferenceKind::Added, join(post), ""});
    a.only_gap_omissions = false;
  }
  return a;
}

QuoteMatch ReportText::find(std::string_view quotation) const {
  QuoteMatch result;
  QuoteWords qw = quote_words(quotation);
  const auto& q = qw.words;
  const size_t m = q.size();
  if (m == 0 || words_.empty()) return result;

  bool has_gap = std::find(qw.after_ellipsis.begin() + 1, qw.after_ellipsis.end(), true) != qw.after_ellipsis.end();
  if (!has_gap) {
    if (auto s = verbatim_start(q)) {
      result.verdict = QuoteVerdict::Verbatim;
      result.page = words_[*s].page;
      result.similarity = 1;
      result.coverage = 1;
      result.report_text = passage(*s, *s + m - 1);
      return result;
    }
  }
  if (m < 3) return result;

  // Close: find the densest windows of the quotation's words, then align.
  const size_t window = 2 * m + 20;
  Alignment top;
  for (size_t start : densest_windows(q, window)) {
    size_t lo = start > m ? start - m : 0;
    size_t hi = std::min(words_.size(), start + window + m);
    double score = 0;
    auto ops = align(q, lo, hi, top.score, &score);
    if (ops.empty()) continue;
    top = differences(ops, qw);
    top.score = score;
  }
  if (top.score == Alignment::kNeg) return result;
  size_t span = top.doc_last - top.doc_first + 1;
  result.coverage = static_cast<double>(top.matched) / static_cast<double>(m);
  result.similarity = 2.0 * static_cast<double>(top.matched) / static_cast<double>(m + span);
  bool verbatim_with_gaps = top.matched == m && top.only_gap_omissions;
  bool close = top.matched >= 3 && result.coverage >= 0.6 && result.similarity >= 0.45 && (m >= 4 || top.matched == m);
  if (verbatim_with_gaps) {
    result.verdict = QuoteVerdict::Verbatim;
  } else if (close) {
    result.verdict = QuoteVerdict::Close;
  } else {
    return QuoteMatch{QuoteVerdict::NotFound, 0, result.similarity, result.coverage, {}, {}};
  }
  result.page = words_[top.doc_first].page;
  result.report_text = passage(top.doc_first, top.doc_last);
  result.differences = std::move(top.diffs);
  if (result.differences.size() > 20) result.differences.resize(20);
  return result;
}

}  // namespace cscwatch::news
