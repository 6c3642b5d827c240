// Headers on every response. Pages hold untrusted report text, so even if an
// escaping bug let markup through, the Content-Security-Policy forbids inline
// script and style and every foreign origin: scripts and styles come only from
// /static on this server.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace cscwatch {

using HeaderList = std::vector<std::pair<std::string_view, std::string_view>>;

// For HTML pages and JSON.
const HeaderList& security_headers();

// For the stored PDFs: the browser's PDF viewer needs its own plugin and
// styles, so the policy is a sandboxless "nothing from elsewhere" instead.
const HeaderList& pdf_security_headers();

}  // namespace cscwatch
