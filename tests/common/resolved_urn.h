// The URN a printed name resolves to in a directory ("" when it resolves to
// none, or to several), for tests that list printed forms and their authority.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/authority_directory.h"
#include "domain/date.h"

namespace cscwatch::testing {

inline std::string resolved_urn(const AuthorityDirectory& directory, std::string_view printed,
                                std::optional<Date> on = std::nullopt) {
  const auto r = directory.resolve(printed, on);
  return r.authority ? r.authority->urn : "";
}

}  // namespace cscwatch::testing
