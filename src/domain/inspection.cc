#include "domain/inspection.h"

namespace cscwatch {

InspectionType infer_ilacs_type(const Date& start, const Date& end) {
  // Short: Monday to Friday of one week (5 days; Isles of Scilly 3). Standard:
  // Monday of week one to Friday of week two (12 days). Split at 8 days.
  return days_between(start, end) <= 7 ? InspectionType::Short : InspectionType::Standard;
}

}  // namespace cscwatch
