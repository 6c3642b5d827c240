// A register holding the real reference authorities (CSCWATCH_DATA_DIR's
// reference/authorities.csv) and nothing else yet: where the tests' registers
// begin, whether they then store hand-made documents or ingest real reports.
#pragma once

#include <stdexcept>
#include <string>

#include "common/reference_data.h"
#include "reader/reference_tables.h"
#include "store/register.h"

namespace cscwatch::testing {

// Opens (creating) the register at `path` and loads the reference
// authorities into it; throws when either fails.
inline Register open_reference_register(const std::string& path) {
  auto authorities = load_authorities(reference_authorities_csv());
  if (!authorities) throw std::runtime_error(authorities.error());
  auto reg = Register::open(path);
  if (!reg) throw std::runtime_error(reg.error());
  auto loaded = reg->load_authorities(*authorities);
  if (!loaded) throw std::runtime_error(loaded.error());
  return std::move(*reg);
}

}  // namespace cscwatch::testing
