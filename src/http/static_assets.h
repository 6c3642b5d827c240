// Serving the embedded front-end assets under /static/<name>.
#pragma once

#include <string_view>

#include "http/embedded_assets.h"
#include "http/web_types.h"

namespace cscwatch {

const EmbeddedAsset* find_asset(std::string_view name);

// Chart.js is present only when web/node_modules existed at build time.
inline bool charts_available() { return find_asset("chart.umd.js") != nullptr; }

// 404 for unknown names (names are looked up, never used as paths).
WebResponse static_asset(const WebRequest& request);

}  // namespace cscwatch
