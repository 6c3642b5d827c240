// The Atom feeds (atom_feed.h) the site publishes from the change log:
//   /feeds/national.atom             every alert
//   /feeds/region/<region>.atom      an Ofsted region's authorities ("west-midlands")
//   /feeds/authority/<slug>.atom     one authority
// Each carries the latest alerts (new report or letter, grade, visit,
// intervention or improvement board recorded), newest first.
#pragma once

#include <string>
#include <string_view>

#include "http/page_context.h"
#include "http/web_types.h"

namespace cscwatch {

inline constexpr std::string_view kNationalFeedPath = "/feeds/national.atom";
inline constexpr int kFeedEntries = 100;

WebResponse national_feed(const PageContext& ctx, const WebRequest& request);
WebResponse region_feed(const PageContext& ctx, const WebRequest& request);
WebResponse authority_feed(const PageContext& ctx, const WebRequest& request);

// "west-midlands" for "West Midlands": a region's part of its feed address.
std::string region_slug(std::string_view region_name);

std::string authority_feed_path(std::string_view authority_slug);
std::string region_feed_path(std::string_view region_name);

}  // namespace cscwatch
