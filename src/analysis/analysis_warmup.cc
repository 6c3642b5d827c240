#include "analysis/analysis_warmup.h"

#include <chrono>

#include "analysis/phrase_contrast.h"
#include "analysis/weakness_persistence.h"

namespace cscwatch {

long long warm_national_analyses(const Connection& db) {
  const auto t0 = std::chrono::steady_clock::now();
  // The frameworks /national/phrases offers: all, then each.
  for (const char* framework : {"", "SIF", "ILACS"}) phrase_contrast(db, framework);
  national_persistence(db);
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace cscwatch
