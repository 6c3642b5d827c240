// The councils an article names: every printed form of an authority's name
// (from the authority directory) matched word by word, weighted by where it
// stands (headline and opening count more).
#pragma once

#include <string>
#include <vector>

#include "domain/authority.h"
#include "domain/authority_directory.h"
#include "news/reading_context.h"

namespace cscwatch::news {

struct AuthorityMention {
  const Authority* authority = nullptr;
  int mentions = 0;
  double weight = 0;                 // headline and opening paragraphs count more
  std::vector<std::string> printed;  // distinct forms as printed
  bool in_address = false;           // also named in the article's web address
};

// The authorities named, most prominent first (successors before the legacy
// authorities they replaced), at most 12; records every mention's offset in
// ctx.mentions. A name seen only as a lone sentence-initial word ("Reading
// the report...") is not a mention.
std::vector<AuthorityMention> read_councils(ReadingContext& ctx, const AuthorityDirectory& directory);

}  // namespace cscwatch::news
