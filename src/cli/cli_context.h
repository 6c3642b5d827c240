// What every command shares: where the register and the reference data live,
// and how to open them with messages that say what to do when they are absent.
#pragma once

#include <optional>
#include <string>

#include "domain/authority_directory.h"
#include "domain/result.h"
#include "store/register.h"

namespace cscwatch {

struct CliContext {
  std::string db_path = kDefaultDatabasePath;
  std::string data_dir = "../shared";  // reference/ and corpus/ from the shared data folder

  std::string authorities_csv() const { return data_dir + "/reference/authorities.csv"; }
  std::string hexmap_json() const { return data_dir + "/reference/upper_tier_hexmap.hexjson"; }
  std::string corpus_dir() const { return data_dir + "/corpus/pdf"; }

  // Opens the register for writing and loads the reference authorities into it.
  Result<Register> open_for_ingest() const;
  // Opens an existing register read-only; the error says to run ingest first.
  Result<Register> open_existing() const;
};

// The authority directory of a register's authorities table.
AuthorityDirectory directory_of(const Register& reg);

// Writes "cscwatch: <message>" to stderr and returns exit status 1 (2 for usage errors).
int fail(const std::string& message, int status = 1);

}  // namespace cscwatch
