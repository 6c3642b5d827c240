#include "web/api_json.h"

#include "http/html_escape.h"
#include "http/url_codec.h"

namespace cscwatch {

namespace {

nlohmann::json nullable(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

nlohmann::json page_or_null(int page) { return page > 0 ? nlohmann::json(page) : nlohmann::json(nullptr); }

nlohmann::json point_json(const ImprovementPointRow& pt) {
  return {{"ordinal", pt.ordinal},
          {"text", pt.text},
          {"page", page_or_null(pt.page)},
          {"number", nullable(pt.number)},
          {"section", nullable(pt.section)}};
}

const char* kGradeAreas[] = {"overall", "leadership", "help_protection", "in_care", "care_leavers", "adoption", "lscb"};

}  // namespace

nlohmann::json inspection_json(const InspectionRow& r) {
  nlohmann::json j = nlohmann::json::object();
  const auto& columns = export_columns();
  auto values = export_values(r);
  for (size_t i = 0; i < columns.size(); ++i) j[columns[i]] = nullable(values[i]);
  j["document_id"] = r.document_id;
  j["authority_slug"] = r.authority_slug;
  j["region_name"] = nullable(r.region_name);
  j["type_inferred"] = r.type_inferred;
  j["headline"] = nullable(r.headline);
  j["page_count"] = r.page_count;
  j["report_url"] = "/report/" + std::to_string(r.document_id);
  j["pdf_url"] = "/report/" + std::to_string(r.document_id) + "/pdf";
  nlohmann::json judgements = nlohmann::json::object();
  for (const char* area : kGradeAreas) {
    auto it = r.judgements.find(area);
    if (it == r.judgements.end()) continue;
    judgements[area] = {{"grade", nullable(it->second.grade)},
                        {"printed_label", it->second.printed_label},
                        {"printed_grade", it->second.printed_grade},
                        {"page", page_or_null(it->second.page)}};
  }
  j["judgements"] = judgements;
  // The April 2026 framework: overall null by design, and the grade the row
  // counts as (analysis/national_register.h counted_grade).
  CountedGrade counted = counted_grade(r);
  j["overall_absent_by_framework"] = counted.overall_absent_by_framework;
  j["counted_as"] = nullable(counted.grade);
  j["counted_by"] = counted.grade.empty() ? nlohmann::json(nullptr)
                    : counted.by_lowest_judgement ? nlohmann::json("lowest_judgement")
                                                  : nlohmann::json("overall");
  // Arrays instead of the export's one-cell summaries.
  nlohmann::json review = nlohmann::json::array();
  for (const auto& item : r.review)
    review.push_back({{"field", item.field}, {"reason", item.reason}, {"page", page_or_null(item.page)}});
  j["review"] = review;
  j["needs_review"] = r.needs_review();
  nlohmann::json corrected = nlohmann::json::array();
  for (const auto& c : r.corrections)
    corrected.push_back({{"field", c.field},
                         {"value", c.value},
                         {"extracted", c.extracted},
                         {"page", page_or_null(c.page)},
                         {"note", c.note},
                         {"corrected_by", c.corrected_by},
                         {"corrected_at", c.corrected_at}});
  j["corrected"] = corrected;
  j["pages"] = {{"authority_name", page_or_null(r.authority_page)},
                {"inspection_start", page_or_null(r.start_page)},
                {"inspection_end", page_or_null(r.end_page)},
                {"published", page_or_null(r.published_page)},
                {"lead_inspector", page_or_null(r.lead_inspector_page)},
                {"headline", page_or_null(r.headline_page)}};
  return j;
}

nlohmann::json register_entry_json(const RegisterEntry& e) {
  nlohmann::json j = nlohmann::json::object();
  if (e.latest) {
    j = inspection_json(*e.latest);
  } else {
    for (const auto& c : export_columns()) j[c] = nullptr;
    j["document_id"] = nullptr;
  }
  // The authority's own fields win over the row's (they are the same for a
  // row, and present when there is no row).
  j["authority_urn"] = e.urn;
  j["authority_la_code"] = e.la_code;
  j["authority_ons_code"] = nullable(e.ons_code);
  j["authority_name"] = e.name;
  j["authority_slug"] = e.slug;
  j["region_code"] = nullable(e.region_code);
  j["region_name"] = nullable(e.region_name);
  j["la_type"] = nullable(e.la_type);
  j["legacy"] = e.legacy;
  j["months_since"] = e.months_since ? nlohmann::json(*e.months_since) : nlohmann::json(nullptr);
  bool window = e.forecast && e.forecast->opens;
  j["next_window_opens"] = window ? nlohmann::json(to_iso(*e.forecast->opens)) : nlohmann::json(nullptr);
  j["next_window_closes"] = window ? nlohmann::json(to_iso(*e.forecast->closes)) : nlohmann::json(nullptr);
  j["next_window_status"] = nullable(e.forecast_status);
  j["next_window_basis"] = e.forecast ? nullable(e.forecast->basis) : nlohmann::json(nullptr);
  j["inspection_count"] = e.inspection_count;
  j["grades_ever"] = e.grades_ever;  // counted grades (overall, or lowest judgement under the 2026 framework)
  j["authority_url"] = "/authority/" + e.slug;
  return j;
}

nlohmann::json authority_summary_json(const AuthoritySummary& a) {
  return {{"authority_urn", a.urn},           {"authority_la_code", a.la_code},
          {"authority_ons_code", nullable(a.ons_code)}, {"authority_name", a.name},
          {"authority_slug", a.slug},         {"region_name", nullable(a.region_name)},
          {"la_type", nullable(a.la_type)},   {"legacy", a.legacy},
          {"authority_url", "/authority/" + a.slug}};
}

nlohmann::json authority_profile_json(const AuthorityProfile& p) {
  nlohmann::json j = authority_summary_json(p.authority);
  nlohmann::json inspections = nlohmann::json::array();
  for (const auto& item : p.inspections) {
    nlohmann::json i = inspection_json(item.row);
    nlohmann::json points = nlohmann::json::array();
    for (const auto& pt : item.improvement_points) points.push_back(point_json(pt));
    i["improvement_points"] = points;
    inspections.push_back(i);
  }
  j["inspections"] = inspections;
  nlohmann::json neighbours = nlohmann::json::array();
  for (const auto& n : p.neighbours) {
    nlohmann::json x = n.authority ? authority_summary_json(*n.authority) : nlohmann::json{{"authority_la_code", n.la_code}};
    x["overall"] = nullable(n.overall);
    x["inspection_start"] = nullable(n.inspection_start);
    x["source_file"] = nullable(n.source_file);
    neighbours.push_back(x);
  }
  j["statistical_neighbours"] = neighbours;
  auto links = [](const std::vector<ReorganisationLink>& v) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& l : v) {
      nlohmann::json x = authority_summary_json(l.authority);
      x["effective"] = l.effective;
      x["note"] = l.note;
      a.push_back(x);
    }
    return a;
  };
  j["predecessors"] = links(p.predecessors);
  j["successors"] = links(p.successors);
  return j;
}

