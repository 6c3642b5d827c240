#include "analysis/peer_comparison.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "analysis/national_register.h"
#include "analysis/shared_national_register.h"

namespace cscwatch {

namespace {

void add(PeerGroup& g, const RegisterEntry& e) {
  ++g.authorities;
  const std::string grade = e.current_grade();
  ++g.current[grade.empty() ? "none" : grade];
  if (std::find(e.grades_ever.begin(), e.grades_ever.end(), "inadequate") != e.grades_ever.end()) ++g.ever_inadequate;
}

std::set<std::string> split_codes(const std::string& list) {
  std::set<std::string> out;
  std::stringstream in(list);
  std::string code;
  while (std::getline(in, code, ',')) {
    code.erase(0, code.find_first_not_of(' '));
    code.erase(code.find_last_not_of(' ') + 1);
    if (!code.empty()) out.insert(code);
  }
  return out;
}

}  // namespace

std::optional<PeerComparison> peer_comparison(const Connection& db, const std::string& slug, const Date& today) {
  std::string neighbour_list;
  {
    auto q = db.prepare("SELECT stat_neighbours FROM authorities WHERE slug = ?");
    q.bind(1, slug);
    if (!q.step()) return std::nullopt;
    neighbour_list = q.text(0);
  }
  const std::set<std::string> neighbour_codes = split_codes(neighbour_list);
  const auto shared = shared_national_register(db, today);
  const std::vector<RegisterEntry>& entries = *shared;
  auto self = std::find_if(entries.begin(), entries.end(), [&](const RegisterEntry& e) { return e.slug == slug; });
  if (self == entries.end()) return std::nullopt;
  PeerComparison c;
  c.self.label = self->name;
  c.neighbours.label = "Statistical neighbours";
  c.region.label = self->region_name.empty() ? "Region" : self->region_name;
  c.england.label = "England";
  add(c.self, *self);
  for (const auto& e : entries) {
    if (e.legacy) continue;
    add(c.england, e);
    if (!self->region_name.empty() && e.region_name == self->region_name) add(c.region, e);
    if (neighbour_codes.count(e.la_code)) add(c.neighbours, e);
  }
  return c;
}

}  // namespace cscwatch
