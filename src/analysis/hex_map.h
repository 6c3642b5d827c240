// The hex map of England as at a date: which authority each hexagon stands for
// then, and its latest grade published by that date.
//
// The map (reference/upper_tier_hexmap.hexjson, stored in the register) was
// drawn before some reorganisations, so hexes are matched to authorities by
// ONS code, then by name (Buckinghamshire, North Yorkshire and Somerset changed
// code, not territory). Reorganised authorities are placed on the hexes of the
// areas they cover (domain/reorganisation.h):
// - a merger (Poole into Bournemouth, Christchurch and Poole) keeps the
//   successor's hex; before the merger took effect that hex shows the
//   predecessor the register has;
// - a split (Northamptonshire, Cumbria) divides the county's hex into a west
//   and an east half, one per successor (West Northamptonshire and Cumberland
//   west, as they lie), from the day the split took effect; before it the whole
//   hex shows the county.
#pragma once

#include <string>
#include <vector>

#include "domain/date.h"
#include "store/sqlite.h"

namespace cscwatch {

struct MapOccupant {
  std::string urn, slug, name;
  std::string grade;          // counted grade as at the date; empty: no graded inspection yet
  bool by_lowest_judgement = false;  // April 2026 framework, counted at its lowest judgement
  std::string published;      // when that grade was published
};

struct MapHex {
  std::string code, name;  // as in the hexjson
  int q = 0, r = 0;
  std::vector<MapOccupant> occupants;  // one (whole hex) or two (west half, east half)
};

struct HexMapPicture {
  Date as_at;
  std::vector<MapHex> hexes;
  std::vector<std::string> unplaced;  // current authorities with no hexagon (named, so none is lost silently)
};

// Empty hexes when no layout is stored (the register was made without the reference hex map).
HexMapPicture hex_map(const Connection& db, const Date& as_at);

}  // namespace cscwatch
