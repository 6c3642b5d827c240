// One hexagon of a hex map of England (the ODI's hexjson format): an area
// code, its name, and its column and row in an "odd-r" layout.
#pragma once

#include <string>

namespace cscwatch {

struct HexCell {
  std::string code;  // ONS code of the authority when the map was drawn
  std::string name;
  int q = 0;         // column
  int r = 0;         // row, growing northwards; odd rows are shifted half a hexagon right
};

}  // namespace cscwatch
