#include "analysis/hex_map.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "analysis/national_register.h"
#include "domain/reorganisation.h"
#include "store/hex_layout.h"
#include "store/inspection_rows.h"

namespace cscwatch {

namespace {

struct AuthorityRow {
  std::string urn, slug, name, ons;
  bool legacy = false;
};

std::string folded(std::string_view s) {
  std::string out;
  for (unsigned char c : s)
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
  return out;
}

// Successors that lie to the west take the west half of a split hex.
bool lies_west(std::string_view urn) {
  return urn == "2637548" /* West Northamptonshire */ || urn == "2733690" /* Cumberland */;
}

}  // namespace

HexMapPicture hex_map(const Connection& db, const Date& as_at) {
  HexMapPicture picture;
  picture.as_at = as_at;
  const auto layout = read_hex_layout(db);
  if (layout.empty()) return picture;

  std::map<std::string, AuthorityRow> by_urn;
  std::map<std::string, std::string> urn_by_ons, urn_by_name;
  {
    auto q = db.prepare("SELECT urn, slug, name, ons_code, legacy FROM authorities");
    while (q.step()) {
      AuthorityRow a{q.text(0), q.text(1), q.text(2), q.text(3), q.integer(4) != 0};
      if (!a.ons.empty()) urn_by_ons[a.ons] = a.urn;
      urn_by_name.emplace(folded(a.name), a.urn);
      by_urn[a.urn] = std::move(a);
    }
  }
  // Latest grade published by the date, per authority.
  std::map<std::string, MapOccupant> graded;
  InspectionFilter filter;
  filter.graded_only = true;
  for (const auto& r : query_inspections(db, filter)) {
    const CountedGrade counted = counted_grade(r);
    if (counted.grade.empty()) continue;
    const std::string& known = r.published.empty() ? r.inspection_end : r.published;
    auto day = parse_iso_date(known);
    if (!day || *day > as_at) continue;
    MapOccupant& o = graded[r.authority_urn];
    if (!o.published.empty() && o.published > known) continue;
    o.grade = counted.grade;
    o.by_lowest_judgement = counted.by_lowest_judgement;
    o.published = known;
  }
  auto occupant = [&](const std::string& urn) {
    MapOccupant o;
    if (auto it = graded.find(urn); it != graded.end()) o = it->second;
    const AuthorityRow& a = by_urn[urn];
    o.urn = a.urn;
    o.slug = a.slug;
    o.name = a.name;
    return o;
  };

  std::set<std::string> placed;
  for (const auto& cell : layout) {
    MapHex hex{cell.code, cell.name, cell.q, cell.r, {}};
    std::string urn;
    if (auto it = urn_by_ons.find(cell.code); it != urn_by_ons.end()) urn = it->second;
    else if (auto n = urn_by_name.find(folded(cell.name)); n != urn_by_name.end()) urn = n->second;
    if (urn.empty()) {
      picture.hexes.push_back(std::move(hex));
      continue;
    }
    std::vector<std::string> shown;
    std::vector<std::string> successors, predecessors_then;
    for (const auto& reorg : known_reorganisations()) {
      if (reorg.predecessor_urn == urn) {
        successors.emplace_back(reorg.successor_urn);
        // Split or merged away before the date: the successors are shown.
        if (to_iso(as_at) >= reorg.date) shown.emplace_back(reorg.successor_urn);
      }
      if (reorg.successor_urn == urn && to_iso(as_at) < reorg.date) predecessors_then.emplace_back(reorg.predecessor_urn);
    }
    if (!shown.empty()) {
      std::stable_sort(shown.begin(), shown.end(), [](const std::string& a, const std::string& b) {
        return lies_west(a) && !lies_west(b);
      });
    } else if (!predecessors_then.empty()) {
      shown = {predecessors_then.front()};
    } else {
      shown = {urn};
    }
    for (const auto& s : successors) placed.insert(s);
    for (const auto& s : predecessors_then) placed.insert(s);
    placed.insert(urn);
    for (const auto& s : shown)
      if (by_urn.count(s)) hex.occupants.push_back(occupant(s));
    picture.hexes.push_back(std::move(hex));
  }
  for (const auto& [urn, a] : by_urn) {
    if (placed.count(urn)) continue;
    bool is_predecessor = false;
    for (const auto& reorg : known_reorganisations())
      if (reorg.predecessor_urn == urn) {
        is_predecessor = placed.count(std::string(reorg.successor_urn)) > 0;
        if (is_predecessor) break;
      }
    if (!is_predecessor && !a.legacy) picture.unplaced.push_back(a.name);
  }
  return picture;
}

}  // namespace cscwatch
