#include "analysis/lead_inspectors.h"

#include <algorithm>
#include <cctype>

#include "analysis/inspection_intervals.h"
#include "analysis/national_register.h"

namespace cscwatch {

std::string inspector_slug(std::string_view name) {
  std::string out;
  bool gap = false;
  for (unsigned char c : name) {
    if (std::isalnum(c)) {
      if (gap && !out.empty()) out += '-';
      out += static_cast<char>(std::tolower(c));
      gap = false;
    } else {
      gap = true;
    }
    if (out.size() >= 100) break;
  }
  return out;
}

namespace {

std::vector<LeadInspector> collect(const Connection& db, std::string_view only_slug) {
  std::map<std::string, LeadInspector> by_slug;
  for (auto& r : query_inspections(db)) {
    if (r.lead_inspector.empty()) continue;
    std::string slug = inspector_slug(r.lead_inspector);
    if (slug.empty() || (!only_slug.empty() && slug != only_slug)) continue;
    LeadInspector& l = by_slug[slug];
    if (l.name.empty()) {
      l.name = r.lead_inspector;
      l.slug = slug;
    }
    ++l.inspections;
    const std::string& day = r.inspection_start.empty() ? r.published : r.inspection_start;
    ++l.by_year[day.size() >= 4 ? day.substr(0, 4) : std::string("unknown")];
    const CountedGrade counted = counted_grade(r);
    ++l.by_framework[counted.overall_absent_by_framework ? std::string(kFramework2026) : r.framework];
    ++l.by_grade[counted.grade];
    if (!only_slug.empty()) l.rows.push_back(std::move(r));
  }
  std::vector<LeadInspector> out;
  for (auto& [slug, l] : by_slug) out.push_back(std::move(l));
  std::stable_sort(out.begin(), out.end(), [](const LeadInspector& a, const LeadInspector& b) {
    return a.inspections != b.inspections ? a.inspections > b.inspections : a.name < b.name;
  });
  for (auto& l : out)
    std::stable_sort(l.rows.begin(), l.rows.end(), [](const InspectionRow& a, const InspectionRow& b) {
      return a.inspection_start < b.inspection_start;
    });
  return out;
}

}  // namespace

std::vector<LeadInspector> lead_inspectors(const Connection& db) { return collect(db, {}); }

std::optional<LeadInspector> lead_inspector(const Connection& db, std::string_view slug) {
  if (slug.empty()) return std::nullopt;
  auto found = collect(db, slug);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

}  // namespace cscwatch
