// Reads a hexjson file (reference/upper_tier_hexmap.hexjson): the hex map of
// England's upper-tier authorities.
#pragma once

#include <string>
#include <vector>

#include "domain/hex_cell.h"
#include "domain/result.h"

namespace cscwatch {

// The cells of the map, ordered by code. Refuses anything that is not an
// "odd-r" hexjson with integer coordinates, saying why.
Result<std::vector<HexCell>> load_hexmap(const std::string& path);
Result<std::vector<HexCell>> parse_hexmap(const std::string& json_text);

}  // namespace cscwatch
