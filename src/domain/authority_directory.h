// Finds authorities by any name, code or slug they are known by.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/authority.h"
#include "domain/result.h"

namespace cscwatch {

class AuthorityDirectory {
 public:
  AuthorityDirectory() = default;
  explicit AuthorityDirectory(std::vector<Authority> authorities);

  const std::vector<Authority>& all() const { return authorities_; }
  const Authority* by_urn(std::string_view urn) const;
  const Authority* by_la_code(std::string_view code) const;
  const Authority* by_slug(std::string_view slug) const;

  // Resolves a name as printed in a report or an article, in any of its forms:
  // "Dudley Metropolitan Borough Council", "London Borough of Havering",
  // "Bournemouth, Christchurch and Poole", "BCP Council", "Hull",
  // "City of London", "Isles of Scilly", "Royal Borough of Windsor and
  // Maidenhead". nullptr when no authority has that name.
  const Authority* resolve_name(std::string_view printed) const;

  // For people typing on a command line or in a URL: a URN, DfE code, ONS
  // code, slug or name (case-insensitive, or any part of one if only one
  // authority matches). The error says whether nothing or several matched.
  Result<const Authority*> find(std::string_view query) const;

  // Every normalised name form and the authority it belongs to, longest first
  // (for finding mentions in free text).
  const std::vector<std::pair<std::string, const Authority*>>& name_forms() const { return forms_; }

  // Lower case, '&' -> "and", "St." -> "st", punctuation dropped, single spaces.
  static std::string normalise(std::string_view text);

 private:
  void add_form(const std::string& form, size_t index);
  std::vector<Authority> authorities_;
  std::unordered_map<std::string, size_t> by_form_;
  std::vector<std::pair<std::string, const Authority*>> forms_;
};

}  // namespace cscwatch
