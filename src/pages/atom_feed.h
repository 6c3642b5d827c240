// Atom (RFC 4287) documents built from the change log: one entry per change,
// with a stable id (a name-based urn:uuid of the change's key, so the same
// change has the same id in every feed and on every run), the date it
// happened, a one-line summary and a link to the record. All text is
// untrusted (authority names, what reports say): it is XML-escaped, and
// bytes that are not UTF-8 or not allowed in XML are replaced or dropped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/change_log.h"

namespace cscwatch {

struct AtomFeed {
  std::string key;         // stable part of the feed's id: "national", "region/london", "authority/dudley"
  std::string title;       // plain text
  std::string self_path;   // this feed's address on the site, e.g. "/feeds/national.atom"
  std::string page_path;   // the page it follows, e.g. "/authority/dudley"
  std::string fallback_updated;  // RFC 3339, when there are no entries (the log's last write)
};

std::string render_atom_feed(const AtomFeed& feed, const std::vector<ChangeEntry>& entries);

// "urn:uuid:..." (RFC 4122 version 5, SHA-1, in cscwatch's own namespace) of `name`.
std::string name_based_urn(std::string_view name);

// Text made safe for XML 1.0: invalid UTF-8 becomes U+FFFD, characters XML
// forbids are dropped, & < > " ' are escaped.
std::string xml_escape(std::string_view text);

}  // namespace cscwatch
