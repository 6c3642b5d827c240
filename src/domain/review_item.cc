#include "domain/review_item.h"

namespace cscwatch {

void add_review_item(std::vector<ReviewItem>& items, ReviewItem item) {
  for (const auto& existing : items)
    if (existing.field == item.field && existing.reason == item.reason) return;
  items.push_back(std::move(item));
}

}  // namespace cscwatch
