#include "reader/known_interventions.h"

#include <map>
#include <optional>
#include <string>

#include "domain/improvement_validation.h"
#include "reader/csv.h"

namespace cscwatch {

namespace {

using Row = std::vector<std::string>;
constexpr const char* kRequired[] = {"authority_urn", "kind",       "issuer",       "start",      "end",
                                     "source_url",    "source_title", "source_date"};

// One row read into an intervention, or the reason it cannot be.
Result<Intervention> read_row(const Row& row, const std::map<std::string, size_t>& at,
                              const std::set<std::string>& authority_urns) {
  auto get = [&](const char* name) {
    auto c = at.find(name);
    return c != at.end() && c->second < row.size() ? row[c->second] : std::string{};
  };
  Intervention i;
  i.origin = "reference";
  i.authority_urn = get("authority_urn");
  if (i.authority_urn.empty()) return Error{"no authority URN"};
  if (!authority_urns.count(i.authority_urn))
    return Error{"authority URN " + i.authority_urn + " (" + get("authority") + ") is not in the reference lookup"};
  auto k = parse_intervention_kind(get("kind"));
  if (!k) return Error{"unknown kind '" + get("kind") + "'"};
  i.kind = *k;
  i.issuer = get("issuer");
  i.person = get("person");
  for (auto [column, into] : {std::pair{"start", &i.start}, std::pair{"review", &i.review},
                              std::pair{"end", &i.end}, std::pair{"source_date", &i.source_date}}) {
    const std::string text = get(column);
    if (text.empty()) continue;
    *into = parse_stated_date(text);
    if (!*into) return Error{std::string(column) + " '" + text + "' is not YYYY-MM-DD, YYYY-MM or YYYY"};
  }
  i.outcome = get("outcome");
  i.source = get("source_url");
  i.source_title = get("source_title");
  if (!is_web_address(i.source)) return Error{"source_url '" + i.source + "' is not an http(s) address"};
  if (i.source_title.empty()) return Error{"no source_title"};
  if (!i.source_date) return Error{"no source_date"};
  if (auto errors = validate(i); !errors.empty()) return Error{errors.front().message};
  return i;
}

}  // namespace

Result<std::vector<Intervention>> parse_known_interventions(std::string_view csv_text,
                                                            const std::set<std::string>& authority_urns) {
  auto rows = parse_delimited(csv_text);
  if (rows.empty()) return Error{"the known interventions table is empty"};
  std::map<std::string, size_t> at;
  for (size_t c = 0; c < rows.front().size(); ++c) at[rows.front()[c]] = c;
  for (const char* name : kRequired)
    if (!at.count(name)) return Error{std::string("the known interventions table lacks the column ") + name};
  std::vector<Intervention> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() == 1 && rows[r][0].empty()) continue;  // a blank line
    auto i = read_row(rows[r], at, authority_urns);
    if (!i) return Error{"known interventions, line " + std::to_string(r + 1) + ": " + i.error()};
    out.push_back(std::move(*i));
  }
  return out;
}

}  // namespace cscwatch
