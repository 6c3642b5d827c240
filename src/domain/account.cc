#include "domain/account.h"

#include <algorithm>

namespace cscwatch {

namespace {
bool holds(const Account& a, std::string_view urn) {
  return std::find(a.authority_urns.begin(), a.authority_urns.end(), urn) != a.authority_urns.end();
}
}  // namespace

bool may_edit(const Account& account, std::string_view authority_urn) {
  if (account.disabled) return false;
  switch (account.role) {
    case Role::admin: return true;
    case Role::editor: return !authority_urn.empty() && holds(account, authority_urn);
    case Role::viewer: return false;
  }
  return false;
}

bool may_view_restricted(const Account& account, std::string_view authority_urn) {
  if (account.disabled) return false;
  if (account.role == Role::admin) return true;
  return !authority_urn.empty() && holds(account, authority_urn);
}

std::string_view role_name(Role role) {
  switch (role) {
    case Role::viewer: return "viewer";
    case Role::editor: return "editor";
    case Role::admin: return "admin";
  }
  return "viewer";
}

std::optional<Role> parse_role(std::string_view name) {
  if (name == "viewer") return Role::viewer;
  if (name == "editor") return Role::editor;
  if (name == "admin") return Role::admin;
  return std::nullopt;
}

bool valid_account_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '@' ||
           c == '-';
  });
}

}  // namespace cscwatch
