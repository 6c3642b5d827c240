#include "cli/cli_context.h"

#include <cstdio>
#include <filesystem>
#include <set>
#include <string>

#include "reader/hexmap.h"
#include "reader/known_interventions.h"
#include "reader/reference_tables.h"
#include "store/hex_layout.h"
#include "store/improvement_store.h"

namespace cscwatch {

Result<Register> CliContext::open_for_ingest() const {
  std::error_code ec;
  if (!std::filesystem::exists(authorities_csv(), ec))
    return Error{"reference data not found: " + authorities_csv() +
                 " does not exist. Pass --data-dir DIR naming a folder that holds reference/authorities.csv "
                 "(the project's shared data folder, ../shared by default), or run 'cscwatch fetch --data-dir DIR' "
                 "to download the reference tables and reports there."};
  auto authorities = load_authorities(authorities_csv());
  if (!authorities) return Error{authorities.error()};
  auto reg = Register::open(db_path);
  if (!reg) return Error{reg.error()};
  auto loaded = reg->load_authorities(*authorities);
  if (!loaded) return Error{loaded.error()};
  // The hex map is optional: without it the national page says the map is
  // unavailable; a file that is there but unreadable is an error.
  if (std::filesystem::exists(hexmap_json(), ec)) {
    auto cells = load_hexmap(hexmap_json());
    if (!cells) return Error{cells.error()};
    store_hex_layout(reg->connection(), *cells);
  }
  // The known interventions ship in the binary (data/known_interventions.csv);
  // loaded like the authority table, never over a row a person edited.
  std::set<std::string> urns;
  for (const auto& a : *authorities) urns.insert(a.urn);
  auto known = parse_known_interventions(known_interventions_csv(), urns);
  if (!known) return Error{known.error()};
  try {
    Transaction tx(reg->connection());
    load_known_interventions(reg->connection(), *known);
    tx.commit();
  } catch (const SqlError& e) {
    return Error{std::string("cannot load the known interventions: ") + e.what()};
  }
  return reg;
}

Result<Register> CliContext::open_existing() const {
  std::error_code ec;
  if (!std::filesystem::exists(db_path, ec))
    return Error{"no register at " + db_path + ": run 'cscwatch ingest' first (or pass --db FILE)"};
  return Register::open(db_path, /*read_only=*/true);
}

AuthorityDirectory directory_of(const Register& reg) { return AuthorityDirectory(reg.authorities()); }

int fail(const std::string& message, int status) {
  std::fprintf(stderr, "cscwatch: %s\n", message.c_str());
  return status;
}

}  // namespace cscwatch
