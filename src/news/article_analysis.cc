#include "news/article_analysis.h"

#include "store/register.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "domain/authority_directory.h"
#include "news/article_reading.h"
#include "news/article_text.h"
#include "news/inspection_linking.h"
#include "news/quotations.h"
#include "news/quote_matching.h"
#include "store/inspection_rows.h"

namespace cscwatch {

namespace {

using nlohmann::json;
using namespace news;

std::vector<ReportPage> load_pages(const Connection& db, int64_t document_id) {
  std::vector<ReportPage> pages;
  auto q = db.prepare("SELECT number, text FROM pages WHERE document_id = ? ORDER BY number");
  q.bind(1, document_id);
  while (q.step()) pages.push_back(ReportPage{static_cast<int>(q.integer(0)), q.text(1)});
  return pages;
}

double round2(double v) { return std::round(v * 100) / 100; }

json optional_date(const std::optional<Date>& d) { return d ? json(to_iso(*d)) : json(nullptr); }

json candidate_json(const LinkCandidate& c) {
  json j;
  j["source_file"] = c.row.source_file;
  j["document_id"] = c.row.document_id;
  j["authority"] = {{"urn", c.row.authority_urn}, {"name", c.row.authority_name}};
  j["kind"] = c.row.kind;
  j["framework"] = c.row.framework;
  j["inspection_start"] = c.row.inspection_start.empty() ? json(nullptr) : json(c.row.inspection_start);
  j["inspection_end"] = c.row.inspection_end.empty() ? json(nullptr) : json(c.row.inspection_end);
  j["published"] = c.row.published.empty() ? json(nullptr) : json(c.row.published);
  auto g = overall_grade_of(c.row);
  j["overall_grade"] = g ? json(std::string(to_string(*g))) : json(nullptr);
  j["confidence"] = round2(c.score);
  j["confidence_label"] = c.score >= 0.8 ? "high" : c.score >= 0.6 ? "medium" : "low";
  j["reasons"] = c.reasons;
  return j;
}

}  // namespace

Result<json> analyse_article(const Connection& db, std::string_view article) {
  auto prepared = prepare_article_text(article);
  if (!prepared) return Error{prepared.error()};
  const ArticleText& at = *prepared;
  try {
    AuthorityDirectory directory(read_authorities(db));
    if (directory.all().empty()) return Error{"the register has no authorities; run 'cscwatch ingest' first"};

    QuotationReading quotes = read_quotations(at.text);
    // Words of people other than the inspectorate are not the article's claims.
    std::vector<std::pair<size_t, size_t>> hidden;
    for (const auto& q : quotes.quotes)
      if (q.speaker != SpeakerKind::Inspectorate && q.speaker != SpeakerKind::Unknown) hidden.emplace_back(q.begin, q.end);
    ArticleReading reading = read_article(at.text, directory, hidden, at.meta_date, at.meta_date_source);
    LinkResult link = link_inspection(db, reading);

    json out;
    out["headline"] = reading.headline;
    out["article_date"] = optional_date(reading.article_date);
    out["article_date_source"] = reading.article_date ? json(reading.article_date_source) : json(nullptr);
    out["input"] = {{"format", at.was_html ? "html" : "text"}, {"characters", at.text.size()}};
    if (!at.warnings.empty()) out["warnings"] = at.warnings;

    // Authority: the linked inspection's, else the most prominent named.
    const Authority* authority = nullptr;
    if (link.linked) authority = directory.by_urn(link.linked->row.authority_urn);
    if (!authority && !reading.authorities.empty()) authority = reading.authorities.front().authority;
    out["authority"] = authority ? json{{"urn", authority->urn}, {"name", authority->name}} : json(nullptr);
    json mentioned = json::array();
    for (const auto& m : reading.authorities)
      mentioned.push_back({{"urn", m.authority->urn},
                           {"name", m.authority->name},
                           {"mentions", m.mentions},
                           {"printed", m.printed}});
    out["authorities_mentioned"] = mentioned;

    out["event_kind"] = reading.event_kind;
    // The grade stated for the authority the article is linked to (or its main one).
    if (link.linked) reading.grade = grade_for_authority(reading, link.linked->row.authority_urn);
    out["grade_reported"] = reading.grade ? json(std::string(to_string(*reading.grade))) : json(nullptr);
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
      json e = {{"grade", std::string(to_string(g.grade))},
                {"year", g.year ? json(*g.year) : json(nullptr)},
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
      if (d.year_inferred) e["year_inferred"] = true;
      if (!d.authority_urn.empty()) e["authority_urn"] = d.authority_urn;
      e["sentence"] = d.sentence;
      dates.push_back(e);
    }
    out["dates_stated"] = dates;

    json interventions = json::array();
    for (const auto& iv : reading.interventions) {
      json e = {{"kind", iv.kind}, {"sentence", iv.text}};
      if (!iv.actor.empty()) e["actor"] = iv.actor;
      if (!iv.date_text.empty()) e["date_text"] = iv.date_text;
      interventions.push_back(e);
    }
    out["interventions"] = interventions;

    json people = json::array();
    for (const auto& p : quotes.people) {
      json e = {{"name", p.name}, {"role", p.role.empty() ? json(nullptr) : json(p.role)}};
      if (!p.title.empty()) e["title"] = p.title;
      people.push_back(e);
    }
    out["people"] = people;

    // Link.
    if (link.linked) {
      out["linked"] = candidate_json(*link.linked);
      out["link_reason"] = nullptr;
    } else {
      out["linked"] = nullptr;
      out["link_reason"] = link.no_link_reason;
    }
    json cands = json::array();
    for (const auto& c : link.candidates) {
      json e = {{"source_file", c.row.source_file}, {"confidence", round2(c.score)}, {"reasons", c.reasons}};
      cands.push_back(e);
    }
    out["candidates"] = cands;
    if (!link.other_links.empty()) {
      json others = json::array();
      for (const auto& c : link.other_links) others.push_back(candidate_json(c));
      out["other_links"] = others;
    }

    // Checks against the linked inspection.
    json grade_check;
    if (!link.linked) {
      grade_check = {{"status", "no_link"}, {"article", out["grade_reported"]}, {"report", nullptr}};
    } else {
      auto g = overall_grade_of(link.linked->row);
      std::string status = !reading.grade ? "not_stated"
                           : !g           ? "not_in_report"
                           : *g == *reading.grade ? "agree"
                                                  : "differ";
      grade_check = {{"status", status},
                     {"article", out["grade_reported"]},
                     {"report", g ? json(std::string(to_string(*g))) : json(nullptr)}};
      // Area grades the article states.
      json areas = json::array();
      for (const auto& m : reading.grade_mentions) {
        if (m.area.empty() || (!m.authority_urn.empty() && m.authority_urn != link.linked->row.authority_urn)) continue;
        std::string rg = link.linked->row.grade(m.area == "in_care" ? "in_care" : m.area);
        areas.push_back({{"area", m.area},
                         {"article", std::string(to_string(m.grade))},
                         {"report", rg.empty() ? json(nullptr) : json(rg)},
                         {"status", rg.empty() ? "not_in_report" : rg == to_string(m.grade) ? "agree" : "differ"}});
      }
      if (!areas.empty()) grade_check["areas"] = areas;
    }
    out["grade_check"] = grade_check;

    json date_check;
    if (!link.linked) {
      date_check = {{"status", "no_link"}, {"checks", json::array()}};
    } else {
      const auto& r = link.linked->row;
      auto start = parse_iso_date(r.inspection_start), end = parse_iso_date(r.inspection_end);
      auto published = parse_iso_date(r.published);
      if (!end) end = start;
      json checks = json::array();
      bool any_differ = false;
      for (const auto& d : reading.dates) {
        if (!d.authority_urn.empty() && d.authority_urn != r.authority_urn) continue;
        if (d.refers_to == "inspection" && start) {
          bool ok;
          if (d.from && d.to) {
            ok = std::chrono::sys_days{*d.from} <= std::chrono::sys_days{*end} &&
                 std::chrono::sys_days{*start} <= std::chrono::sys_days{*d.to};
          } else if (!d.months.empty()) {
            ok = true;
            for (unsigned mo : d.months) {
              bool in = false;
              int a = static_cast<int>(start->year()) * 12 + static_cast<int>(static_cast<unsigned>(start->month())) - 1;
              int b = static_cast<int>(end->year()) * 12 + static_cast<int>(static_cast<unsigned>(end->month())) - 1;
              for (int k = a; k <= b; ++k) in = in || static_cast<unsigned>(k % 12 + 1) == mo;
              ok = ok && in;
            }
          } else {
            continue;
          }
          any_differ = any_differ || !ok;
          checks.push_back({{"stated", d.text},
                            {"refers_to", "inspection"},
                            {"article", {{"from", optional_date(d.from)}, {"to", optional_date(d.to)}}},
                            {"report", {{"from", r.inspection_start}, {"to", r.inspection_end}}},
                            {"status", ok ? "agree" : "differ"}});
        } else if (d.refers_to == "publication" && published) {
          if (!d.from) {
            checks.push_back({{"stated", d.text}, {"refers_to", "publication"}, {"report", r.published},
                              {"status", "unresolved"}, {"note", "the article's own date is not known"}});
            continue;
          }
          bool ok = std::abs(days_between(*d.from, *published)) <= 7;
          any_differ = any_differ || !ok;
          checks.push_back({{"stated", d.text},
                            {"refers_to", "publication"},
                            {"article", to_iso(*d.from)},
                            {"report", r.published},
                            {"status", ok ? "agree" : "differ"}});
        }
      }
      std::string status = checks.empty() ? "not_stated" : any_differ ? "differ" : "agree";
      bool all_unresolved = !checks.empty() && std::all_of(checks.begin(), checks.end(), [](const json& c) {
        return c["status"] == "unresolved";
      });
      if (all_unresolved) status = "not_stated";
      date_check = {{"status", status}, {"checks", checks}};
      if (reading.article_date && published)
        date_check["article_after_publication_days"] = days_between(*published, *reading.article_date);
    }
    out["date_check"] = date_check;

    // Quotations.
    std::unique_ptr<ReportText> report;
    std::vector<std::pair<std::string, std::unique_ptr<ReportText>>> others;  // same authority's other documents
    bool others_loaded = false;
    if (link.linked) report = std::make_unique<ReportText>(load_pages(db, link.linked->row.document_id));
    json qs = json::array();
    constexpr int kMaxQuoteChecks = 100;
    int checked = 0;
    for (const auto& q : quotes.quotes) {
      json e;
      e["text"] = q.text;
      e["attributed_to"] = q.attributed_to.empty() ? json(nullptr) : json(q.attributed_to);
      e["speaker_kind"] = std::string(to_string(q.speaker));
      if (!q.speaker_text.empty()) e["speaker_text"] = q.speaker_text;
      if (!q.relayed_by.empty()) e["relayed_by"] = q.relayed_by;
      if (q.person >= 0) {
        const auto& p = quotes.people[static_cast<size_t>(q.person)];
        if (!p.role.empty()) e["role"] = p.role;
      }
      e["attribution"] = q.how;
      bool check = q.speaker == SpeakerKind::Inspectorate;
      bool probe = q.speaker == SpeakerKind::Unknown && q.word_count >= 5;  // unattributed: look, but only report finds
      if (!check && !probe) {
        e["verdict"] = "not_checked";
        e["page"] = nullptr;
        qs.push_back(e);
        continue;
      }
      if (++checked > kMaxQuoteChecks) {
        e["verdict"] = "not_checked";
        e["page"] = nullptr;
        e["note"] = "more quotations than are checked per article";
        qs.push_back(e);
        continue;
      }
      if (!report) {
        e["verdict"] = check ? "no_report" : "not_checked";
        e["page"] = nullptr;
        qs.push_back(e);
        continue;
      }
      QuoteMatch m = report->find(q.text);
      std::string source = link.linked->row.source_file;
      if (m.verdict == "not_found" && check) {
        // Perhaps the words come from another of the authority's documents (a visit letter).
        if (!others_loaded) {
          others_loaded = true;
          InspectionFilter f;
          f.authority_urn = link.linked->row.authority_urn;
          for (auto& row : query_inspections(db, f))
            if (row.document_id != link.linked->row.document_id)
              others.emplace_back(row.source_file, std::make_unique<ReportText>(load_pages(db, row.document_id)));
        }
        for (const auto& [file, text] : others) {
          QuoteMatch o = text->find(q.text);
          if (o.verdict != "not_found") {
            m = std::move(o);
            source = file;
            break;
          }
        }
      }
      if (!check && m.verdict == "not_found") {
        e["verdict"] = "not_checked";
        e["page"] = nullptr;
        qs.push_back(e);
        continue;
      }
      e["verdict"] = m.verdict;
      e["page"] = m.page > 0 ? json(m.page) : json(nullptr);
      if (m.verdict != "not_found") {
        e["source_file"] = source;
        e["report_text"] = m.report_text;
        e["similarity"] = round2(m.similarity);
        json diffs = json::array();
        for (const auto& d : m.differences) {
          json x = {{"kind", d.kind}};
          if (!d.quote_text.empty()) x["quote"] = d.quote_text;
          if (!d.report_text.empty()) x["report"] = d.report_text;
          diffs.push_back(x);
        }
        e["differences"] = diffs;
      }
      qs.push_back(e);
    }
    out["quotes"] = qs;
    return out;
  } catch (const SqlError& e) {
    return Error{std::string("register error while analysing the article: ") + e.what()};
  }
}

}  // namespace cscwatch
