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

namespace {

using Candidates = std::map<int64_t, Candidate>;  // by document id

// The authorities the article names, by URN, and their share of its naming weight.
struct Named {
  std::map<std::string, const AuthorityMention*> by_urn;
  double total_weight = 0;
  const AuthorityMention* most_prominent = nullptr;
};

Named named_authorities(const ArticleReading& reading) {
  Named n;
  for (size_t ai = 0; ai < reading.authorities.size() && ai < kMaxAuthorities; ++ai) {
    const auto& am = reading.authorities[ai];
    n.by_urn[am.authority->urn] = &am;
    n.total_weight += am.weight;
  }
  if (!reading.authorities.empty()) n.most_prominent = &reading.authorities.front();
  return n;
}

// Every report of every authority named.
void add_named_reports(const Connection& db, const Named& named, Candidates& out) {
  for (const auto& [urn, am] : named.by_urn)
    for (auto& row : query_inspections(db, InspectionFilter::of_authority(urn))) {
      int64_t id = row.document_id;
      Candidate c;
      c.link.row = std::move(row);
      out.emplace(id, std::move(c));
    }
}

// Every report holding a passage the article quotes.
void add_quoted_reports(const Connection& db, const QuotationReading& quotes, Candidates& out) {
  for (int64_t id : documents_quoted(db, report_words(quotes, kMinSearchedWords))) {
    auto it = out.find(id);
    if (it == out.end())
      for (auto& row : query_inspections(db, InspectionFilter::of_document(id))) {
        Candidate c;
        c.link.row = std::move(row);
        it = out.emplace(id, std::move(c)).first;
      }
    if (it != out.end()) it->second.link.from_quotation = true;
  }
}

std::string no_candidates_reason(const ArticleReading& reading, NoLinkReason& reason) {
  if (reading.authorities.empty()) {
    reason = NoLinkReason::NoAuthority;
    return "no authority named: the article names no English children's services authority, and no report in the "
           "register holds a passage it quotes";
  }
  std::string names;
  for (size_t i = 0; i < reading.authorities.size() && i < 3; ++i)
    names += (i ? ", " : "") + reading.authorities[i].authority->name;
  reason = NoLinkReason::NothingInRegister;
  return "no matching inspection: the register holds no inspections of " + names +
         " (the report may not have been collected, or the council no longer exists)";
}

// How each candidate's authority is named, and which quotations its report holds.
void gather_facts(const Connection& db, const Named& named, const QuotationReading& quotes, Candidates& candidates) {
  auto quoted = report_words(quotes, kMinCheckedWords);
  std::map<std::string, int> found_in;  // quotation text -> reports holding it
  for (auto& [id, c] : candidates) {
    c.facts.row = &c.link.row;
    auto n = named.by_urn.find(c.link.row.authority_urn);
    if (n != named.by_urn.end()) {
      c.facts.mention = n->second;
      c.facts.prominence_share = named.total_weight > 0 ? n->second->weight / named.total_weight : 1;
      c.facts.most_prominent = n->second == named.most_prominent;
      c.facts.in_address = n->second->in_address;
      c.facts.main_subject = c.facts.most_prominent || c.facts.prominence_share >= kMainSubjectShare;
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
  for (auto& [id, c] : candidates) {
    for (auto& q : c.facts.quotations) q.reports_with_it = found_in[q.text];
    // Best evidence first: verbatim before close, long before short.
    std::stable_sort(c.facts.quotations.begin(), c.facts.quotations.end(),
                     [](const QuotationFound& a, const QuotationFound& b) {
                       return a.verbatim != b.verbatim ? a.verbatim : a.words > b.words;
                     });
  }
}

// The latest report of each named authority (of the kind the article is about) published by the article's date.
void mark_latest(const ArticleReading& reading, Candidates& candidates) {
  if (!reading.article_date) return;
  EventKind kind = reading.event_kind == EventKind::Unknown ? EventKind::Inspection : reading.event_kind;
  std::map<std::string, Candidate*> latest;
  for (auto& [id, c] : candidates) {
    auto pub = parse_iso_date(c.link.row.published);
    Date last = reading.article_date_to ? *reading.article_date_to : *reading.article_date;  // a month's: its end
    if (!c.facts.mention || !pub || days_between(*pub, last) < -3) continue;
    if (event_kind_of(c.link.row) != kind) continue;
    auto& l = latest[c.link.row.authority_urn];
    if (!l || c.link.row.published > l->link.row.published) l = &c;
  }
  for (auto& [urn, c] : latest) c->facts.latest_by_article_date = true;
}

// Every candidate scored, best first.
std::vector<LinkCandidate> score_all(const ArticleReading& reading, Candidates& candidates) {
  std::vector<LinkCandidate> all;
  for (auto& [id, c] : candidates) {
    c.link.evidence = all_evidence(reading, c.facts);
    for (const auto& e : c.link.evidence) c.link.score += e.weight;
    all.push_back(std::move(c.link));
  }
  std::stable_sort(all.begin(), all.end(), [](const LinkCandidate& a, const LinkCandidate& b) { return a.score > b.score; });
  return all;
}

// Only a record of the kind the article is about: an article about a visit
// links to that visit or to nothing (the event reading agreed with the report
// on every dev article). Only an authority the article names, or one whose
// report alone holds a passage it quotes word for word; a report found by
// quotation alone when the article names none (on two verbatim passages).
bool eligible(const LinkCandidate& c, const Named& named, EventKind about) {
  bool visit = about == EventKind::MonitoringVisit || about == EventKind::FocusedVisit ||
               about == EventKind::JointTargetedInspection;
  if (visit && event_kind_of(c.row) != about) return false;
  if (named.by_urn.count(c.row.authority_urn)) return true;
  int verbatim = 0;
  bool quoted_alone = false;
  for (const auto& e : c.evidence) {
    verbatim += e.kind == EvidenceKind::QuotationVerbatim;
    quoted_alone = quoted_alone || e.kind == EvidenceKind::AuthorityQuoted;
  }
  if (quoted_alone && verbatim >= 2) return true;
  if (!named.by_urn.empty()) return false;
  return verbatim >= 2;
}

void set_confidences(std::vector<LinkCandidate>& all, const Named& named, EventKind about) {
  for (size_t k = 0; k < all.size(); ++k) {
    double runner = 0;
    for (size_t j = 0; j < all.size(); ++j)
      if (j != k && eligible(all[j], named, about)) runner = std::max(runner, all[j].score);
    all[k].confidence = link_confidence(all[k].score, runner);
  }
}

// Links the best eligible candidate, or says why not.
void decide(const std::vector<LinkCandidate>& all, const Named& named, EventKind about, LinkResult& result) {
  auto best_it = std::find_if(all.begin(), all.end(), [&](const LinkCandidate& c) { return eligible(c, named, about); });
  if (best_it == all.end()) {
    result.reason = NoLinkReason::NoAuthority;
    result.no_link_reason = "no authority named: passages the article quotes are in reports of authorities it does "
                            "not name, which are never linked";
    return;
  }
  const LinkCandidate& best = *best_it;
  const LinkCandidate* rival = nullptr;
  for (const auto& c : all)
    if (&c != &best && c.row.authority_urn == best.row.authority_urn && c.identified()) {
      rival = &c;
      break;
    }
  if (!best.identified()) {
    const Evidence* why = best.first_contradiction();
    result.reason = why ? NoLinkReason::Contradicted : NoLinkReason::OnlyAuthority;
    result.no_link_reason =
        why ? "no matching inspection: the closest (" + best.row.source_file + ") does not fit — " +
                  std::string(to_string(why->kind)) + ": " + why->detail
            : "no matching inspection: only the authority (and perhaps its grade) matches; nothing the article "
              "states (dates, quotations, its own date) picks out one of its reports";
  } else if (best.score < kMinLinkScore) {
    const Evidence* why = best.first_contradiction();
    result.reason = why ? NoLinkReason::Contradicted : NoLinkReason::Weak;
    if (why) {
      result.no_link_reason = "no matching inspection: the closest (" + best.row.source_file + ") scores only " +
                              fixed2(best.score) + ", against it " + std::string(to_string(why->kind)) + ": " +
                              why->detail;
      return;
    }
    result.no_link_reason = "no matching inspection: the best candidate (" + best.row.source_file + ") scores only " +
                            fixed2(best.score);
  } else if (rival && best.score - rival->score < kMinMargin) {
    result.reason = NoLinkReason::Ambiguous;
    result.no_link_reason = "ambiguous: " + best.row.source_file + " and " + rival->row.source_file +
                            " fit equally well (" + fixed2(best.score) + " vs " + fixed2(rival->score) + ")";
  } else {
    result.linked = best;
    // Other authorities the article names, each with its own confident link.
    for (const auto& c : all) {
      if (c.row.authority_urn == best.row.authority_urn || !eligible(c, named, about) || !c.identified() ||
          c.score < kMinLinkScore)
        continue;
      bool seen = false;
      for (const auto& o : result.other_links) seen = seen || o.row.authority_urn == c.row.authority_urn;
      if (!seen) result.other_links.push_back(c);
    }
  }
}

// An article about an intervention: the record it reports, or nothing; the
// inspection chosen by the evidence becomes context. A linked visit: the
// inspection it follows, as context.
void link_event_record(const Connection& db, const ArticleReading& reading, LinkResult& result) {
  if (result.linked && event_kind_of(result.linked->row) != EventKind::Inspection) {
    if (auto by = parse_iso_date(result.linked->row.inspection_start))
      result.follows = inspection_followed(db, result.linked->row.authority_urn, *by);
    return;
  }
  if (!reported_intervention(reading) || reading.authorities.empty()) return;
  result.about_intervention = true;
  std::optional<InspectionRow> inspection;
  if (result.linked) inspection = result.linked->row;
  std::string urn = result.linked ? result.linked->row.authority_urn : reading.authorities.front().authority->urn;
  result.linked.reset();
  result.other_links.clear();
  std::string why;
  result.intervention = link_intervention(db, reading, urn, why);
  if (!result.intervention) {
    result.reason = NoLinkReason::NothingInRegister;
    result.no_link_reason = why;
    result.follows = std::move(inspection);
    return;
  }
  result.reason = NoLinkReason::None;
  result.no_link_reason.clear();
  const auto& rec = result.intervention->record;
  if (rec.start) result.follows = inspection_followed(db, urn, last_day_of(*rec.start));
  if (!result.follows) result.follows = std::move(inspection);
}

}  // namespace

LinkResult link_inspection(const Connection& db, const ArticleReading& reading, const QuotationReading& quotes) {
  LinkResult result;
  Named named = named_authorities(reading);
  Candidates candidates;
  add_named_reports(db, named, candidates);
  add_quoted_reports(db, quotes, candidates);
  if (candidates.empty()) {
    result.no_link_reason = no_candidates_reason(reading, result.reason);
    return result;
  }
  gather_facts(db, named, quotes, candidates);
  mark_latest(reading, candidates);
  std::vector<LinkCandidate> all = score_all(reading, candidates);
  set_confidences(all, named, reading.event_kind);
  decide(all, named, reading.event_kind, result);
  for (size_t k = 0; k < all.size() && k < 5; ++k) result.candidates.push_back(all[k]);
  link_event_record(db, reading, result);
  return result;
}

}  // namespace cscwatch::news
