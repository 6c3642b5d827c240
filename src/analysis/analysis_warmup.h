#pragma once
// The national analyses that take a second or more on the whole register
// (the phrase contrast of each framework, the persistence of weaknesses),
// computed once when the server starts so that no visitor waits for them
// (issue 19: 1.3 s and 1.8 s on a first view). Their memos key on the
// register's fingerprint, so a later ingest recomputes them on next use.
#include <string>

namespace cscwatch {

class Connection;

// Computes and memoises the slow national analyses on this connection.
// Returns how long it took, in milliseconds (for the server's log).
long long warm_national_analyses(const Connection& db);

}  // namespace cscwatch
