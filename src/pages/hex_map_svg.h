// The hex map of England as inline SVG, drawn on the server: one hexagon per
// authority, filled with its grade's colour (the palette of the grade badges)
// and marked with the grade's symbol, so the map never relies on colour alone.
// Each hexagon is a link to the authority's page named "<authority>: <grade>".
#pragma once

#include <string>

#include "analysis/hex_map.h"

namespace cscwatch {

std::string hex_map_svg(const HexMapPicture& picture);

}  // namespace cscwatch
