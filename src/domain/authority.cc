#include "domain/authority.h"

#include <cctype>

namespace cscwatch {

std::string slugify(const std::string& name) {
  std::string slug;
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      slug.push_back(static_cast<char>(std::tolower(u)));
    } else if (c == '&') {
      if (!slug.empty() && slug.back() != '-') slug.push_back('-');
      slug += "and-";
    } else if (c == '\'' ) {
      continue;
    } else if (!slug.empty() && slug.back() != '-') {
      slug.push_back('-');
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

}  // namespace cscwatch
