// The other names a council's children's services go by (data/
// council_name_forms.csv, compiled in): trusts and companies that run them,
// with the dates they did ("Achieving for Children" serves Kingston, Richmond
// and, from 2017, Windsor and Maidenhead), short forms ("B&NES"), and the
// council's web site ("lbbd.gov.uk"), for articles that name the council only
// as "the Council" on its own site.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"

namespace cscwatch::news {

struct CouncilNameForm {
  std::string form;  // as printed: "Achieving for Children", "lbbd.gov.uk"
  std::string kind;  // trust, short, site
  std::string authority_urn;
  std::optional<Date> from, to;  // when the form named the council's services; none: always
};

// Every row of the table, parsed once.
const std::vector<CouncilNameForm>& council_name_forms();

// Whether a form applies on `date` (always, when the date is not known).
bool applies_on(const CouncilNameForm& form, const std::optional<Date>& date);

}  // namespace cscwatch::news
