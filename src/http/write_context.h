// What a write handler gets: the writable connection (inside the write's
// BEGIN IMMEDIATE ... COMMIT), today's date and the signed-in account. A
// handler checks may_edit() itself (throwing Forbidden) and records every
// change with record_audit() on the same connection: the server refuses to
// commit a write that changed rows but recorded no audit row.
#pragma once

#include <functional>

#include "domain/account.h"
#include "domain/date.h"
#include "store/sqlite.h"
#include "http/web_types.h"

namespace cscwatch {

struct WriteContext {
  const Connection& db;
  Date today;
  const Account& account;
};

using WriteHandler = std::function<WebResponse(const WriteContext&, const WebRequest&)>;

}  // namespace cscwatch
