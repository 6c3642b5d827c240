#include "news/article_analysis.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <memory>

#include "news/article_address.h"
#include "news/article_date.h"
#include "news/article_text.h"
#include "news/passage_search.h"
#include "store/inspection_rows.h"
#include "store/register.h"

namespace cscwatch::news {

namespace {

using nlohmann::json;

constexpr int kMaxQuoteChecks = 100;
constexpr int kMinProbeWords = 5;   // unattributed quotations looked up (reported only when found)

// The title as the text's first line, unless the text already starts with it.
std::string with_title(const std::string& title, const std::string& text) {
  std::string t = collapse_spaces(title);
  if (t.empty() || collapse_spaces(utf8_prefix(text, t.size() + 40)).rfind(t, 0) == 0) return text;
  return t + "\n" + text;
}

// Words of people other than the inspectorate are not the article's claims.
std::vector<std::pair<size_t, size_t>> hidden_ranges(const QuotationReading& quotes) {
  std::vector<std::pair<size_t, size_t>> hidden;
  for (const auto& q : quotes.quotes)
    if (q.speaker != SpeakerKind::Inspectorate && q.speaker != SpeakerKind::Unknown) hidden.emplace_back(q.begin, q.end);
  return hidden;
}

// ---- checks against the linked report ----

GradeCheck check_grade(const ArticleReading& reading, const LinkResult& link) {
  GradeCheck out;
  out.article = reading.grade;
  if (!link.linked) return out;
  const InspectionRow& row = link.linked->row;
  out.report = overall_grade_of(row);
  out.status = !reading.grade         ? CheckStatus::NotStated
               : !out.report          ? CheckStatus::NotInReport
               : *out.report == *reading.grade ? CheckStatus::Agree
                                               : CheckStatus::Differ;
  for (const auto& m : reading.grade_mentions) {
    if (m.area.empty() || m.area == "some_areas" || (!m.authority_urn.empty() && m.authority_urn != row.authority_urn)) continue;
    AreaCheck a{m.area, m.grade, row.grade(m.area), CheckStatus::NotInReport};
    if (!a.report.empty()) a.status = a.report == to_string(m.grade) ? CheckStatus::Agree : CheckStatus::Differ;
    out.areas.push_back(std::move(a));
  }
  return out;
}

bool months_in_fieldwork(const std::vector<unsigned>& months, const Date& start, const Date& end) {
  int a = static_cast<int>(start.year()) * 12 + static_cast<int>(static_cast<unsigned>(start.month())) - 1;
  int b = static_cast<int>(end.year()) * 12 + static_cast<int>(static_cast<unsigned>(end.month())) - 1;
  return std::all_of(months.begin(), months.end(), [&](unsigned mo) {
    for (int k = a; k <= b && k < a + 24; ++k)
      if (static_cast<unsigned>(k % 12 + 1) == mo) return true;
    return false;
  });
}

std::optional<DateCheckItem> check_inspection_date(const StatedDate& d, const InspectionRow& r, const Date& start,
                                                   const Date& end) {
  bool ok;
  if (d.from && d.to && !d.year_inferred) {
    ok = std::chrono::sys_days{*d.from} <= std::chrono::sys_days{end} &&
         std::chrono::sys_days{start} <= std::chrono::sys_days{*d.to};
  } else if (!d.months.empty()) {
    ok = months_in_fieldwork(d.months, start, end);
  } else {
    return std::nullopt;
  }
  return DateCheckItem{d.text, "inspection", d.from, d.to, r.inspection_start, r.inspection_end,
                       ok ? CheckStatus::Agree : CheckStatus::Differ, {}};
}

DateCheckItem check_publication_date(const StatedDate& d, const InspectionRow& r, const Date& published) {
  DateCheckItem item{d.text, "publication", d.from, d.to, r.published, r.published, CheckStatus::Unresolved, {}};
  if (d.day && !d.months.empty() && (!d.year || d.year_inferred)) {
    bool same = static_cast<unsigned>(published.day()) == *d.day &&
                static_cast<unsigned>(published.month()) == d.months.front();
    item.status = same ? CheckStatus::Agree : CheckStatus::Differ;
    if (!d.from) item.note = "day and month only";
    return item;
  }
  if (!d.from) {
    item.note = "the article's own date is not known";
    return item;
  }
  Date to = d.to ? *d.to : *d.from;
  bool ok = days_between(*d.from, published) >= -7 && days_between(published, to) >= -7;
  item.status = ok ? CheckStatus::Agree : CheckStatus::Differ;
  return item;
}

DateCheck check_dates(const ArticleReading& reading, const LinkResult& link) {
  DateCheck out;
  if (!link.linked) return out;
  const auto& r = link.linked->row;
  auto start = parse_iso_date(r.inspection_start), end = parse_iso_date(r.inspection_end);
  auto published = parse_iso_date(r.published);
  if (!end) end = start;
  for (const auto& d : reading.dates) {
    if (!d.authority_urn.empty() && d.authority_urn != r.authority_urn) continue;
    if (d.refers_to == "inspection" && start) {
      if (auto item = check_inspection_date(d, r, *start, *end)) out.checks.push_back(std::move(*item));
    } else if (d.refers_to == "publication" && published) {
      out.checks.push_back(check_publication_date(d, r, *published));
    }
  }
  bool any_differ = std::any_of(out.checks.begin(), out.checks.end(),
                                [](const DateCheckItem& c) { return c.status == CheckStatus::Differ; });
  bool all_unresolved = std::all_of(out.checks.begin(), out.checks.end(),
                                    [](const DateCheckItem& c) { return c.status == CheckStatus::Unresolved; });
  out.status = out.checks.empty() || all_unresolved ? CheckStatus::NotStated
               : any_differ                         ? CheckStatus::Differ
                                                    : CheckStatus::Agree;
  if (reading.article_date && published) out.article_after_publication_days = days_between(*published, *reading.article_date);
  return out;
}

// ---- quotations ----

class QuotationChecker {
 public:
  QuotationChecker(const Connection& db, const LinkResult& link) : db_(db), link_(link) {
    if (link.linked) report_ = std::make_unique<ReportText>(report_pages(db, link.linked->row.document_id));
  }

