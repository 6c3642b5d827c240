#include "news/event_kind_reading.h"

namespace cscwatch::news {

std::string_view to_string(EventKind kind) {
  switch (kind) {
    case EventKind::Inspection:
      return "inspection";
    case EventKind::MonitoringVisit:
      return "monitoring_visit";
    case EventKind::FocusedVisit:
      return "focused_visit";
    case EventKind::JointTargetedInspection:
      return "joint_targeted_inspection";
    case EventKind::Unknown:
      return "unknown";
  }
  return "unknown";
}

void EventKindTally::add_sentence(const std::vector<Word>& w, bool earlier_cue, double sentence_weight) {
  double weight = sentence_weight * (earlier_cue ? 0.3 : 1.0);
  for (size_t i = 0; i < w.size(); ++i) {
    const auto& n = w[i].norm;
    std::string_view next = i + 1 < w.size() ? std::string_view(w[i + 1].norm) : "";
    std::string_view prev = i > 0 ? std::string_view(w[i - 1].norm) : "";
    // "after a focused visit": an earlier event.
    double k =
        (prev == "a" || prev == "the") && i >= 2 && (w[i - 2].norm == "after" || w[i - 2].norm == "since") ? 0.3 : 1.0;
    if (i >= 1 && (w[i - 1].norm == "after" || w[i - 1].norm == "since")) k = 0.3;
    if (n == "monitoring" && (next == "visit" || next == "visits"))
      tally_[EventKind::MonitoringVisit] += weight * k;
    else if (n == "focused" && (next == "visit" || next == "visits"))
      tally_[EventKind::FocusedVisit] += weight * k;
    else if ((n == "joint" && next == "targeted") || n == "jtai")
      tally_[EventKind::JointTargetedInspection] += weight * k;
    else if (n == "inspection" || n == "inspected" || n == "inspectors" || n == "report")
      tally_[EventKind::Inspection] += weight * k * 0.5;
  }
}

EventKind EventKindTally::decide(double grade_weight) const {
  auto tally = tally_;
  tally[EventKind::Inspection] += 2 * grade_weight;
  EventKind best = EventKind::Unknown;
  double v = 0;
  for (const auto& [k, s] : tally)
    if (s > v) {
      v = s;
      best = k;
    }
  return best;
}

}  // namespace cscwatch::news
