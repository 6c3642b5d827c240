#include "web/grade_badge.h"

#include "domain/grade.h"
#include "http/html_escape.h"

namespace cscwatch {

std::string grade_label(std::string_view machine_name) {
  if (machine_name.empty()) return "Not graded";
  if (machine_name == "none") return "No graded inspection";
  auto g = parse_grade(machine_name);
  return g ? std::string(label(*g)) : std::string(machine_name);
}

namespace {
std::string_view symbol(std::string_view g) {
  if (g == "outstanding") return "\u2605";           // star
  if (g == "good") return "\u25CF";                  // disc
  if (g == "requires_improvement" || g == "adequate") return "\u25B2";  // triangle
  if (g == "inadequate") return "\u2716";            // cross
  return "";
}
}  // namespace

std::string grade_badge(std::string_view g) {
  if (g.empty()) return "<span class=\"nograde\" title=\"Not graded\">\u2014</span>";
  auto parsed = parse_grade(g);
  std::string cls = parsed ? std::string(to_string(*parsed)) : std::string("unknown");
  std::string out = "<span class=\"badge g-" + cls + "\"><span aria-hidden=\"true\">";
  out += symbol(cls);
  out += "</span> ";
  append_escaped(out, grade_label(g));
  out += "</span>";
  return out;
}

}  // namespace cscwatch
