#include "analysis/answering_intervention.h"

#include <chrono>
#include <optional>

namespace cscwatch {

namespace {

// Strongest first: how far the DfE took the service out of the council's hands.
constexpr InterventionKind kStrength[] = {InterventionKind::AlternativeDelivery, InterventionKind::Commissioner,
                                          InterventionKind::StatutoryDirection, InterventionKind::ImprovementAdviser,
                                          InterventionKind::ImprovementNotice,  InterventionKind::Other};

int strength(InterventionKind kind) {
  for (int i = 0; i < static_cast<int>(std::size(kStrength)); ++i)
    if (kStrength[i] == kind) return i;
  return static_cast<int>(std::size(kStrength));
}

long long day_number(const Date& d) { return std::chrono::sys_days(d).time_since_epoch().count(); }

bool answers(const Intervention& i, const Date& judged_end, const Date& until) {
  if (!i.start) return false;
  const long long start = day_number(i.start->first_day);
  if (start > day_number(until)) return false;
  constexpr long long kSixMonths = 183;
  if (start >= day_number(judged_end) - kSixMonths) return true;
  if (i.end) return day_number(i.end->first_day) >= day_number(judged_end);
  return i.kind == InterventionKind::AlternativeDelivery;
}

}  // namespace

std::string answering_intervention(const std::vector<Intervention>& interventions, const Date& judged_end,
                                   const Date& until) {
  std::optional<InterventionKind> best;
  for (const auto& i : interventions)
    if (answers(i, judged_end, until) && (!best || strength(i.kind) < strength(*best))) best = i.kind;
  return best ? std::string(label(*best)) : std::string("None recorded");
}

}  // namespace cscwatch
