#include "domain/improvement_records.h"

#include <charconv>

namespace cscwatch {

namespace {

std::optional<int> read_int(std::string_view s) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

std::optional<StatedDate> parse_stated_date(std::string_view text) {
  using namespace std::chrono;
  if (text.size() == 10) {
    if (auto d = parse_iso_date(text)) return StatedDate{*d, StatedDate::Precision::Day};
    return std::nullopt;
  }
  if (text.size() == 7 && text[4] == '-') {
    auto y = read_int(text.substr(0, 4)), m = read_int(text.substr(5, 2));
    if (!y || !m || *y < 1900 || *y > 2200 || *m < 1 || *m > 12) return std::nullopt;
    return StatedDate{year{*y} / month{static_cast<unsigned>(*m)} / day{1}, StatedDate::Precision::Month};
  }
  if (text.size() == 4) {
    auto y = read_int(text);
    if (!y || *y < 1900 || *y > 2200) return std::nullopt;
    return StatedDate{year{*y} / January / day{1}, StatedDate::Precision::Year};
  }
  return std::nullopt;
}

std::string to_iso(const StatedDate& date) {
  const std::string iso = to_iso(date.first_day);
  switch (date.precision) {
    case StatedDate::Precision::Day: return iso;
    case StatedDate::Precision::Month: return iso.substr(0, 7);
    case StatedDate::Precision::Year: return iso.substr(0, 4);
  }
  return iso;
}

std::string to_display(const StatedDate& date) {
  switch (date.precision) {
    case StatedDate::Precision::Day: return to_long_form(date.first_day);
    case StatedDate::Precision::Month:
      return std::string(month_name(static_cast<unsigned>(date.first_day.month()))) + " " +
             std::to_string(static_cast<int>(date.first_day.year()));
    case StatedDate::Precision::Year: return std::to_string(static_cast<int>(date.first_day.year()));
  }
  return to_iso(date);
}

namespace {
struct KindName {
  InterventionKind kind;
  std::string_view key, label;
};
constexpr KindName kKinds[] = {
    {InterventionKind::ImprovementNotice, "improvement_notice", "Improvement notice"},
    {InterventionKind::StatutoryDirection, "statutory_direction", "Statutory direction"},
    {InterventionKind::Commissioner, "commissioner", "Commissioner"},
    {InterventionKind::ImprovementAdviser, "improvement_adviser", "Improvement adviser"},
    {InterventionKind::AlternativeDelivery, "alternative_delivery", "Trust or other alternative delivery"},
    {InterventionKind::Other, "other", "Other intervention"},
};
struct StatusName {
  ActionStatus status;
  std::string_view key, label;
};
constexpr StatusName kStatuses[] = {
    {ActionStatus::NotStarted, "not_started", "Not started"},
    {ActionStatus::InProgress, "in_progress", "In progress"},
    {ActionStatus::Done, "done", "Done"},
    {ActionStatus::Blocked, "blocked", "Blocked"},
    {ActionStatus::Dropped, "dropped", "Dropped"},
};
}  // namespace

std::string_view to_string(InterventionKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k.key;
  return "other";
}
std::string_view label(InterventionKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k.label;
  return "Other intervention";
}
std::optional<InterventionKind> parse_intervention_kind(std::string_view text) {
  for (const auto& k : kKinds)
    if (k.key == text) return k.kind;
  return std::nullopt;
}
const std::vector<InterventionKind>& all_intervention_kinds() {
  static const std::vector<InterventionKind> all = [] {
    std::vector<InterventionKind> v;
    for (const auto& k : kKinds) v.push_back(k.kind);
    return v;
  }();
  return all;
}

std::string_view to_string(ActionStatus status) {
  for (const auto& s : kStatuses)
    if (s.status == status) return s.key;
  return "not_started";
}
std::string_view label(ActionStatus status) {
  for (const auto& s : kStatuses)
    if (s.status == status) return s.label;
  return "Not started";
}
std::optional<ActionStatus> parse_action_status(std::string_view text) {
  for (const auto& s : kStatuses)
    if (s.key == text) return s.status;
  return std::nullopt;
}
const std::vector<ActionStatus>& all_action_statuses() {
  static const std::vector<ActionStatus> all = [] {
    std::vector<ActionStatus> v;
    for (const auto& s : kStatuses) v.push_back(s.status);
    return v;
  }();
  return all;
}

std::string_view to_string(Rag rag) {
  switch (rag) {
    case Rag::Red: return "red";
    case Rag::Amber: return "amber";
    case Rag::Green: return "green";
    case Rag::None: break;
  }
  return "";
}
std::string_view label(Rag rag) {
  switch (rag) {
    case Rag::Red: return "Red";
    case Rag::Amber: return "Amber";
    case Rag::Green: return "Green";
    case Rag::None: break;
  }
  return "Not rated";
}
std::optional<Rag> parse_rag(std::string_view text) {
  if (text.empty()) return Rag::None;
  if (text == "red") return Rag::Red;
  if (text == "amber") return Rag::Amber;
  if (text == "green") return Rag::Green;
  return std::nullopt;
}

bool is_overdue(const PlanAction& action, const Date& today) {
  if (!action.due) return false;
  if (action.status == ActionStatus::Done || action.status == ActionStatus::Dropped) return false;
  return std::chrono::sys_days(*action.due) < std::chrono::sys_days(today);
}

std::string_view to_string(VisitKind kind) { return kind == VisitKind::Monitoring ? "monitoring" : "focused"; }
std::string_view label(VisitKind kind) { return kind == VisitKind::Monitoring ? "Monitoring visit" : "Focused visit"; }
std::optional<VisitKind> parse_visit_kind(std::string_view text) {
  if (text == "monitoring") return VisitKind::Monitoring;
  if (text == "focused") return VisitKind::Focused;
  return std::nullopt;
}

}  // namespace cscwatch
