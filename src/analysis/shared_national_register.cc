#include "analysis/shared_national_register.h"

#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "analysis/register_fingerprint.h"

namespace cscwatch {

namespace {
// The authorities table is reloaded from the reference lookup at every
// ingest, which need not change any document: it is part of the key.
std::string authorities_stamp(const Connection& db) {
  auto q = db.prepare(
      "SELECT count(*) || '/' || total(length(name) + length(region_name) + length(stat_neighbours) + legacy) "
      "FROM authorities");
  return q.step() ? q.text(0) : std::string();
}
}  // namespace

std::shared_ptr<const std::vector<RegisterEntry>> shared_national_register(const Connection& db, const Date& today) {
  static std::mutex mutex;
  // By register file (one process may read several: the tests do).
  static std::map<std::string, std::pair<std::string, std::shared_ptr<const std::vector<RegisterEntry>>>> memo;
  const std::string fingerprint = register_fingerprint(db);
  const std::string stamp = fingerprint + "|" + authorities_stamp(db) + "|" + to_iso(today);
  const std::string file = fingerprint.substr(0, fingerprint.find('|'));
  std::lock_guard lock(mutex);
  auto& slot = memo[file];
  if (!slot.second || slot.first != stamp)
    slot = {stamp, std::make_shared<const std::vector<RegisterEntry>>(national_register(db, today))};
  return slot.second;
}

}  // namespace cscwatch
