// Who may do what: an account's role and the authorities it answers for.
// Public pages need no account; improvement records can be restricted per
// authority, and only signed-in accounts write.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cscwatch {

// viewer: reads (and restricted records of the authorities granted to it);
// editor: writes the records of its own authorities; admin: everything.
enum class Role { viewer, editor, admin };

struct Account {
  std::int64_t id = 0;
  std::string name;
  Role role = Role::viewer;
  // Authorities by URN: an editor's to edit, a viewer's to view when restricted.
  std::vector<std::string> authority_urns;
  bool disabled = false;
};

// admin: any authority; editor: only its own; viewer: none. Disabled: none.
bool may_edit(const Account& account, std::string_view authority_urn);
// admin: any; editor: its own; viewer: those granted to it. Disabled: none.
bool may_view_restricted(const Account& account, std::string_view authority_urn);

std::string_view role_name(Role role);
std::optional<Role> parse_role(std::string_view name);

// An account name: 1 to 64 characters of letters, digits and . _ @ - (so it
// can be shown, logged and typed without escaping surprises).
bool valid_account_name(std::string_view name);

}  // namespace cscwatch
