// A cheap fingerprint of the register's contents: changes whenever a document
// is added, re-parsed or removed, or a correction is made. Statistics that
// read the whole corpus (recurring phrases, persisting weaknesses) are
// computed once per fingerprint and kept in memory, so their pages are fast
// after the first request and never stale after an ingest.
#pragma once

#include <string>

#include "store/sqlite.h"

namespace cscwatch {

std::string register_fingerprint(const Connection& db);

}  // namespace cscwatch
