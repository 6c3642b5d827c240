// Reads an authority's page on Ofsted's reports site: the links to its
// published reports, with their titles and publication dates.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"

namespace cscwatch {

struct ListedReport {
  std::string url;    // absolute URL of the PDF
  std::string title;  // link text, e.g. "Children's services inspection - 19 November 2021"
  std::optional<Date> published;
};

// Every link to a published file (".../v1/file/<id>") in the page, once each,
// in page order. Relative links are resolved against `site` (scheme and host).
// The page is untrusted: input is bounded and never executed.
std::vector<ListedReport> parse_provider_page(std::string_view html, std::string_view site);

// The first "19 November 2021" / "19 Nov 2021" date in free text.
std::optional<Date> find_long_date(std::string_view text);

}  // namespace cscwatch
