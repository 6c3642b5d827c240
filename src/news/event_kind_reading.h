// What kind of event an article reports (a full inspection, a monitoring or
// focused visit, a joint targeted inspection): a tally of the event words in
// each sentence, weighted by where the sentence stands, less for words about
// an earlier event ("after a focused visit"); reported grades speak for an
// inspection.
#pragma once

#include <map>
#include <string_view>
#include <vector>

#include "news/text_words.h"

namespace cscwatch::news {

// What the article reports happened.
enum class EventKind { Inspection, MonitoringVisit, FocusedVisit, JointTargetedInspection, Unknown };
// inspection, monitoring_visit, focused_visit, joint_targeted_inspection, unknown
std::string_view to_string(EventKind kind);

class EventKindTally {
 public:
  // The event words of one sentence; `weight` is the sentence's.
  void add_sentence(const std::vector<Word>& w, bool earlier_cue, double weight);
  // The kind with the most weight, grades reported (their summed weight)
  // counting twice for an inspection; Unknown when no event word was seen.
  EventKind decide(double grade_weight) const;

 private:
  std::map<EventKind, double> tally_;
};

}  // namespace cscwatch::news
