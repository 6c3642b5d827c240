#include "reader/known_interventions.h"

#include <string>

#include "domain/improvement_validation.h"
#include "reader/csv.h"

namespace cscwatch {

Result<std::vector<Intervention>> parse_known_interventions(std::string_view csv_text) {
  auto rows = parse_delimited(csv_text);
  if (rows.empty()) return Error{"the known interventions table is empty"};
  const auto& header = rows.front();
  auto column = [&](const char* name) -> int {
    for (size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return static_cast<int>(i);
    return -1;
  };
  const int urn = column("authority_urn"), kind = column("kind"), issuer = column("issuer"), person = column("person"),
            start = column("start"), review = column("review"), end = column("end"), outcome = column("outcome"),
            source = column("source");
  if (urn < 0 || kind < 0 || issuer < 0 || start < 0 || end < 0 || source < 0)
    return Error{"the known interventions table lacks one of authority_urn, kind, issuer, start, end, source"};
  std::vector<Intervention> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    auto get = [&](int i) { return i >= 0 && static_cast<size_t>(i) < row.size() ? row[i] : std::string{}; };
    if (row.size() == 1 && row[0].empty()) continue;  // a blank line
    const std::string where = "known interventions, line " + std::to_string(r + 1) + ": ";
    Intervention i;
    i.origin = "reference";
    i.authority_urn = get(urn);
    if (i.authority_urn.empty()) return Error{where + "no authority URN"};
    auto k = parse_intervention_kind(get(kind));
    if (!k) return Error{where + "unknown kind '" + get(kind) + "'"};
    i.kind = *k;
    i.issuer = get(issuer);
    i.person = get(person);
    auto date = [&](int c, std::optional<StatedDate>& into) -> bool {
      const std::string text = get(c);
      if (text.empty()) return true;
      into = parse_stated_date(text);
      return into.has_value();
    };
    if (!date(start, i.start) || !date(review, i.review) || !date(end, i.end))
      return Error{where + "a date is not YYYY-MM-DD, YYYY-MM or YYYY"};
    i.outcome = get(outcome);
    i.source = get(source);
    if (auto errors = validate(i); !errors.empty()) return Error{where + errors.front().message};
    out.push_back(std::move(i));
  }
  return out;
}

}  // namespace cscwatch
