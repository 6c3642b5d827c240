#include "domain/delivery_body.h"

namespace cscwatch {

namespace {

// Dates are the first and last day of service delivery. Rows marked
// [uncertain] give a month (or a year) from the public record, with the first
// of the month assumed; check them before relying on a boundary.
constexpr DeliveryBody kDeliveryBodies[] = {
    {{"Doncaster Children's Services Trust", "Doncaster Children's Trust", ""},
     "80462", "2014-10-01", "2022-08-31", "independent trust",
     "domain brief s3 [S53][S54][S55]: first children's services trust, operational 1 Oct 2014; services "
     "returned to the council 1 Sep 2022"},
    {{"Slough Children's Services Trust", "Slough Children's Trust", ""},
     "80553", "2015-10-01", "2021-03-31", "independent trust",
     "domain brief s3 [S55][S56]: delivered services from 1 Oct 2015; moved to a council-owned company in "
     "Mar 2021 [uncertain: last day assumed 31 Mar 2021]"},
    {{"Slough Children First", "", ""},
     "80553", "2021-04-01", "", "council-owned company",
     "domain brief s3 [S56]: council-owned company from Mar 2021 [uncertain: first day assumed 1 Apr 2021]"},
    {{"Sandwell Children's Trust", "", ""},
     "80549", "2018-04-01", "", "independent trust",
     "domain brief s3 [S37][S57]: imposed trust launched 1 Apr 2018"},
    {{"Birmingham Children's Trust", "", ""},
     "80429", "2018-04-01", "", "council-owned trust",
     "domain brief s3 [S58][S59]: voluntary council-owned trust from Apr 2018 (public record: 1 Apr 2018)"},
    {{"Brighter Futures for Children", "", ""},
     "80540", "2018-12-03", "", "council-owned company",
     "domain brief s3 [S42][S60]: council-owned company for Reading from 2018 [uncertain: public record "
     "gives Dec 2018, day assumed 3 Dec]; services due back in-house in 2026 (no end date yet)"},
    {{"Bradford Children and Families Trust", "Bradford Children's Trust", ""},
     "80449", "2023-04-01", "", "council-owned trust",
     "domain brief s3 [S40]: trust from 1 Apr 2023"},
    // One trust for the county, then for both successor unitaries (s5).
    {{"Northamptonshire Children's Trust", "", ""},
     "121939", "2020-11-01", "2021-03-31", "council-owned trust",
     "domain brief s5 [S64][S65]: launched Nov 2020 [uncertain: day assumed 1 Nov] for Northamptonshire CC, "
     "replaced 1 Apr 2021"},
    {{"Northamptonshire Children's Trust", "", ""},
     "2637539", "2021-04-01", "", "council-owned trust",
     "domain brief s5 [S64][S65]: serves North Northamptonshire from its creation on 1 Apr 2021"},
    {{"Northamptonshire Children's Trust", "", ""},
     "2637548", "2021-04-01", "", "council-owned trust",
     "domain brief s5 [S64][S65]: serves West Northamptonshire from its creation on 1 Apr 2021"},
    {{"Together for Children", "", ""},
     "80566", "2017-04-01", "", "council-owned company",
     "public record: Sunderland's children's services company from Apr 2017 [uncertain: day assumed 1 Apr]"},
    // Achieving for Children: one company owned by several councils.
    {{"Achieving for Children", "", ""},
     "80545", "2014-04-01", "", "council-owned community interest company",
     "public record: set up by Kingston upon Thames and Richmond upon Thames in 2014 [uncertain: Apr 2014 "
     "assumed]"},
    {{"Achieving for Children", "", ""},
     "80513", "2014-04-01", "", "council-owned community interest company",
     "public record: set up by Kingston upon Thames and Richmond upon Thames in 2014 [uncertain: Apr 2014 "
     "assumed]"},
    {{"Achieving for Children", "", ""},
     "80546", "2017-08-01", "", "council-owned community interest company",
     "public record: Windsor and Maidenhead joined as a co-owner in 2017 [uncertain: Aug 2017 assumed]"},
    {{"Worcestershire Children First", "", ""},
     "80584", "2019-10-01", "", "council-owned company",
     "public record, not in the domain brief: Worcestershire's wholly owned company from Oct 2019 "
     "[uncertain: day assumed 1 Oct; whether it has since returned in-house unchecked]"},
};

}  // namespace

bool DeliveryBody::covers(const Date& day) const {
  auto s = start();
  auto e = end();
  return (!s || *s <= day) && (!e || day <= *e);
}

std::string DeliveryBody::period() const {
  auto s = start();
  auto e = end();
  if (s && e) return to_long_form(*s) + " to " + to_long_form(*e);
  if (s) return "from " + to_long_form(*s);
  if (e) return "until " + to_long_form(*e);
  return "dates unknown";
}

std::span<const DeliveryBody> known_delivery_bodies() { return kDeliveryBodies; }

}  // namespace cscwatch