  QuoteCheck check(const Quotation& q, const QuotationReading& reading) {
    QuoteCheck out;
    out.quote = q;
    if (q.person >= 0) out.role = reading.people[static_cast<size_t>(q.person)].role;
    bool inspectorate = q.speaker == SpeakerKind::Inspectorate;
    bool probe = q.speaker == SpeakerKind::Unknown && q.word_count >= kMinProbeWords;
    if (!inspectorate && !probe) return out;
    if (++checked_ > kMaxQuoteChecks) {
      out.note = "more quotations than are checked per article";
      return out;
    }
    if (!report_) {
      out.verdict = inspectorate ? QuoteVerdict::NoReport : QuoteVerdict::NotChecked;
      return out;
    }
    QuoteMatch m = report_->find(q.text);
    std::string source = link_.linked->row.source_file;
    if (m.verdict == QuoteVerdict::NotFound && inspectorate) {
      // Perhaps the words come from another of the authority's documents (a visit letter).
      for (const auto& [file, text] : others()) {
        QuoteMatch o = text->find(q.text);
        if (o.verdict != QuoteVerdict::NotFound) {
          m = std::move(o);
          source = file;
          break;
        }
      }
    }
    if (!inspectorate && m.verdict == QuoteVerdict::NotFound) return out;  // unattributed: only finds are reported
    out.verdict = m.verdict;
    out.page = m.page;
    if (m.verdict != QuoteVerdict::NotFound) {
      out.source_file = source;
      out.report_text = m.report_text;
      out.similarity = m.similarity;
      out.differences = m.differences;
    }
    return out;
  }

 private:
  const std::vector<std::pair<std::string, std::unique_ptr<ReportText>>>& others() {
    if (!others_loaded_) {
      others_loaded_ = true;
      for (auto& row : query_inspections(db_, InspectionFilter::of_authority(link_.linked->row.authority_urn)))
        if (row.document_id != link_.linked->row.document_id)
          others_.emplace_back(row.source_file, std::make_unique<ReportText>(report_pages(db_, row.document_id)));
    }
    return others_;
  }

