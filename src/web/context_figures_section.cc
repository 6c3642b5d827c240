#include "web/context_figures_section.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "web/grade_badge.h"
#include "http/html_escape.h"
#include "web/inspection_fragments.h"
#include "http/static_assets.h"

namespace cscwatch {

namespace {

// 67900 -> "67,900"; 104.7 -> "104.7".
std::string grouped(double v) {
  if (v != static_cast<double>(static_cast<long long>(v))) return fmt::format("{:.1f}", v);
  std::string digits = std::to_string(static_cast<long long>(v));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

struct Column {
  const char* figure;
  const char* heading;
  const char* rate_words;  // how the rate reads after its number
  bool percentage;
};

constexpr Column kColumns[] = {
    {kFigureChildrenLiving, "Children living in the area", "% of the population", false},
    {kFigureChildPoverty, "Children living in poverty", "", true},
    {kFigureChildrenInNeed, "Children in need", "per 10,000", false},
    {kFigureChildProtection, "On child protection plans", "per 10,000", false},
    {kFigureLookedAfter, "Looked after", "per 10,000", false},
};

}  // namespace

std::string context_figures_section_html(const std::vector<InspectionContextFigures>& history) {
  if (history.empty()) return {};
  std::string out = "<section aria-labelledby=\"context-h\" id=\"context\"><h2 id=\"context-h\">The area in figures</h2>"
                    "<p class=\"note\">What each SIF report printed under \u201cInformation about this local authority "
                    "area\u201d: the authority's own figures at the date given (some unvalidated, as the reports say), "
                    "not official statistics. Rates are per 10,000 children as printed; a blank means the report "
                    "did not print it.</p>";
  if (charts_available()) {
    nlohmann::json labels = nlohmann::json::array();
    nlohmann::json series = nlohmann::json::object();
    for (const char* f : {kFigureChildrenInNeed, kFigureChildProtection, kFigureLookedAfter}) series[f] = nlohmann::json::array();
    for (const auto& i : history) {
      labels.push_back(i.inspection_start + (i.overall.empty() ? "" : " (" + grade_label(i.overall) + ")"));
      for (auto& [name, values] : series.items()) {
        auto it = i.figures.find(name);
        values.push_back(it != i.figures.end() && it->second.rate ? nlohmann::json(*it->second.rate) : nlohmann::json(nullptr));
      }
    }
    const nlohmann::json data = {{"labels", labels}, {"series", series}};
    out += "<figure class=\"chart interactive\"><canvas id=\"context-chart\" height=\"240\" data-figures=\"";
    append_escaped(out, data.dump(-1, ' ', true, nlohmann::json::error_handler_t::replace));
    out += "\" aria-label=\"Rates per 10,000 children at each inspection, with its overall grade (the table below gives "
           "every figure)\"></canvas></figure>";
  }
  out += "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"context-h\" tabindex=\"0\"><table id=\"context-figures\">"
         "<thead><tr><th scope=\"col\">Inspection</th><th scope=\"col\">Overall grade</th>";
  for (const Column& c : kColumns) out += fmt::format("<th scope=\"col\">{}</th>", c.heading);
  out += "</tr></thead><tbody>";
  for (const auto& i : history) {
    out += fmt::format("<tr><th scope=\"row\"><a href=\"/report/{}\">", i.document_id);
    append_escaped(out, i.inspection_start.empty() ? i.source_file : i.inspection_start);
    out += "</a></th><td>" + grade_badge(i.overall) + "</td>";
    for (const Column& c : kColumns) {
      out += "<td>";
      auto it = i.figures.find(c.figure);
      if (it != i.figures.end()) {
        const ContextFigure& f = it->second;
        out += c.percentage ? grouped(f.value) + "%" : grouped(f.value);
        if (f.rate) out += fmt::format(" ({}{}{})", grouped(*f.rate), c.rate_words[0] == '%' ? "" : " ", c.rate_words);
        if (!f.as_at.empty()) {
          out += " <span class=\"as-at\">at ";
          append_escaped(out, f.as_at);
          out += "</span>";
        }
        if (auto link = cited_page_link(i.document_id, f.page, ""); !link.empty()) out += " " + link;
      }
      out += "</td>";
    }
    out += "</tr>";
  }
  out += "</tbody></table></div></section>";
  return out;
}

}  // namespace cscwatch
