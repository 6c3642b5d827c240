// What a renderer gets besides the request: this request's own database
// connection (never shared between threads) and the date "today" (fixed in
// tests so months-since figures are reproducible).
#pragma once

#include "domain/date.h"
#include "store/sqlite.h"

namespace cscwatch {

struct PageContext {
  const Connection& db;
  Date today;
};

}  // namespace cscwatch
