// Front-end assets compiled into the binary (generated at build time from
// web/ by web/cmake/embed_assets.cmake), so serving needs no files on disk and
// no path from a request ever reaches the file system.
#pragma once

#include <span>
#include <string_view>

namespace cscwatch {

struct EmbeddedAsset {
  std::string_view name;          // served at /static/<name>
  std::string_view content_type;
  std::string_view data;
};

std::span<const EmbeddedAsset> embedded_assets();

}  // namespace cscwatch
