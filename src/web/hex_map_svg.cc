#include "web/hex_map_svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>

#include "domain/grade.h"
#include "web/grade_badge.h"
#include "http/html_escape.h"

namespace cscwatch {

namespace {

constexpr double kSide = 12;                       // hexagon side (pointy top)
const double kWidth = std::sqrt(3.0) * kSide;      // across the flats
constexpr double kRowStep = 1.5 * kSide;

std::string_view symbol(std::string_view g) {
  if (g == "outstanding") return "\u2605";
  if (g == "good") return "\u25CF";
  if (g == "requires_improvement" || g == "adequate") return "\u25B2";
  if (g == "inadequate") return "\u2716";
  return "";
}

std::string grade_class(const std::string& g) {
  auto parsed = parse_grade(g);
  return parsed ? "g-" + std::string(to_string(*parsed)) : std::string("g-none");
}

std::string point(double x, double y) { return fmt::format("{:.1f},{:.1f}", x, y); }

// Whole hexagon (half = 0), its west half (1) or its east half (2), centred on (cx, cy).
std::string hex_points(double cx, double cy, int half) {
  const double w = kWidth / 2, s = kSide;
  const std::string top = point(cx, cy - s), bottom = point(cx, cy + s);
  const std::string ne = point(cx + w, cy - s / 2), se = point(cx + w, cy + s / 2);
  const std::string sw = point(cx - w, cy + s / 2), nw = point(cx - w, cy - s / 2);
  if (half == 1) return top + " " + bottom + " " + sw + " " + nw;
  if (half == 2) return top + " " + ne + " " + se + " " + bottom;
  return top + " " + ne + " " + se + " " + bottom + " " + sw + " " + nw;
}

std::string accessible_name(const MapOccupant& o) {
  std::string name = o.name + ": ";
  if (o.grade.empty()) return name + "no graded inspection by this date";
  name += grade_label(o.grade);
  if (o.by_lowest_judgement) name += " (no overall grade, 2026 framework: its lowest judgement)";
  if (!o.published.empty()) name += ", published " + o.published;
  return name;
}

}  // namespace

std::string hex_map_svg(const HexMapPicture& picture) {
  if (picture.hexes.empty()) return {};
  int min_q = 1 << 20, max_q = -(1 << 20), min_r = 1 << 20, max_r = -(1 << 20);
  for (const auto& h : picture.hexes) {
    min_q = std::min(min_q, h.q);
    max_q = std::max(max_q, h.q);
    min_r = std::min(min_r, h.r);
    max_r = std::max(max_r, h.r);
  }
  const double width = (max_q - min_q + 1.5) * kWidth + 2;
  const double height = (max_r - min_r) * kRowStep + 2 * kSide + 2;
  std::string out = fmt::format(
      "<svg class=\"hexmap\" id=\"hexmap\" viewBox=\"0 0 {:.0f} {:.0f}\" role=\"group\" aria-labelledby=\"map-h\">",
      width, height);
  for (const auto& h : picture.hexes) {
    // Rows grow northwards in the hexjson; odd rows sit half a hexagon right.
    const double cx = 1 + kWidth / 2 + (h.q - min_q) * kWidth + ((h.r & 1) ? kWidth / 2 : 0);
    const double cy = 1 + kSide + (max_r - h.r) * kRowStep;
    if (h.occupants.empty()) {
      out += "<polygon class=\"hex g-none\" points=\"" + hex_points(cx, cy, 0) + "\"><title>";
      append_escaped(out, h.name);
      out += ": no authority in the register</title></polygon>";
      continue;
    }
    const bool split = h.occupants.size() > 1;
    for (size_t i = 0; i < h.occupants.size() && i < 2; ++i) {
      const MapOccupant& o = h.occupants[i];
      const int half = split ? static_cast<int>(i) + 1 : 0;
      out += "<a href=\"/authority/";
      append_escaped(out, o.slug);
      out += "\" aria-label=\"";
      append_escaped(out, accessible_name(o));
      out += "\" data-slug=\"";
      append_escaped(out, o.slug);
      out += "\"><polygon class=\"hex " + grade_class(o.grade) + "\" points=\"" + hex_points(cx, cy, half) + "\"/>";
      const auto mark = symbol(o.grade);
      if (!mark.empty()) {
        const double x = split ? cx + (half == 1 ? -kWidth / 4 : kWidth / 4) : cx;
        out += fmt::format("<text class=\"sym {}\" x=\"{:.1f}\" y=\"{:.1f}\" aria-hidden=\"true\">{}</text>",
                           grade_class(o.grade), x, cy + 3.5, mark);
      }
      out += "</a>";
    }
  }
  out += "</svg>";
  return out;
}

}  // namespace cscwatch
