#include "api/openapi.h"

#include <nlohmann/json.hpp>

#include "news/article_text.h"
#include "store/inspection_rows.h"
#include "api/intervention_register_openapi.h"

namespace cscwatch {

namespace {

nlohmann::json nullable_string() { return {{"type", "string"}, {"nullable", true}}; }

nlohmann::json grade_schema() {
  return {{"type", "string"},
          {"nullable", true},
          {"enum", {"outstanding", "good", "requires_improvement", "adequate", "inadequate", nullptr}}};
}

nlohmann::json query_param(const char* name, const char* description, nlohmann::json schema, bool required = false) {
  return {{"name", name}, {"in", "query"}, {"required", required}, {"description", description}, {"schema", schema}};
}

nlohmann::json error_response(const char* description) {
  return {{"description", description},
          {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
}

// Recurring and persisting weaknesses (web/phrases_page.h, web/persistence_page.h).
void add_weakness_paths(nlohmann::json& paths) {
  const nlohmann::json object_response = {{"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
  nlohmann::json phrases_ok = object_response;
  phrases_ok["description"] =
      "reports and words per class, method, more_in_inadequate and more_in_good_or_outstanding: [{phrase, words, z, "
      "log_odds_ratio, uses_inadequate, reports_inadequate, uses_good_or_outstanding, reports_good_or_outstanding, "
      "search_url}]";
  paths["/api/national/phrases"] = {
      {"get",
       {{"summary", "Phrases of 1-3 words used more in inadequate reports than in good or outstanding ones, and the reverse "
                    "(weighted log-odds ratio, informative Dirichlet prior)"},
        {"parameters",
         {{{"name", "framework"}, {"in", "query"}, {"required", false}, {"schema", {{"type", "string"}, {"enum", {"SIF", "ILACS"}}}}},
          {{"name", "top"}, {"in", "query"}, {"required", false}, {"schema", {{"type", "integer"}, {"minimum", 1}, {"maximum", 200}}}}}},
        {"responses", {{"200", phrases_ok}, {"400", error_response("Bad parameter")}}}}}};
  nlohmann::json persistence_ok = object_response;
  persistence_ok["description"] =
      "threshold, pairs, points, recurring, themes [{theme, points, recurring}], authorities [...]; with authority: "
      "pairs [{earlier, later, recurring, points [{point, verdict, similarity, closest_next_point, closest_passage, "
      "closest_passage_page, closest_passage_similarity, themes}]}]";
  nlohmann::json context_ok = object_response;
  context_ok["description"] =
      "authority, units, inspections [{document_id, source_file, inspection_start, overall, figures {name: {value, "
      "rate, as_at, printed, page, pdf_url}}}] for children_living_in_area, child_poverty, children_in_need, "
      "child_protection_plans, looked_after";
  paths["/api/authorities/{slug}/context"] = {
      {"get",
       {{"summary", "The statistics each SIF report printed about the authority's area, with their pages"},
        {"parameters", {{{"name", "slug"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}}}},
        {"responses", {{"200", context_ok}, {"404", error_response("No such authority")}}}}}};
  paths["/api/national/persistence"] = {
      {"get",
       {{"summary", "Improvement points matched against the next graded report: recurring or not repeated"},
        {"parameters",
         {{{"name", "authority"}, {"in", "query"}, {"required", false}, {"schema", {{"type", "string"}}}}}},
        {"responses", {{"200", persistence_ok}, {"404", error_response("No such authority")}}}}}};
}

nlohmann::json ok(const char* description, const char* schema) {
  return {{"description", description},
          {"content", {{"application/json", {{"schema", {{"$ref", std::string("#/components/schemas/") + schema}}}}}}}};
}

nlohmann::json review_item_schema() {
  return {{"type", "object"},
                                {"properties",
                                 {{"field", {{"type", "string"}}},
                                  {"reason", {{"type", "string"}}},
                                  {"page", {{"type", "integer"}, {"nullable", true}, {"description", "Where the fact should be"}}}}}};
}

nlohmann::json correction_schema() {
  return {{"type", "object"},
                               {"properties",
                                {{"field", {{"type", "string"}}},
                                 {"value", {{"type", "string"}, {"description", "The corrected value (\"\" for none)"}}},
                                 {"extracted", {{"type", "string"}, {"description", "What the extractor read"}}},
                                 {"page", {{"type", "integer"}, {"nullable", true}}},
                                 {"note", {{"type", "string"}}},
                                 {"corrected_by", {{"type", "string"}}},
                                 {"corrected_at", {{"type", "string"}, {"description", "ISO 8601 UTC"}}}}}};
}

nlohmann::json inspection_schema() {
  nlohmann::json inspection = {{"type", "object"}, {"properties", nlohmann::json::object()}};
  for (const auto& c : export_columns()) {
    bool is_grade = c == "overall" || c == "leadership" || c == "help_protection" || c == "in_care" ||
                    c == "care_leavers" || c == "adoption" || c == "lscb";
    inspection["properties"][c] = is_grade ? grade_schema() : nullable_string();
  }
  inspection["properties"]["document_id"] = {{"type", "integer"}};
  inspection["properties"]["authority_slug"] = {{"type", "string"}};
  inspection["properties"]["judgements"] = {
      {"type", "object"},
      {"description", "By area: grade, printed_label, printed_grade and the page it was read from"}};
  inspection["properties"]["pages"] = {{"type", "object"}, {"description", "The page each fact was read from"}};
  inspection["properties"]["review"] = {
      {"type", "array"}, {"items", review_item_schema()}, {"description", "Facts a person should check (replaces the export's summary cell)"}};
  inspection["properties"]["corrected"] = {
      {"type", "array"}, {"items", correction_schema()}, {"description", "Corrections applied: the row's fields hold these values"}};
  inspection["properties"]["needs_review"] = {{"type", "boolean"}};
  inspection["properties"]["overall_absent_by_framework"] = {
      {"type", "boolean"},
      {"description", "True for inspections under the April 2026 framework: overall is null by design, not missing data"}};
  inspection["properties"]["counted_as"] = {
      {"allOf", nlohmann::json::array({grade_schema()})},
      {"description", "The grade the inspection counts as in counts and filters: overall, or under the April 2026 "
                      "framework its lowest judgement"}};
  inspection["properties"]["counted_by"] = {
      {"type", "string"}, {"nullable", true}, {"enum", {"overall", "lowest_judgement", nullptr}}};
  inspection["properties"]["report_url"] = {{"type", "string"}};
  inspection["properties"]["pdf_url"] = {{"type", "string"}};
  return inspection;
}

nlohmann::json grade_filter() {
  return {{"type", "string"},
                                 {"enum", {"outstanding", "good", "requires_improvement", "adequate", "inadequate", "none"}}};
}
nlohmann::json framework_filter() {
  return {{"type", "string"}, {"enum", {"ILACS", "SIF", "pre-SIF"}}};
}

nlohmann::json info() {
  return {{"title", "cscwatch API"},
           {"version", "1"},
           {"description",
         "The register of Ofsted inspections of English local authority children's services. Reads are public "
         "(restricted improvement records need a signed-in account allowed to see them). Writes to improvement "
         "records need a signed-in editor of the authority or an admin and the session's CSRF token in the "
         "X-CSRF-Token header (GET /api/session gives it). Field names match the CSV export's columns. Empty values "
         "are null. Errors are JSON {error, status}: 400 (bad parameter or malformed search), 401 (not signed in), "
         "403 (not allowed, or no valid CSRF token), 404, 409 (the record changed since it was read), 422 (a field "
         "failed validation), 429 (too many failed sign-ins)."}};
}

void add_register_paths(nlohmann::json& paths) {
  paths["/api/register"] = {{"get",
           {{"summary", "Every authority with its latest graded inspection"},
            {"parameters",
             {query_param("region", "Region name", {{"type", "string"}}),
              query_param("grade",
                          "Current counted grade: overall, or the lowest judgement under the April 2026 framework "
                          "(or with ever=1, any past one)",
                          grade_filter()),
              query_param("ever", "Match the grade at any inspection", {{"type", "integer"}, {"enum", {0, 1}}}),
              query_param("framework", "Framework of the latest inspection", framework_filter()),
              query_param("legacy", "Include abolished authorities", {{"type", "integer"}, {"enum", {0, 1}}}),
              query_param("intervention", "Only authorities under intervention (by their public records)",
                          {{"type", "integer"}, {"enum", {0, 1}}}),
              query_param("sort", "Column to sort by (export field names, region, months_since)", {{"type", "string"}}),
              query_param("dir", "Sort direction", {{"type", "string"}, {"enum", {"asc", "desc"}}})}},
            {"responses", {{"200", ok("The register", "Register")}, {"400", error_response("Bad parameter")}}}}}};
  paths["/api/authorities/{slug}"] = {{"get",
           {{"summary", "One authority: inspections, neighbours, reorganisations"},
            {"parameters",
             {{{"name", "slug"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}}}},
            {"responses", {{"200", ok("The authority", "Authority")}, {"404", error_response("No such authority")}}}}}};
  paths["/api/reports/{id}"] = {{"get",
           {{"summary", "One report: every extracted fact with its page"},
            {"parameters",
             {{{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}}}},
              query_param("pages", "Include the text of every page", {{"type", "integer"}, {"enum", {0, 1}}})}},
            {"responses", {{"200", ok("The report", "Inspection")}, {"404", error_response("No such report")}}}}}};
  paths["/api/search"] = {{"get",
           {{"summary", "Full-text search over every page of every report"},
            {"description",
             "Query syntax: words, \"phrases\", AND / OR / NOT (capitals), prefix*, (groups). Other punctuation is "
             "ignored. Results ranked by bm25."},
            {"parameters",
             {query_param("q", "The query", {{"type", "string"}, {"maxLength", 500}}, true),
              query_param("grade", "Overall grade of the report", grade_filter()),
              query_param("framework", "Framework", framework_filter()),
              query_param("from", "First inspection year", {{"type", "integer"}}),
              query_param("to", "Last inspection year", {{"type", "integer"}}),
              query_param("region", "Region name", {{"type", "string"}}),
              query_param("limit", "Hits per page (1-100)", {{"type", "integer"}}),
              query_param("offset", "Hits to skip", {{"type", "integer"}})}},
            {"responses",
             {{"200", ok("Ranked hits with snippets and counts by grade", "SearchResults")},
              {"400", error_response("Malformed or too costly query (see docs/limits.md), with a message saying what to change")}}}}}};
}

void add_account_paths(nlohmann::json& paths) {
  paths["/api/session"] = {{"get",
           {{"summary", "Who is signed in (session cookie cscwatch_session, set by POST /login), and the CSRF token to "
                        "send back in the X-CSRF-Token header of every write"},
            {"responses",
             {{"200",
               {{"description", "signed_in, and when signed in: name, role (admin|editor|viewer), authorities (URNs), csrf"},
                {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}}}}}}}};
  paths["/api/audit/{slug}"] = {{"get",
           {{"summary", "The audit trail of one authority's records, newest first: who, when, entity, action, before and after"},
            {"parameters",
             {{{"name", "slug"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}}}},
            {"responses",
             {{"200",
               {{"description", "authority_urn, authority_slug, changes [{id, at, actor, entity, entity_id, action, before, after}]"},
                {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}}},
              {"403", error_response("Not signed in, or the account may not see this authority's restricted records")},
              {"404", error_response("No such authority")}}}}}};
  paths["/api/review"] = {{"get",
           {{"summary", "Every document needing review, with each doubtful fact, its reason and page"},
            {"responses",
             {{"200", ok("Documents needing review (an empty list when every stored fact meets its rules)", "Review")}}}}}};
  paths["/api/news"] = {{"post",
           {{"summary", "Link a news article to its report and check its quotations"},
            {"parameters",
             {query_param("title", "The headline, when the text does not start with it", {{"type", "string"}}),
              query_param("url", "The article's address (an authority named there counts as named)", {{"type", "string"}}),
              query_param("date",
                          "The article's date: 2014-06-05, 5 June 2014, 2014-06, June 2014, 2014, RFC 822 or ISO 8601 "
                          "with a time; a month or year is used at that precision",
                          {{"type", "string"}})}},
            {"requestBody",
             {{"required", true}, {"content", {{"text/plain", {{"schema", {{"type", "string"}, {"maxLength", news::kMaxArticleBytes}}}}}}}}},
            {"responses",
             {{"200",
               {{"description",
                 "authority {urn, name}, event_kind, grade_reported, linked {source_file, confidence, reasons} or "
                 "null, quotes [{text, attributed_to, verdict, page}], and more"},
                {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}}},
              {"400", error_response("Empty, binary or oversized article, or a date in none of the forms")}}}}}};
  paths["/api/openapi.json"] = {{"get", {{"summary", "This document"}, {"responses", {{"200", {{"description", "OpenAPI 3"}}}}}}}};
}

void add_improvement_paths(nlohmann::json& paths) {
  paths["/api/authorities/{slug}/improvement"] = {{"get",
           {{"summary", "Interventions, boards, plans with their actions, visits, and the status derived from them"},
            {"parameters", {{{"name", "slug"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}}}},
            {"responses",
             {{"200", {{"description", "status {under_intervention, position ('under intervention' | 'expected, not recorded' "
                                       "| 'no intervention in force'), since, in_force, months_since_inadequate, "
                                       "monitoring_visits, focused_visits, reinspection}, interventions (each with "
                                       "source, source_title, source_date), boards, plans, visits"},
                       {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}}},
              {"404", error_response("No such authority, or its records are restricted")}}}}}};
  paths["/api/authorities/{slug}/improvement/{record}"] = {{"post",
           {{"summary", "Create an intervention, board, plan or visit (signed in, X-CSRF-Token; editors of the authority)"},
            {"description", "record: intervention | board | plan | visit. The body is a JSON object of the form's fields. "
                            "201 with the record; 422 {errors: [{field, message}]}; 403 not allowed."},
            {"responses", {{"201", {{"description", "The record created"}}}, {"422", error_response("Invalid fields")},
                           {"403", error_response("Not allowed")}}}}}};
  paths["/api/improvement/plan/{id}/actions"] = {{"post",
           {{"summary", "Add an action to a plan (signed in, X-CSRF-Token)"},
            {"responses", {{"201", {{"description", "The action created"}}}, {"422", error_response("Invalid fields")}}}}}};
  paths["/api/improvement/{record}/{id}"] = {{"post",
           {{"summary", "Update a record (signed in, X-CSRF-Token); the body carries the version it was read at"},
            {"description", "record: intervention | board | plan | action | visit. A stale version answers 409 "
                            "{error, current} with the record as it now is; nothing is overwritten."},
            {"responses", {{"200", {{"description", "The record saved"}}}, {"409", error_response("Stale version")},
                           {"422", error_response("Invalid fields")}}}}}};
}

void add_national_paths(nlohmann::json& paths) {
  // The national picture and the lead inspectors (web/national_page.h, web/inspectors_page.h).
  paths["/api/national"] = {
      {"get",
       {{"summary", "National statistics: grade mix by year and framework (nationally and by region), transitions "
                    "between consecutive full inspections, time to recover from inadequate (Kaplan-Meier), the hex map"},
        {"parameters",
         nlohmann::json::array({{{"name", "as_at"}, {"in", "query"}, {"required", false},
                                 {"description", "YYYY-MM-DD: only inspections published by then (default today)"},
                                 {"schema", {{"type", "string"}, {"format", "date"}}}}})},
        {"responses", {{"200", ok("The figures, the rules behind them, and each hexagon's authorities and grades", "National")},
                       {"400", error_response("Malformed as_at")}}}}}};
  paths["/api/inspectors"] = {
      {"get",
       {{"summary", "Every lead inspector with inspections led by year, framework and grade (with the caveat)"},
        {"responses", {{"200", ok("Lead inspectors, most inspections first", "Inspectors")}}}}}};
  paths["/api/inspectors/{slug}"] = {
      {"get",
       {{"summary", "One lead inspector and the inspections they led"},
        {"parameters", nlohmann::json::array({{{"name", "slug"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}}})},
        {"responses", {{"200", ok("The inspector", "Inspectors")}, {"404", error_response("No inspector has that name")}}}}}};
}

void add_register_schemas(nlohmann::json& schemas) {
  schemas["Inspection"] = inspection_schema();
  nlohmann::json entry = {{"type", "object"},
                          {"properties",
                           {{"region_name", nullable_string()},
                            {"months_since", {{"type", "integer"}, {"nullable", true}}},
                            {"next_window_opens", nullable_string()},
                            {"next_window_closes", nullable_string()},
                            {"next_window_status", nullable_string()},
                            {"next_window_basis",
                             {{"type", "string"},
                              {"nullable", true},
                              {"description", "The rule applied, in words (the 2026 framework's rule from its four judgements)"}}},
                            {"inspection_count", {{"type", "integer"}}},
                            {"grades_ever", {{"type", "array"}, {"items", {{"type", "string"}}}}}}}};
  schemas["Register"] = {{"type", "object"},
                         {"properties",
                          {{"count", {{"type", "integer"}}},
                           {"counts_by_current_grade",
                            {{"type", "object"},
                             {"description", "Authorities by counted grade: overall, or under the April 2026 framework the "
                                             "lowest judgement"}}},
                           {"counted_by_lowest_judgement", {{"type", "object"}, {"description", "Of those, counted by lowest judgement"}}},
                           {"counting_rule", {{"type", "string"}}},
                           {"authorities",
                            {{"type", "array"},
                             {"items", {{"allOf", nlohmann::json::array({{{"$ref", "#/components/schemas/Inspection"}}, entry})}}}}}}}};
  schemas["Authority"] = {{"type", "object"},
                          {"properties",
                           {{"authority_urn", {{"type", "string"}}},
                            {"authority_name", {{"type", "string"}}},
                            {"inspections", {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/Inspection"}}}}},
                            {"statistical_neighbours", {{"type", "array"}, {"items", {{"type", "object"}}}}},
                            {"predecessors", {{"type", "array"}, {"items", {{"type", "object"}}}}},
                            {"successors", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}};
}

void add_other_schemas(nlohmann::json& schemas) {
  nlohmann::json hit = {{"type", "object"},
                        {"properties",
                         {{"document_id", {{"type", "integer"}}},
                          {"page", {{"type", "integer"}}},
                          {"authority_name", {{"type", "string"}}},
                          {"overall", grade_schema()},
                          {"snippet", {{"type", "string"}}},
                          {"snippet_html", {{"type", "string"}, {"description", "Escaped HTML; matches in <mark>"}}},
                          {"report_url", {{"type", "string"}}},
                          {"pdf_url", {{"type", "string"}}}}}};
  schemas["SearchResults"] = {{"type", "object"},
                              {"properties",
                               {{"query", {{"type", "string"}}},
                                {"total_hits", {{"type", "integer"}}},
                                {"total_reports", {{"type", "integer"}}},
                                {"hits_by_grade", {{"type", "object"}}},
                                {"hits", {{"type", "array"}, {"items", hit}}}}}};
  schemas["Review"] = {
      {"type", "object"},
      {"properties",
       {{"count", {{"type", "integer"}}},
        {"message", {{"type", "string"}}},
        {"documents",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"properties",
             {{"document_id", {{"type", "integer"}}},
              {"authority_name", nullable_string()},
              {"authority_slug", nullable_string()},
              {"source_file", {{"type", "string"}}},
              {"kind", nullable_string()},
              {"inspection_start", nullable_string()},
              {"report_url", {{"type", "string"}}},
              {"pdf_url", {{"type", "string"}}},
              {"review", {{"type", "array"}, {"items", review_item_schema()}}},
              {"corrected", {{"type", "array"}, {"items", correction_schema()}}}}}}}}}}}};
  schemas["Error"] = {{"type", "object"},
                      {"properties", {{"error", {{"type", "string"}}}, {"status", {{"type", "integer"}}}}}};
  schemas["National"] = {{"type", "object"},
                         {"properties",
                          {{"as_at", {{"type", "string"}, {"format", "date"}}},
                           {"rules", {{"type", "string"}}},
                           {"grade_mix", {{"type", "object"}}},
                           {"grade_mix_by_region", {{"type", "object"}}},
                           {"transitions", {{"type", "object"}}},
                           {"transitions_by_region", {{"type", "object"}}},
                           {"recovery", {{"type", "object"}}},
                           {"recovery_by_region", {{"type", "object"}}},
                           {"map", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}};
  schemas["Inspectors"] = {{"type", "object"},
                           {"properties", {{"caveat", {{"type", "string"}}}, {"inspectors", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}};
}

nlohmann::json build() {
  nlohmann::json doc = {{"openapi", "3.0.3"}, {"info", info()}, {"paths", nlohmann::json::object()}};
  nlohmann::json& paths = doc["paths"];
  add_register_paths(paths);
  add_account_paths(paths);
  add_improvement_paths(paths);
  add_national_paths(paths);
  nlohmann::json schemas;
  add_register_schemas(schemas);
  add_other_schemas(schemas);
  doc["components"] = {{"schemas", schemas}};
  add_weakness_paths(doc["paths"]);
  add_intervention_register_paths(doc["paths"]);
  return doc;
}

}  // namespace

const std::string& openapi_document() {
  static const std::string doc = build().dump(2);
  return doc;
}

}  // namespace cscwatch
