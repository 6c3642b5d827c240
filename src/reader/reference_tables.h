// The reference tables cscwatch reads: the authority lookup and the corpus
// manifest (listed publication dates).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "domain/authority.h"
#include "domain/result.h"

namespace cscwatch {

// reference/authorities.csv (data-to-insight's provider lookup): one row per
// authority, current and legacy.
Result<std::vector<Authority>> load_authorities(const std::string& path);

// A listing of published reports: file name -> publication date as listed by
// Ofsted's site (ISO). Reads corpus/manifest.tsv (file, urn, slug,
// listed_published, source_title).
struct ListingEntry {
  std::string urn;
  std::string listed_published;
  std::string title;
};
Result<std::map<std::string, ListingEntry>> load_manifest(const std::string& path);

}  // namespace cscwatch
