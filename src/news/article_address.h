// Authorities named in an article's web address: a council's own site
// ("moderngov.stockton.gov.uk", "www.rotherham.gov.uk") or a story's slug
// (".../corporate-parenting-failures-sees-newham-downgraded-to-inadequate").
#pragma once

#include <string_view>
#include <vector>

#include "domain/authority_directory.h"
#include "news/article_reading.h"

namespace cscwatch::news {

struct AddressMention {
  const Authority* authority = nullptr;
  bool in_host = false;   // the site's own name, not the path
  std::string printed;    // the words as they stand in the address
};

std::vector<AddressMention> authorities_in_address(std::string_view url, const AuthorityDirectory& directory);

// Adds them to the reading's authorities (a host name counts as much as the
// headline, a path slug as an opening sentence), most prominent first.
void add_address_mentions(ArticleReading& reading, const std::vector<AddressMention>& mentions);

}  // namespace cscwatch::news