  const Connection& db_;
  const LinkResult& link_;
  std::unique_ptr<ReportText> report_;
  std::vector<std::pair<std::string, std::unique_ptr<ReportText>>> others_;
  bool others_loaded_ = false;
  int checked_ = 0;
};

// ---- JSON ----

double round2(double v) { return std::round(v * 100) / 100; }
json optional_date(const std::optional<Date>& d) { return d ? json(to_iso(*d)) : json(nullptr); }
json optional_text(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json optional_grade(const std::optional<Grade>& g) { return g ? json(std::string(to_string(*g))) : json(nullptr); }

json evidence_json(const std::vector<Evidence>& evidence) {
  json out = json::array();
  for (const auto& e : evidence)
    out.push_back({{"kind", std::string(to_string(e.kind))}, {"weight", round2(e.weight)}, {"detail", e.detail}});
  return out;
}

json reasons_json(const std::vector<Evidence>& evidence) {
  json out = json::array();
  for (const auto& e : evidence) out.push_back(std::string(to_string(e.kind)) + ": " + e.detail);
  return out;
}

json link_json(const LinkCandidate& c) {
  json j;
  j["source_file"] = c.row.source_file;
  j["document_id"] = c.row.document_id;
  j["authority"] = {{"urn", c.row.authority_urn}, {"name", c.row.authority_name}};
  j["kind"] = c.row.kind;
  j["framework"] = c.row.framework;
  j["inspection_start"] = optional_text(c.row.inspection_start);
  j["inspection_end"] = optional_text(c.row.inspection_end);
  j["published"] = optional_text(c.row.published);
  j["overall_grade"] = optional_grade(overall_grade_of(c.row));
  j["score"] = round2(c.score);
  j["confidence"] = round2(c.confidence);
  j["confidence_label"] = std::string(confidence_label(c.confidence));
  j["reasons"] = reasons_json(c.evidence);
  j["evidence"] = evidence_json(c.evidence);
  return j;
}

json reading_json(const ArticleReading& reading) {
  json out;
  json mentioned = json::array();
  for (const auto& m : reading.authorities)
    mentioned.push_back({{"urn", m.authority->urn}, {"name", m.authority->name}, {"mentions", m.mentions},
                         {"printed", m.printed}});
  out["authorities_mentioned"] = mentioned;
  out["event_kind"] = std::string(to_string(reading.event_kind));
  out["grade_reported"] = optional_grade(reading.grade);
  json grade_evidence = json::array();
  for (const auto& g : reading.grade_mentions) {
    json e = {{"grade", std::string(to_string(g.grade))}, {"sentence", g.text}};
    if (!g.area.empty()) e["area"] = g.area;
    if (!g.authority_urn.empty()) e["authority_urn"] = g.authority_urn;
    grade_evidence.push_back(e);
  }
  out["grade_evidence"] = grade_evidence;
  json earlier = json::array();
  for (const auto& g : reading.earlier_grades) {
    json e = {{"grade", std::string(to_string(g.grade))}, {"year", g.year ? json(*g.year) : json(nullptr)},
              {"sentence", g.text}};
    if (!g.area.empty()) e["area"] = g.area;
    earlier.push_back(e);
  }
  out["earlier_grades"] = earlier;
  json dates = json::array();
  for (const auto& d : reading.dates) {
    json e = {{"text", d.text}, {"refers_to", d.refers_to}, {"precision", d.precision},
              {"from", optional_date(d.from)}, {"to", optional_date(d.to)}};
    if (!d.months.empty()) e["months"] = d.months;
    if (d.day) e["day"] = *d.day;
    if (d.year_inferred) e["year_inferred"] = true;
    if (!d.authority_urn.empty()) e["authority_urn"] = d.authority_urn;
    e["sentence"] = d.sentence;
    dates.push_back(e);
  }
  out["dates_stated"] = dates;
  json interventions = json::array();
  for (const auto& iv : reading.interventions) {
    json e = {{"kind", std::string(to_string(iv.kind))}, {"sentence", iv.text}};
    if (!iv.actor.empty()) e["actor"] = iv.actor;
    if (!iv.date_text.empty()) e["date_text"] = iv.date_text;
    interventions.push_back(e);
  }
  out["interventions"] = interventions;
  return out;
}

json quote_json(const QuoteCheck& c) {
  const Quotation& q = c.quote;
  json e;
  e["text"] = q.text;
  e["attributed_to"] = optional_text(q.attributed_to);
  e["speaker_kind"] = std::string(to_string(q.speaker));
  if (!q.speaker_text.empty()) e["speaker_text"] = q.speaker_text;
  if (!q.relayed_by.empty()) e["relayed_by"] = q.relayed_by;
  if (!c.role.empty()) e["role"] = c.role;
  e["attribution"] = q.how;
  e["verdict"] = std::string(to_string(c.verdict));
  e["page"] = c.page > 0 ? json(c.page) : json(nullptr);
  if (!c.note.empty()) e["note"] = c.note;
  if (c.found()) {
    e["source_file"] = c.source_file;
    e["report_text"] = c.report_text;
    e["similarity"] = round2(c.similarity);
    json diffs = json::array();
    for (const auto& d : c.differences) {
      json x = {{"kind", std::string(to_string(d.kind))}};
      if (!d.quote_text.empty()) x["quote"] = d.quote_text;
      if (!d.report_text.empty()) x["report"] = d.report_text;
      diffs.push_back(x);
    }
    e["differences"] = diffs;
  }
  return e;
}

json grade_check_json(const GradeCheck& g) {
  json out = {{"status", std::string(to_string(g.status))}, {"article", optional_grade(g.article)},
              {"report", optional_grade(g.report)}};
  if (!g.areas.empty()) {
    json areas = json::array();
    for (const auto& a : g.areas)
      areas.push_back({{"area", a.area}, {"article", std::string(to_string(a.article))},
                       {"report", optional_text(a.report)}, {"status", std::string(to_string(a.status))}});
    out["areas"] = areas;
  }
  return out;
}

json date_check_json(const DateCheck& d) {
  json checks = json::array();
  for (const auto& c : d.checks) {
    json e = {{"stated", c.stated}, {"refers_to", c.refers_to}, {"status", std::string(to_string(c.status))}};
    if (c.refers_to == "inspection") {
      e["article"] = {{"from", optional_date(c.article_from)}, {"to", optional_date(c.article_to)}};
      e["report"] = {{"from", c.report_from}, {"to", c.report_to}};
    } else {
      e["article"] = optional_date(c.article_from);
      e["report"] = c.report_from;
    }
    if (!c.note.empty()) e["note"] = c.note;
    checks.push_back(e);
  }
  json out = {{"status", std::string(to_string(d.status))}, {"checks", checks}};
  if (d.article_after_publication_days) out["article_after_publication_days"] = *d.article_after_publication_days;
  return out;
}

}  // namespace

std::string_view to_string(CheckStatus status) {
  switch (status) {
    case CheckStatus::Agree: return "agree";
    case CheckStatus::Differ: return "differ";
    case CheckStatus::NotStated: return "not_stated";
    case CheckStatus::NotInReport: return "not_in_report";
    case CheckStatus::NoLink: return "no_link";
    case CheckStatus::Unresolved: return "unresolved";
  }
  return "unresolved";
}

std::string_view confidence_label(double confidence) {
  return confidence >= 0.8 ? "high" : confidence >= 0.6 ? "medium" : "low";
}

std::optional<Error> set_article_date(ArticleInput& input, std::string_view text) {
  auto d = parse_article_date(text);
  if (!d)
    return Error{"not a date: write a day (2014-06-05, 5 June 2014), a month (2014-06, June 2014), a year (2014), or an "
                 "RFC 822 / ISO 8601 date as news feeds write it"};
  input.date = d->from;
  input.date_to = d->precision == "day" ? std::nullopt : std::optional<Date>(d->to);
  return std::nullopt;
}

Result<ArticleAnalysis> analyse_article(const Connection& db, const ArticleInput& input) {
  auto prepared = prepare_article_text(input.text);
  if (!prepared) return Error{prepared.error()};
  const ArticleText& at = *prepared;
  try {
    ArticleAnalysis out;
    auto directory = std::make_shared<AuthorityDirectory>(read_authorities(db));
    if (directory->all().empty()) return Error{"the register has no authorities; run 'cscwatch ingest' first"};
    out.directory = directory;
    std::string text = with_title(input.title, at.text);
    QuotationReading quotes = read_quotations(text);
    std::optional<Date> date = input.date ? input.date : at.meta_date;
    std::string date_source = input.date ? "given" : at.meta_date_source;
    out.reading = read_article(text, *directory, hidden_ranges(quotes), date, date_source);
    if (input.date && input.date_to && *input.date_to != *input.date) {
      out.reading.article_date_to = input.date_to;
      out.reading.article_date_source = "given (to " + to_iso(*input.date_to) + ")";
    }
    if (!input.url.empty()) add_address_mentions(out.reading, authorities_in_address(input.url, *directory));
    out.link = link_inspection(db, out.reading, quotes);

    out.headline = out.reading.headline;
    out.article_date = out.reading.article_date;
    out.article_date_source = out.reading.article_date_source;
    out.was_html = at.was_html;
    out.characters = text.size();
    out.warnings = at.warnings;
    if (out.link.linked) out.authority = directory->by_urn(out.link.linked->row.authority_urn);
    if (!out.authority && !out.reading.authorities.empty()) out.authority = out.reading.authorities.front().authority;
    // The grade stated for the authority the article is linked to (or its main one).
    if (out.link.linked) out.reading.grade = grade_for_authority(out.reading, out.link.linked->row.authority_urn);
    out.grade_check = check_grade(out.reading, out.link);
    out.date_check = check_dates(out.reading, out.link);
    QuotationChecker checker(db, out.link);
    for (const auto& q : quotes.quotes) out.quotes.push_back(checker.check(q, quotes));
    out.people = std::move(quotes.people);
    out.proposed_facts = proposed_facts(out.reading, out.people, out.authority ? out.authority->urn : std::string());
    return out;
  } catch (const SqlError& e) {
    return Error{std::string("register error while analysing the article: ") + e.what()};
  }
}

namespace {

// The intervention record an article about an intervention is linked to.
json intervention_json(const InterventionLink& l) {
  const auto& r = l.record;
  return {{"id", r.id},
          {"authority_urn", r.authority_urn},
          {"kind", std::string(to_string(r.kind))},
          {"person", optional_text(r.person)},
          {"start", r.start ? json(to_iso(*r.start)) : json(nullptr)},
          {"end", r.end ? json(to_iso(*r.end)) : json(nullptr)},
          {"source", optional_text(r.source)},
          {"confidence", round2(l.confidence)},
          {"confidence_label", std::string(confidence_label(l.confidence))},
          {"reasons", l.evidence}};
}

// The inspection a linked intervention or visit follows: context, never the link.
json follows_json(const std::optional<InspectionRow>& row) {
  if (!row) return nullptr;
  return {{"source_file", row->source_file}, {"document_id", row->document_id}, {"kind", row->kind},
          {"published", optional_text(row->published)}, {"overall_grade", optional_grade(overall_grade_of(*row))}};
}

}  // namespace

nlohmann::json to_json(const ArticleAnalysis& a) {
  json out;
  out["headline"] = a.headline;
  out["article_date"] = optional_date(a.article_date);
  out["article_date_source"] = a.article_date ? json(a.article_date_source) : json(nullptr);
  out["input"] = {{"format", a.was_html ? "html" : "text"}, {"characters", a.characters}};
  if (!a.warnings.empty()) out["warnings"] = a.warnings;
  out["authority"] = a.authority ? json{{"urn", a.authority->urn}, {"name", a.authority->name}} : json(nullptr);
  out.update(reading_json(a.reading));
  json people = json::array();
  for (const auto& p : a.people) {
    json e = {{"name", p.name}, {"role", optional_text(p.role)}};
    if (!p.title.empty()) e["title"] = p.title;
    people.push_back(e);
  }
  out["people"] = people;
  json facts = json::array();
  for (const auto& f : a.proposed_facts) {
    json e = {{"kind", std::string(to_string(f.kind))}, {"status", "proposed"},
              {"authority_urn", optional_text(f.authority_urn)}, {"sentence", f.sentence}};
    if (!f.actor.empty()) e["actor"] = f.actor;
    if (!f.person.empty()) e["person"] = f.person;
    if (!f.date_text.empty()) e["date_text"] = f.date_text;
    if (f.date) e["date"] = to_iso(*f.date);
    facts.push_back(e);
  }
  out["proposed_facts"] = facts;
  out["linked"] = a.link.linked ? link_json(*a.link.linked) : json(nullptr);
  out["about_intervention"] = a.link.about_intervention;
  out["linked_intervention"] = a.link.intervention ? intervention_json(*a.link.intervention) : json(nullptr);
  out["follows"] = follows_json(a.link.follows);
  bool linked = a.link.linked || a.link.intervention;
  out["link_reason"] = linked ? json(nullptr) : json(a.link.no_link_reason);
  out["link_reason_kind"] = std::string(to_string(a.link.reason));
  json cands = json::array();
  for (const auto& c : a.link.candidates)
    cands.push_back({{"source_file", c.row.source_file}, {"score", round2(c.score)},
                     {"confidence", round2(c.confidence)}, {"reasons", reasons_json(c.evidence)},
                     {"evidence", evidence_json(c.evidence)}});
  out["candidates"] = cands;
  if (!a.link.other_links.empty()) {
    json others = json::array();
    for (const auto& c : a.link.other_links) others.push_back(link_json(c));
    out["other_links"] = others;
  }
  out["grade_check"] = grade_check_json(a.grade_check);
  out["date_check"] = date_check_json(a.date_check);
  json qs = json::array();
  for (const auto& q : a.quotes) qs.push_back(quote_json(q));
  out["quotes"] = qs;
  return out;
}

}  // namespace cscwatch::news

namespace cscwatch {

Result<nlohmann::json> analyse_article(const Connection& db, std::string_view article) {
  news::ArticleInput input;
  input.text = std::string(article);
  auto analysis = news::analyse_article(db, input);
  if (!analysis) return Error{analysis.error()};
  return news::to_json(*analysis);
}

}  // namespace cscwatch
