// `cscwatch fetch`: downloads the reference authority table and every
// published children's services report into a data folder laid out as
// ../shared is (reference/authorities.csv, corpus/pdf/URN-slug_DATE.pdf,
// corpus/manifest.tsv), so that ingest can read it.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "fetch/http_client.h"

namespace cscwatch {

struct FetchOptions {
  std::string data_dir;
  // Ofsted's reports site; an authority's page is <site>/provider/44/<URN>.
  std::string site = "https://reports.ofsted.gov.uk";
  // data-to-insight's authority lookup, which reference/authorities.csv mirrors.
  std::string reference_url =
      "https://raw.githubusercontent.com/data-to-insight/ofsted-ilacs-scrape-tool/main/import_data/la_lookup/"
      "Provider_data_lookup.csv";
  std::vector<std::string> authorities;  // queries (name, URN, code); empty: every authority
  bool reference_only = false;
  HttpLimits limits;  // timeouts and size limit of every request
  std::function<void(const std::string&)> on_progress;
};

struct FetchSummary {
  int downloaded = 0;
  int already_present = 0;
  int failed = 0;
  std::vector<std::string> failures;  // "<what>: <why>"
  std::vector<std::string> saved;     // files written this time, relative to the data folder
};

FetchSummary fetch_reports(const FetchOptions& options);

}  // namespace cscwatch