nlohmann::json report_json(const ReportDetail& d) {
  nlohmann::json j = inspection_json(d.row);
  nlohmann::json points = nlohmann::json::array();
  for (const auto& pt : d.improvement_points) points.push_back(point_json(pt));
  j["improvement_points"] = points;
  j["has_pdf"] = d.has_pdf;
  nlohmann::json pages = nlohmann::json::array();
  for (const auto& p : d.pages) pages.push_back({{"number", p.number}, {"text", p.text}});
  j["page_texts"] = pages;
  return j;
}

std::string snippet_html(std::string_view marked) {
  std::string out;
  bool open = false;
  size_t from = 0;
  for (size_t i = 0; i <= marked.size(); ++i) {
    if (i < marked.size() && marked[i] != kMarkStart && marked[i] != kMarkEnd) continue;
    append_escaped(out, marked.substr(from, i - from));
    from = i + 1;
    if (i == marked.size()) break;
    if (marked[i] == kMarkStart && !open) {
      out += "<mark>";
      open = true;
    } else if (marked[i] == kMarkEnd && open) {
      out += "</mark>";
      open = false;
    }
  }
  if (open) out += "</mark>";
  return out;
}

std::string snippet_text(std::string_view marked) {
  std::string out;
  for (char c : marked)
    if (c != kMarkStart && c != kMarkEnd) out += c;
  return out;
}

nlohmann::json search_results_json(const SearchResults& r, const SearchRequest& q) {
  nlohmann::json hits = nlohmann::json::array();
  for (const auto& h : r.hits) {
    hits.push_back({{"document_id", h.document_id},
                    {"page", h.page},
                    {"source_file", h.source_file},
                    {"authority_name", h.authority_name},
                    {"authority_slug", h.authority_slug},
                    {"region_name", nullable(h.region_name)},
                    {"framework", h.framework},
                    {"kind", h.kind},
                    {"inspection_start", nullable(h.inspection_start)},
                    {"published", nullable(h.published)},
                    {"overall", nullable(h.overall)},
                    {"snippet", snippet_text(h.snippet)},
                    {"snippet_html", snippet_html(h.snippet)},
                    {"score", h.score},
                    {"report_url", "/report/" + std::to_string(h.document_id) + "?q=" + url_encode(q.query) +
                                       "#page-" + std::to_string(h.page)},
                    {"pdf_url", "/report/" + std::to_string(h.document_id) + "/pdf#page=" + std::to_string(h.page)}});
  }
  return {{"query", q.query},
          {"fts_query", r.fts_query},
          {"filters",
           {{"grade", nullable(q.grade)},
            {"framework", nullable(q.framework)},
            {"year_from", q.year_from ? nlohmann::json(q.year_from) : nlohmann::json(nullptr)},
            {"year_to", q.year_to ? nlohmann::json(q.year_to) : nlohmann::json(nullptr)},
            {"region", nullable(q.region)}}},
          {"total_hits", r.total_hits},
          {"total_reports", r.total_reports},
          {"hits_by_grade", r.hits_by_grade},
          {"limit", q.limit},
          {"offset", q.offset},
          {"hits", hits}};
}

}  // namespace cscwatch
