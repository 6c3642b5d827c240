// Finds authorities by any name, code or slug they are known by.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/authority.h"
#include "domain/date.h"
#include "domain/delivery_body.h"
#include "domain/result.h"

namespace cscwatch {

// Which authority a printed name stands for, and how that was decided.
struct AuthorityResolution {
  enum class By {
    Name,          // the authority's own name, in whatever designator words
    DeliveryBody,  // a trust or company that delivers its services (known_delivery_bodies())
    Ambiguous,     // several authorities fit equally; see candidates
    NotFound,      // nothing fits
  };
  const Authority* authority = nullptr;  // nullptr unless by is Name or DeliveryBody
  By by = By::NotFound;
  const DeliveryBody* delivery_body = nullptr;  // the table row used, when by is DeliveryBody
  bool outside_dates = false;                   // that row's dates do not cover the date given
  std::vector<const Authority*> candidates;     // when Ambiguous: the authorities that tie
  // How it was resolved ("Doncaster Children's Services Trust delivers
  // Doncaster's children's services (1 October 2014 to 31 August 2022)") or
  // why it was not.
  std::string note;

  explicit operator bool() const { return authority != nullptr; }
};

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
  // Same as resolve(printed, std::nullopt).authority.
  const Authority* resolve_name(std::string_view printed) const;

  // Resolves a printed name, or the name of a body delivering an authority's
  // children's services, on a date (the inspection's first day) if known.
  // Names match by their place-name tokens (place_tokens()) in any order:
  // first an exact token-set match, then a shortened name (the first words of
  // exactly one authority's name), then a name found within extra words. Two
  // authorities tying is never resolved. A delivery body serving several
  // authorities is resolved by the other words printed with it (an authority's
  // name), else by which one it served on the date, else reported Ambiguous.
  AuthorityResolution resolve(std::string_view printed, std::optional<Date> on) const;

  // The words of a name that say which place it is, in order: lower case,
  // designator words dropped wherever they stand ("council", "borough",
  // "metropolitan", "district", "county", "city", "royal", "london" before
  // "borough", "the", "of", "and", "corporation", "unitary authority",
  // "children's services", ...), "saint" -> "st".
  // "The Council of the City of Bristol" -> {"bristol"}.
  static std::vector<std::string> place_tokens(std::string_view printed);

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
  // A delivery body's row for an authority in the directory.
  struct BodyCandidate {
    const DeliveryBody* row;
    size_t index;  // into authorities_
  };
  // The delivery bodies whose whole name is among the printed words.
  struct BodyMatch {
    bool matched = false;                      // some body's name is printed
    std::vector<BodyCandidate> candidates;     // their rows for authorities in the directory
    std::set<std::string, std::less<>> words;  // the words of the names matched
  };
  // An authority's name found within printed place tokens [start, start + length).
  struct NameSpan {
    size_t index, start, length;
  };

  void add_form(const std::string& form, size_t index);
  AuthorityResolution resolve_by_name(const std::vector<std::string>& tokens) const;
  AuthorityResolution named(size_t index, std::string note) const;
  AuthorityResolution tied(const std::vector<size_t>& indices, const std::string& why) const;
  std::optional<AuthorityResolution> resolve_by_prefix(const std::vector<std::string>& tokens,
                                                       const std::string& words) const;
  AuthorityResolution resolve_within_words(const std::vector<std::string>& tokens, const std::string& words) const;
  std::vector<NameSpan> name_spans(const std::vector<std::string>& tokens) const;

  // nullopt when the printed name holds no known delivery body's name.
  std::optional<AuthorityResolution> resolve_by_body(std::string_view printed, const std::vector<std::string>& tokens,
                                                     std::optional<Date> on) const;
  BodyMatch match_delivery_bodies(std::string_view printed) const;
  std::vector<BodyCandidate> named_with_body(const BodyMatch& match, const std::vector<std::string>& tokens) const;
  std::vector<const Authority*> authorities_of(const std::vector<BodyCandidate>& candidates) const;
  AuthorityResolution delivered_by(const std::vector<BodyCandidate>& rows, const std::string& how,
                                   std::optional<Date> on) const;
  AuthorityResolution body_tie(const std::vector<BodyCandidate>& candidates, const std::string& why) const;
  AuthorityResolution resolve_body_by_date(const std::vector<BodyCandidate>& candidates, const Date& on) const;

  // One name of an authority as place tokens, in printed order and as a
  // sorted set (joined with spaces, the exact-match key).
  struct NameKey {
    std::vector<std::string> tokens;
    std::string set_key;
    size_t index;
  };
  std::vector<Authority> authorities_;
  std::vector<NameKey> keys_;
  std::unordered_map<std::string, std::vector<size_t>> by_set_key_;  // set key -> authority indices
  std::unordered_map<std::string, size_t> by_form_;
  std::vector<std::pair<std::string, const Authority*>> forms_;
};

}  // namespace cscwatch
