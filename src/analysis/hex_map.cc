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

// The register's authorities, and the two ways a hex names one.
struct AuthorityIndex {
  std::map<std::string, AuthorityRow> by_urn;
  std::map<std::string, std::string> urn_by_ons, urn_by_name;

  // The authority a hex was drawn for: by ONS code, then by name (some
  // authorities changed code, not territory). Empty when none matches.
  std::string urn_for(const HexCell& cell) const {
    if (auto it = urn_by_ons.find(cell.code); it != urn_by_ons.end()) return it->second;
    if (auto n = urn_by_name.find(folded(cell.name)); n != urn_by_name.end()) return n->second;
    return "";
  }
};

AuthorityIndex read_authorities(const Connection& db) {
  AuthorityIndex index;
  auto q = db.prepare("SELECT urn, slug, name, ons_code, legacy FROM authorities");
  while (q.step()) {
    AuthorityRow a{q.text(0), q.text(1), q.text(2), q.text(3), q.integer(4) != 0};
    if (!a.ons.empty()) index.urn_by_ons[a.ons] = a.urn;
    index.urn_by_name.emplace(folded(a.name), a.urn);
    index.by_urn[a.urn] = std::move(a);
  }
  return index;
}

// Latest grade published by the date, per authority (the inspection's end
// stands in for an unknown publication date).
std::map<std::string, MapOccupant> latest_grades(const Connection& db, const Date& as_at) {
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
  return graded;
}

// Who stands on a hex drawn for one authority, as at the date.
struct HexPlacement {
  std::vector<std::string> shown;              // west half first when split
  std::vector<std::string> successors;         // every successor, in effect or not
  std::vector<std::string> predecessors_then;  // predecessors of a merger not yet in effect
};

HexPlacement place_on_hex(const std::string& urn, const Date& as_at) {
  HexPlacement p;
  for (const auto& reorg : known_reorganisations()) {
    if (reorg.predecessor_urn == urn) {
      p.successors.emplace_back(reorg.successor_urn);
      // Split or merged away before the date: the successors are shown.
      if (to_iso(as_at) >= reorg.date) p.shown.emplace_back(reorg.successor_urn);
    }
    if (reorg.successor_urn == urn && to_iso(as_at) < reorg.date)
      p.predecessors_then.emplace_back(reorg.predecessor_urn);
  }
  if (!p.shown.empty()) {
    std::stable_sort(p.shown.begin(), p.shown.end(),
                     [](const std::string& a, const std::string& b) { return lies_west(a) && !lies_west(b); });
  } else if (!p.predecessors_then.empty()) {
    p.shown = {p.predecessors_then.front()};
  } else {
    p.shown = {urn};
  }
  return p;
}

MapOccupant occupant(const AuthorityRow& a, const std::map<std::string, MapOccupant>& graded) {
  MapOccupant o;
  if (auto it = graded.find(a.urn); it != graded.end()) o = it->second;
  o.urn = a.urn;
  o.slug = a.slug;
  o.name = a.name;
  return o;
}

// Current authorities on no hex: neither placed nor a predecessor of one placed.
std::vector<std::string> unplaced_authorities(const AuthorityIndex& index, const std::set<std::string>& placed) {
  std::vector<std::string> unplaced;
  for (const auto& [urn, a] : index.by_urn) {
    if (placed.count(urn)) continue;
    bool is_predecessor = false;
    for (const auto& reorg : known_reorganisations())
      if (reorg.predecessor_urn == urn) {
        is_predecessor = placed.count(std::string(reorg.successor_urn)) > 0;
        if (is_predecessor) break;
      }
    if (!is_predecessor && !a.legacy) unplaced.push_back(a.name);
  }
  return unplaced;
}

}  // namespace

HexMapPicture hex_map(const Connection& db, const Date& as_at) {
  HexMapPicture picture;
  picture.as_at = as_at;
  const auto layout = read_hex_layout(db);
  if (layout.empty()) return picture;

  const AuthorityIndex index = read_authorities(db);
  const std::map<std::string, MapOccupant> graded = latest_grades(db, as_at);
  std::set<std::string> placed;
  for (const auto& cell : layout) {
    MapHex hex{cell.code, cell.name, cell.q, cell.r, {}};
    const std::string urn = index.urn_for(cell);
    if (!urn.empty()) {
      const HexPlacement p = place_on_hex(urn, as_at);
      placed.insert(p.successors.begin(), p.successors.end());
      placed.insert(p.predecessors_then.begin(), p.predecessors_then.end());
      placed.insert(urn);
      for (const auto& s : p.shown)
        if (auto a = index.by_urn.find(s); a != index.by_urn.end())
          hex.occupants.push_back(occupant(a->second, graded));
    }
    picture.hexes.push_back(std::move(hex));
  }
  picture.unplaced = unplaced_authorities(index, placed);
  return picture;
}

}  // namespace cscwatch
