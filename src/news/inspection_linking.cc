#include "news/inspection_linking.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <set>

#include "news/passage_search.h"
#include "news/quote_matching.h"

namespace cscwatch::news {

namespace {

std::string fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

constexpr int kMinSearchedWords = 5;       // shorter quotations are too common to search the whole register for
constexpr int kMinCheckedWords = 2;        // but are looked for in the candidates' reports
constexpr size_t kSearchWindow = 8;        // words per phrase searched (a misquote elsewhere does not hide it)
constexpr size_t kMaxWindows = 3;
constexpr size_t kMaxAuthorities = 8;
constexpr size_t kMaxQuotationDocuments = 30;

// Quotations that may be the report's words: the inspectorate's, or nobody's.
std::vector<const Quotation*> report_words(const QuotationReading& quotes, int min_words) {
  std::vector<const Quotation*> out;
  for (const auto& q : quotes.quotes)
    if (q.word_count >= min_words &&
        (q.speaker == SpeakerKind::Inspectorate || q.speaker == SpeakerKind::Unknown))
      out.push_back(&q);
  return out;
}

// Documents holding any stretch of kSearchWindow words of a quotation.
std::set<int64_t> documents_quoted(const Connection& db, const std::vector<const Quotation*>& quotes) {
  std::set<int64_t> out;
  for (const Quotation* q : quotes) {
    auto tokens = fts_tokens(q->text);
    size_t windows = 0;
    for (size_t at = 0; at < tokens.size() && windows < kMaxWindows; at += kSearchWindow, ++windows) {
      size_t from = std::min(at, tokens.size() >= kSearchWindow ? tokens.size() - kSearchWindow : 0);
      std::string phrase;
      for (size_t k = from; k < tokens.size() && k < from + kSearchWindow; ++k) phrase += tokens[k] + " ";
      for (int64_t id : documents_with_phrase(db, phrase)) out.insert(id);
      if (out.size() >= kMaxQuotationDocuments) return out;
    }
  }
  return out;
}

struct Candidate {
  LinkCandidate link;
  CandidateFacts facts;
};

}  // namespace

bool LinkCandidate::identified() const {
  return std::any_of(evidence.begin(), evidence.end(),
                     [](const Evidence& e) { return weight_of(e.kind).identifies && e.weight > 0; });
}

bool LinkCandidate::contradicted() const { return first_contradiction() != nullptr; }

const Evidence* LinkCandidate::first_contradiction() const {
  for (const auto& e : evidence)
    if (weight_of(e.kind).contradicts) return &e;
  return nullptr;
}

std::string_view to_string(NoLinkReason reason) {
  switch (reason) {
    case NoLinkReason::None: return "linked";
    case NoLinkReason::NoAuthority: return "no_authority";
    case NoLinkReason::NothingInRegister: return "nothing_in_register";
    case NoLinkReason::Contradicted: return "contradicted";
    case NoLinkReason::OnlyAuthority: return "only_authority";
    case NoLinkReason::Ambiguous: return "ambiguous";
    case NoLinkReason::Weak: return "weak";
  }
  return "unknown";
}

double link_confidence(double score, double runner_up) {
  double c = std::min(score, 0.5 + std::max(0.0, score - runner_up));
  return std::clamp(c, 0.0, 1.0);
}

LinkResult link_inspection(const Connection& db, const ArticleReading& reading, const QuotationReading& quotes) {
  LinkResult result;
  std::map<int64_t, Candidate> by_document;
  // Authorities named: every report of each.
  double total_weight = 0;
  for (size_t ai = 0; ai < reading.authorities.size() && ai < kMaxAuthorities; ++ai)
    total_weight += reading.authorities[ai].weight;
  std::map<std::string, const AuthorityMention*> named;
  for (size_t ai = 0; ai < reading.authorities.size() && ai < kMaxAuthorities; ++ai) {
    const auto& am = reading.authorities[ai];
    named[am.authority->urn] = &am;
    for (auto& row : query_inspections(db, InspectionFilter::of_authority(am.authority->urn))) {
      Candidate c;
      int64_t id = row.document_id;
      c.link.row = std::move(row);
      by_document.emplace(id, std::move(c));
    }
  }
  // Reports holding a passage the article quotes.
  std::set<int64_t> quoted_documents = documents_quoted(db, report_words(quotes, kMinSearchedWords));
  auto quoted = report_words(quotes, kMinCheckedWords);
  for (int64_t id : quoted_documents) {
    auto it = by_document.find(id);
    if (it == by_document.end()) {
      for (auto& row : query_inspections(db, InspectionFilter::of_document(id))) {
        Candidate c;
        c.link.row = std::move(row);
        it = by_document.emplace(id, std::move(c)).first;
      }
    }
    if (it != by_document.end()) it->second.link.from_quotation = true;
  }
  if (by_document.empty()) {
    if (reading.authorities.empty()) {
      result.reason = NoLinkReason::NoAuthority;
      result.no_link_reason = "no authority named: the article names no English children's services authority, and "
                              "no report in the register holds a passage it quotes";
    } else {
      std::string names;
      for (size_t i = 0; i < reading.authorities.size() && i < 3; ++i)
        names += (i ? ", " : "") + reading.authorities[i].authority->name;
      result.reason = NoLinkReason::NothingInRegister;
      result.no_link_reason = "no matching inspection: the register holds no inspections of " + names +
                              " (the report may not have been collected, or the council no longer exists)";
    }
    return result;
  }
  // Facts per candidate: how its authority is named, the quotations found in it.
  std::map<std::string, int> found_in;  // quotation text -> reports holding it
  for (auto& [id, c] : by_document) {
    c.facts.row = &c.link.row;
    auto n = named.find(c.link.row.authority_urn);
    if (n != named.end()) {
      c.facts.mention = n->second;
      c.facts.prominence_share = total_weight > 0 ? n->second->weight / total_weight : 1;
      c.facts.most_prominent = n->second == &reading.authorities.front();
      c.facts.in_address = n->second->in_address;
    }
    if (quoted.empty()) continue;
    ReportText text(report_pages(db, id));
    for (const Quotation* q : quoted) {
      QuoteMatch m = text.find(q->text);
      if (m.verdict == QuoteVerdict::NotFound) continue;
      c.facts.quotations.push_back({q->text, m.verdict == QuoteVerdict::Verbatim, m.page, 1, q->word_count});
      found_in[q->text]++;
    }
  }
  for (auto& [id, c] : by_document) {
    for (auto& q : c.facts.quotations) q.reports_with_it = found_in[q.text];
    // Best evidence first: verbatim before close.
    std::stable_sort(c.facts.quotations.begin(), c.facts.quotations.end(),
                     [](const QuotationFound& a, const QuotationFound& b) { return a.verbatim > b.verbatim; });
  }
  // The latest report of each named authority published by the article's date.
  if (reading.article_date) {
    std::map<std::string, Candidate*> latest;
    for (auto& [id, c] : by_document) {
      auto pub = parse_iso_date(c.link.row.published);
      if (!c.facts.mention || !pub || days_between(*pub, *reading.article_date) < -3) continue;
      if (event_kind_of(c.link.row) != (reading.event_kind == EventKind::Unknown ? EventKind::Inspection : reading.event_kind)) continue;
      auto& l = latest[c.link.row.authority_urn];
      if (!l || c.link.row.published > l->link.row.published) l = &c;
    }
    for (auto& [urn, c] : latest) c->facts.latest_by_article_date = true;
  }
  // Score.
  std::vector<LinkCandidate> all;
  for (auto& [id, c] : by_document) {
    c.link.evidence = all_evidence(reading, c.facts);
    for (const auto& e : c.link.evidence) c.link.score += e.weight;
    all.push_back(std::move(c.link));
  }
  std::stable_sort(all.begin(), all.end(), [](const LinkCandidate& a, const LinkCandidate& b) { return a.score > b.score; });
  // Only an authority the article names can be linked; a report found by
  // quotation alone only when the article names none.
  auto eligible = [&](const LinkCandidate& c) {
    if (named.count(c.row.authority_urn)) return true;
    if (!reading.authorities.empty()) return false;
    int verbatim = 0;
    for (const auto& e : c.evidence) verbatim += e.kind == EvidenceKind::QuotationVerbatim;
    return verbatim >= 2;
  };
  auto best_it = std::find_if(all.begin(), all.end(), eligible);
  for (size_t k = 0; k < all.size(); ++k) {
    double runner = 0;
    for (size_t j = 0; j < all.size(); ++j)
      if (j != k && eligible(all[j])) {
        runner = std::max(runner, all[j].score);
      }
    all[k].confidence = link_confidence(all[k].score, runner);
  }
  if (best_it == all.end()) {
    result.reason = NoLinkReason::NoAuthority;
    result.no_link_reason = "no authority named: passages the article quotes are in reports of authorities it does "
                            "not name, which are never linked";
  } else {
    const LinkCandidate& best = *best_it;
    const LinkCandidate* rival = nullptr;
    for (const auto& c : all)
      if (&c != &best && c.row.authority_urn == best.row.authority_urn && c.identified() && !c.contradicted()) {
        rival = &c;
        break;
      }
    if (const Evidence* why = best.first_contradiction()) {
      result.reason = NoLinkReason::Contradicted;
      result.no_link_reason = "no matching inspection: the closest (" + best.row.source_file + ") does not fit — " +
                              std::string(to_string(why->kind)) + ": " + why->detail;
    } else if (!best.identified()) {
      result.reason = NoLinkReason::OnlyAuthority;
      result.no_link_reason = "no matching inspection: only the authority matches; nothing the article states (grade, "
                              "dates, quotations) picks out one of its reports";
    } else if (best.score < kMinLinkScore) {
      result.reason = NoLinkReason::Weak;
      result.no_link_reason = "no matching inspection: the best candidate (" + best.row.source_file + ") scores only " +
                              fixed2(best.score);
    } else if (rival && best.score - rival->score < kMinMargin) {
      result.reason = NoLinkReason::Ambiguous;
      result.no_link_reason = "ambiguous: " + best.row.source_file + " and " + rival->row.source_file +
                              " fit equally well (" + fixed2(best.score) + " vs " + fixed2(rival->score) + ")";
    } else {
      result.linked = best;
      for (const auto& c : all) {
        if (c.row.authority_urn == best.row.authority_urn || !eligible(c) || !c.identified() || c.contradicted() ||
            c.score < kMinLinkScore)
          continue;
        bool seen = false;
        for (const auto& o : result.other_links) seen = seen || o.row.authority_urn == c.row.authority_urn;
        if (!seen) result.other_links.push_back(c);
      }
    }
  }
  for (size_t k = 0; k < all.size() && k < 5; ++k) result.candidates.push_back(all[k]);
  return result;
}

}  // namespace cscwatch::news
