// The hex map of England kept in the register (table hex_layout), so the web
// application draws the map from the register alone.
#pragma once

#include <vector>

#include "domain/hex_cell.h"
#include "store/sqlite.h"

namespace cscwatch {

// Replaces the stored layout with `cells` in one transaction.
void store_hex_layout(Connection& db, const std::vector<HexCell>& cells);

// The stored layout (empty when none was loaded), ordered by code.
std::vector<HexCell> read_hex_layout(const Connection& db);

}  // namespace cscwatch
