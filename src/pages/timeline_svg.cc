#include "pages/timeline_svg.h"

#include <fmt/format.h>

#include <algorithm>

#include "analysis/national_register.h"
#include "domain/grade.h"
#include "domain/judgement.h"
#include "pages/grade_badge.h"
#include "http/html_escape.h"

namespace cscwatch {

namespace {

// kRight leaves room for the judgements beside an inspection of this year.
constexpr int kWidth = 860, kHeight = 240, kLeft = 165, kRight = 124, kTop = 22, kBottom = 52;

double year_fraction(const Date& d) {
  return static_cast<int>(d.year()) + (static_cast<unsigned>(d.month()) - 1) / 12.0 + (static_cast<unsigned>(d.day()) - 1) / 365.0;
}

// The marker shape matches the badge symbol: star, disc, triangle, cross.
std::string marker(double x, double y, const std::string& cls) {
  if (cls == "good") return fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"8\"/>", x, y);
  if (cls == "requires_improvement" || cls == "adequate")
    return fmt::format("<path d=\"M{:.1f} {:.1f}l9 15h-18z\"/>", x, y - 9);
  if (cls == "inadequate")
    return fmt::format("<path d=\"M{0:.1f} {1:.1f}l4 -4 5 5 5 -5 4 4 -5 5 5 5 -4 4 -5 -5 -5 5 -4 -4 5 -5z\"/>", x - 9, y - 5);
  return fmt::format("<path d=\"M{:.1f} {:.1f}l3 6 7 1-5 5 1 7-6-3-6 3 1-7-5-5 7-1z\"/>", x, y - 10);  // star
}

// Each judgement beside the overall marker: a two-letter code in its grade's
// row, outlined in the grade's colour, in a fixed order so that an area keeps
// its place from one inspection to the next; its title names area and grade.
struct AreaCode {
  JudgementArea area;
  const char* code;
};
constexpr AreaCode kAreaCodes[] = {{JudgementArea::Leadership, "LD"},  {JudgementArea::HelpProtection, "HP"},
                                   {JudgementArea::InCare, "CC"},      {JudgementArea::CareLeavers, "CL"},
                                   {JudgementArea::Adoption, "AD"},    {JudgementArea::Lscb, "SB"}};

template <typename YPos>
std::string judgement_markers(const InspectionRow& r, double x, YPos ypos) {
  std::string out;
  int k = 0;
  for (const auto& [area, code] : kAreaCodes) {
    auto g = parse_grade(r.grade(std::string(to_string(area))));
    if (!g) continue;
    double left = x + 12 + 19 * k++, y = ypos(rank(*g));
    std::string cls(to_string(*g));
    out += fmt::format("<g class=\"jd g-{}\"><title>", cls);
    append_escaped(out, r.inspection_start + ": " + std::string(label(area)) + ": " + grade_label(cls));
    out += fmt::format("</title><rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"18\" height=\"14\" rx=\"2\"/>"
                       "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text></g>",
                       left, y - 7, left + 9, y + 3.5, code);
  }
  return out;
}

}  // namespace

std::string judgement_key_html() {
  std::string out = "<figcaption class=\"chart-key\">The large marker is the overall grade (its shape as in the "
                    "badges); beside it, each judgement in its grade\u2019s row: ";
  bool first = true;
  for (const auto& [area, code] : kAreaCodes) {
    out += first ? "" : ", ";
    first = false;
    out += fmt::format("<abbr>{}</abbr> {}", code, label(area));
  }
  return out + ". Ticks on the axis are visits and letters; the list below links each inspection.</figcaption>";
}

std::string grades_timeline_svg(const std::vector<const InspectionRow*>& rows, const Date& today) {
  double first = year_fraction(today), last = year_fraction(today);
  for (const auto* r : rows)
    if (auto d = parse_iso_date(r->inspection_start.empty() ? r->published : r->inspection_start))
      first = std::min(first, year_fraction(*d));
  int y0 = static_cast<int>(first), y1 = static_cast<int>(last) + 1;
  if (y1 - y0 < 4) y0 = y1 - 4;
  auto xpos = [&](double t) { return kLeft + (t - y0) / (y1 - y0) * (kWidth - kLeft - kRight); };
  auto ypos = [&](int rank) { return kTop + (rank - 1) * (kHeight - kTop - kBottom) / 3.0; };

  std::string out = fmt::format(
      "<svg class=\"timeline-chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"tl-title\" "
      "xmlns=\"http://www.w3.org/2000/svg\"><title id=\"tl-title\">Overall effectiveness and each judgement at each "
      "graded inspection (ringed: no overall grade under the 2026 framework, plotted at its lowest judgement)</title>",
      kWidth, kHeight);
  const char* rows_labels[] = {"Outstanding", "Good", "Requires improvement", "Inadequate"};
  for (int rank = 1; rank <= 4; ++rank) {
    out += fmt::format("<line class=\"grid\" x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\"/>", kLeft, kWidth - kRight,
                       ypos(rank), ypos(rank));
    out += fmt::format("<text class=\"axis\" x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>", kLeft - 8,
                       ypos(rank) + 4, rows_labels[rank - 1]);
  }
  int step = (y1 - y0) > 12 ? 2 : 1;
  for (int y = y0; y <= y1; y += step)
    out += fmt::format("<text class=\"axis\" x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>", xpos(y),
                       kHeight - 12, y);

  std::string line, points, ticks, judgements;
  for (const auto* r : rows) {
    auto d = parse_iso_date(r->inspection_start.empty() ? r->published : r->inspection_start);
    if (!d) continue;
    double x = xpos(year_fraction(*d));
    // The counted grade: overall, or the lowest judgement under the April
    // 2026 framework (drawn hollow, with a title saying so).
    CountedGrade counted = counted_grade(*r);
    auto g = parse_grade(counted.grade);
    if (!g) {
      // Letters and ungraded reports: a tick on the axis.
      ticks += fmt::format("<line class=\"visit\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1}\" y2=\"{2}\"><title>", x,
                           kHeight - kBottom - 6, kHeight - kBottom + 4);
      append_escaped(ticks, r->kind + " " + r->inspection_start);
      ticks += "</title></line>";
      continue;
    }
    double y = ypos(rank(*g));
    line += fmt::format("{}{:.1f},{:.1f}", line.empty() ? "" : " ", x, y);
    std::string cls(to_string(*g));
    // No link around the marker: the chart is one image (role="img", whose
    // children are presentational), so it may hold no interactive control;
    // the timeline list below links to each inspection.
    points += fmt::format("<g class=\"pt g-{}{}\" data-document=\"{}\"><title>", cls,
                          counted.by_lowest_judgement ? " counted" : "", r->document_id);
    if (counted.by_lowest_judgement)
      append_escaped(points, r->inspection_start + ": " + std::string(kNoOverall2026) + "; plotted at " + grade_label(cls) +
                                 ", its lowest judgement (" + r->framework + ")");
    else
      append_escaped(points, r->inspection_start + ": " + grade_label(cls) + " (" + r->framework + ")");
    points += "</title>" + marker(x, y, cls);
    // A ring around the marker: counted by its lowest judgement, not an overall grade.
    if (counted.by_lowest_judgement)
      points += fmt::format("<circle class=\"counted-ring\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"13\" fill=\"none\"/>", x, y);
    points += "</g>";
    judgements += judgement_markers(*r, x, ypos);
  }
  if (!line.empty()) out += "<polyline class=\"trend\" points=\"" + line + "\"/>";
  out += ticks + judgements + points + "</svg>";
  return out;
}

}  // namespace cscwatch
