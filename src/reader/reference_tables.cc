#include "reader/reference_tables.h"

#include <algorithm>
#include <sstream>

#include "reader/csv.h"

namespace cscwatch {

namespace {

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// "308, 821, 313" -> {"308","821","313"}; "[BCP, Bournemouth]" -> {"BCP","Bournemouth"}
std::vector<std::string> split_list(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), '['), s.end());
  s.erase(std::remove(s.begin(), s.end(), ']'), s.end());
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ',')) {
    item = trim(item);
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

}  // namespace

Result<std::vector<Authority>> load_authorities(const std::string& path) {
  std::string text;
  if (!read_text_file(path, text)) return Error{"cannot read the authority table " + path};
  auto rows = parse_delimited(text);
  if (rows.empty()) return Error{"the authority table " + path + " is empty"};
  const auto& header = rows.front();
  auto column = [&](const std::string& name) -> int {
    for (size_t i = 0; i < header.size(); ++i)
      if (trim(header[i]) == name) return static_cast<int>(i);
    return -1;
  };
  int urn = column("urn"), la = column("la_code"), ons = column("la_code_new"),
      name = column("local_authority_ons_name"), aka = column("also_known_as"),
      region_code = column("rgn22cd"), region_name = column("region_name"),
      type = column("ons_la_type"), pop = column("ons_population_0-25"),
      sn = column("stat_neighbours"), snp = column("stat_neighbours_previous");
  if (urn < 0 || la < 0 || name < 0)
    return Error{"the authority table " + path + " lacks the urn, la_code or local_authority_ons_name column"};
  std::vector<Authority> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    auto get = [&](int i) { return i >= 0 && static_cast<size_t>(i) < row.size() ? trim(row[i]) : std::string{}; };
    Authority a;
    a.urn = get(urn);
    if (a.urn.empty()) continue;
    a.la_code = get(la);
    a.ons_code = get(ons);
    a.name = get(name);
    a.slug = slugify(a.name);
    a.also_known_as = split_list(get(aka));
    a.region_code = get(region_code);
    a.region_name = get(region_name);
    a.la_type = get(type);
    std::string p = get(pop);
    a.population_0_25 = p.empty() ? 0 : std::atol(p.c_str());
    a.stat_neighbours = split_list(get(sn));
    a.stat_neighbours_previous = split_list(get(snp));
    // Legacy rows (replaced by reorganisation) have no current ONS code.
    a.legacy = a.ons_code.empty();
    out.push_back(std::move(a));
  }
  return out;
}

Result<std::map<std::string, ListingEntry>> load_manifest(const std::string& path) {
  std::string text;
  if (!read_text_file(path, text)) return Error{"cannot read the manifest " + path};
  auto rows = parse_delimited(text, '\t');
  std::map<std::string, ListingEntry> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.size() < 4) continue;
    out[row[0]] = ListingEntry{row[1], row[3], row.size() > 4 ? row[4] : ""};
  }
  return out;
}

}  // namespace cscwatch
